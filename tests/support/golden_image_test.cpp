// The golden-image tolerance: antialiasing noise passes, one changed character fails.
// Needs an X display (SFML 2.5 creates a GL context even for RenderTexture).

#include <doctest/doctest.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include <tuple>

#include "render/text_drawer.h"
#include "support/golden_image.h"

using namespace vitrine;
using vitrine::test::compareImages;
using vitrine::test::kGoldenTolerance;

namespace {

// One line of text as small as the golden frames draw it (a 36 px canvas style at 640x360).
sf::Image drawLine(const std::string& utf8, const std::string& family) {
    text::FontLibrary fonts(text::bundledFontsDirectory());
    render::FontCache cache;
    render::TextDrawer drawer(fonts, cache);
    text::LayoutStyle style;
    style.family = family;
    style.sizePx = 12;
    sf::RenderTexture target;
    REQUIRE(target.create(200, 24));
    target.clear(sf::Color::Black);
    render::TextDrawOptions options;
    options.position = {4, 4};
    options.color = sf::Color(0xef, 0xe6, 0xd6);
    drawer.draw(target, drawer.layout({text::Paragraph{{text::Span{utf8, false, false, {}}}}}, style, 1), options);
    target.display();
    return target.getTexture().copyToImage();
}

}  // namespace

TEST_CASE("golden tolerance: one changed character fails, however small") {
    // A digit of a date, a letter, and the dot that tells Azerbaijani ı from i.
    for (auto [family, right, wrong] : {std::tuple{"sans", "January 13, 1990", "January 18, 1990"},
                                        std::tuple{"serif", "Baku", "Bako"},
                                        std::tuple{"serif", "Երևան", "Երևամ"},
                                        std::tuple{"serif", "Bakı", "Baki"}}) {
        const std::string shown = wrong;
        CAPTURE(shown);
        const auto d = compareImages(drawLine(wrong, family), drawLine(right, family));
        CHECK(d.differingPixels > 0);
        CHECK_FALSE(d.within(kGoldenTolerance));
    }
}

TEST_CASE("golden tolerance: rounding on every pixel and a few stray pixels pass") {
    const sf::Image reference = drawLine("January 13, 1990", "sans");
    // Every channel of every pixel a few levels off, as another build's blending might round.
    sf::Image rounded = reference;
    for (unsigned y = 0; y < reference.getSize().y; ++y)
        for (unsigned x = 0; x < reference.getSize().x; ++x) {
            sf::Color c = reference.getPixel(x, y);
            auto shift = [](sf::Uint8 v) {
                const int by = kGoldenTolerance.channelDelta;
                return static_cast<sf::Uint8>(v < 128 ? v + by : v - by);
            };
            rounded.setPixel(x, y, sf::Color(shift(c.r), shift(c.g), shift(c.b), c.a));
        }
    CHECK(compareImages(rounded, reference).within(kGoldenTolerance));

    // Stray edge pixels, each far from the others: as many as allowed pass, one more fails.
    sf::Image stray = reference;
    auto flip = [&](unsigned x, unsigned y) {
        sf::Color c = stray.getPixel(x, y);
        stray.setPixel(x, y, sf::Color(255 - c.r, 255 - c.g, 255 - c.b, c.a));
    };
    for (int i = 0; i < kGoldenTolerance.pixels; ++i) flip(static_cast<unsigned>(i % 16) * 12, i < 16 ? 2 : 20);
    CHECK(compareImages(stray, reference).within(kGoldenTolerance));
    flip(196, 11);
    CHECK_FALSE(compareImages(stray, reference).within(kGoldenTolerance));

    // Four pixels together are a mark (the dot of an i at this size), not noise, even where
    // they straddle the corner of four 8x8 blocks of a fixed grid.
    sf::Image mark = reference;
    for (unsigned x : {103u, 104u})
        for (unsigned y : {7u, 8u}) mark.setPixel(x, y, sf::Color::Red);
    CHECK_FALSE(compareImages(mark, reference).within(kGoldenTolerance));
}
