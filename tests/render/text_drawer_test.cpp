// Needs an X display (SFML 2.5 creates a GL context even for RenderTexture):
// run under xvfb-run -a -s "-screen 0 1920x1080x24 -noreset".
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Text.hpp>

#include "render/text_drawer.h"
#include "support/build_paths.h"

using namespace vitrine;
using text::LayoutStyle;
using text::Paragraph;
using text::Span;

namespace {

const sf::Color kBackground(0x11, 0x11, 0x11);
const sf::Color kInk(0xef, 0xe6, 0xd6);
constexpr unsigned kWidth = 1920;
constexpr unsigned kHeight = 1080;
// A pixel counts as ink once it is clearly lighter than the background.
constexpr int kInkThreshold = 0x11 + 40;

Span span(std::string text, bool bold = false, bool italic = false) {
    Span s;
    s.utf8 = std::move(text);
    s.bold = bold;
    s.italic = italic;
    return s;
}

bool isInk(const sf::Image& image, unsigned x, unsigned y) {
    const sf::Color c = image.getPixel(x, y);
    return c.r > kInkThreshold || c.g > kInkThreshold || c.b > kInkThreshold;
}

/// Ink pixels inside each box (widened by `margin` on every side: italic tails, side bearings,
/// descenders and accents may overhang the advance box by a few pixels), and those outside
/// all of them.
struct InkCount {
    std::vector<int> inside;
    int outside = 0;
};
InkCount countInk(const sf::Image& image, const std::vector<sf::FloatRect>& boxes, float margin) {
    InkCount count;
    count.inside.assign(boxes.size(), 0);
    for (unsigned y = 0; y < image.getSize().y; ++y) {
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            if (!isInk(image, x, y)) continue;
            bool within = false;
            for (std::size_t i = 0; i < boxes.size() && !within; ++i) {
                const sf::FloatRect& box = boxes[i];
                within = x + margin >= box.left && x <= box.left + box.width + margin && y + margin >= box.top &&
                         y < box.top + box.height + margin;
                count.inside[i] += within ? 1 : 0;
            }
            count.outside += within ? 0 : 1;
        }
    }
    return count;
}

std::vector<Paragraph> mixedScriptSample() {
    return {
        Paragraph{{span("The Baku Pogroms of Armenians (January 1990)", true)}},
        Paragraph{{span("The "), span("Baku Pogroms", false, true),
                   span(" refer to a week-long wave of organized violence, looting, and killings carried out "
                        "against the Armenian population of Baku, the capital of Soviet Azerbaijan, from "
                        "January 13 to 19, 1990.")}},
        Paragraph{{span("Bakı, 1990-cı ilin yanvarı. "), span("Dağlıq Qarabağ.", false, true)}},
        Paragraph{{span("Բաքու", true), span(", 1990 թվականի հունվար")}},
        Paragraph{{span("Баку, "), span("январь 1990 года", false, true)}},
    };
}

}  // namespace

TEST_CASE("text_drawer: a mixed-script paragraph puts ink inside its layout bounds only") {
    text::FontLibrary fonts(text::bundledFontsDirectory());
    render::FontCache cache;
    render::TextDrawer drawer(fonts, cache);
    LayoutStyle style;
    style.maxWidthPx = 1400;
    const auto layout = drawer.layout(mixedScriptSample(), style, 1.0f);
    REQUIRE(layout.lines.size() >= 6);

    sf::RenderTexture canvas;
    REQUIRE(canvas.create(kWidth, kHeight));
    canvas.clear(kBackground);
    render::TextDrawOptions options;
    options.position = {200, 120};
    options.color = kInk;
    drawer.draw(canvas, layout, options);
    canvas.display();
    const sf::Image image = canvas.getTexture().copyToImage();

    const sf::FloatRect box = render::TextDrawer::bounds(layout, options);
    CHECK(box.left == doctest::Approx(200));
    CHECK(box.top == doctest::Approx(120));
    CHECK(box.width <= 1400);
    const InkCount ink = countInk(image, {box}, 0.2f * static_cast<float>(layout.sizePx));
    CHECK(ink.outside == 0);
    CHECK(ink.inside[0] > 20000);

    // Every line has ink of its own, Armenian and Cyrillic included (no empty boxes lost).
    for (const auto& line : layout.lines) {
        int lineInk = 0;
        const auto top = static_cast<unsigned>(box.top + line.top);
        for (unsigned y = top; y < top + static_cast<unsigned>(line.height); ++y) {
            for (unsigned x = 0; x < kWidth; ++x) lineInk += isInk(image, x, y) ? 1 : 0;
        }
        CHECK(lineInk > 500);
    }
}

TEST_CASE("text_drawer: glyphs land exactly where sf::Text draws the same font and size") {
    text::FontLibrary fonts(text::bundledFontsDirectory());
    render::FontCache cache;
    render::TextDrawer drawer(fonts, cache);
    struct Sample {
        const char* stem;
        const char* utf8;
        unsigned size;
    };
    const Sample samples[] = {{"NotoSerif-Regular", "Hamburgefonstiv Bakı ə ş ğ Баку", 44},
                              {"NotoSerif-BoldItalic", "Wave of violence, 1990", 61},
                              {"NotoSerifArmenian-Regular", "Բաքու Երևան", 44},
                              {"DejaVuSans", "AVATAR Wave To", 44}};  // DejaVu has a kern table
    for (const Sample& s : samples) {
        CAPTURE(s.stem);
        LayoutStyle style;
        style.family = s.stem;
        style.sizePx = static_cast<float>(s.size);
        const auto layout = drawer.layout({Paragraph{{span(s.utf8)}}}, style, 1.0f);
        for (const auto& run : layout.runs) REQUIRE(fonts.info(run.face).stem == s.stem);
        constexpr float kBaseline = 200;
        constexpr float kLeft = 50;

        sf::RenderTexture ours, theirs;
        REQUIRE(ours.create(kWidth, 300));
        REQUIRE(theirs.create(kWidth, 300));
        ours.clear(kBackground);
        theirs.clear(kBackground);
        render::TextDrawOptions options;
        options.position = {kLeft, kBaseline - layout.lines[0].baselineY};
        options.color = kInk;
        drawer.draw(ours, layout, options);

        const sf::Font* font = cache.font(fonts.path(layout.runs[0].face));
        REQUIRE(font != nullptr);
        // sf::Text (2.5) puts its baseline one character size below its position.
        sf::Text reference(sf::String::fromUtf8(s.utf8, s.utf8 + std::strlen(s.utf8)), *font, s.size);
        reference.setFillColor(kInk);
        reference.setPosition(kLeft, kBaseline - static_cast<float>(s.size));
        theirs.draw(reference);
        ours.display();
        theirs.display();
        const sf::Image a = ours.getTexture().copyToImage();
        const sf::Image b = theirs.getTexture().copyToImage();
        int different = 0, ink = 0;
        for (unsigned y = 0; y < a.getSize().y; ++y) {
            for (unsigned x = 0; x < a.getSize().x; ++x) {
                different += a.getPixel(x, y) != b.getPixel(x, y) ? 1 : 0;
                ink += isInk(a, x, y) ? 1 : 0;
            }
        }
        CHECK(ink > 1000);
        CHECK(different == 0);
    }
}

TEST_CASE("text_drawer: scale lays out at output size, shadow and box stay near the text") {
    text::FontLibrary fonts(text::bundledFontsDirectory());
    render::FontCache cache;
    render::TextDrawer drawer(fonts, cache);
    LayoutStyle style;
    style.maxWidthPx = 800;
    const auto small = drawer.layout(mixedScriptSample(), style, 1.0f);
    const auto big = drawer.layout(mixedScriptSample(), style, 2.0f);
    CHECK(big.sizePx == 88);
    CHECK(big.width == doctest::Approx(1600));
    CHECK(big.height == doctest::Approx(2 * small.height).epsilon(0.1));

    sf::RenderTexture canvas;
    REQUIRE(canvas.create(kWidth, kHeight));
    canvas.clear(sf::Color::White);
    render::TextDrawOptions options;
    options.position = {100, 50};
    options.color = kInk;
    options.opacity = 0.5f;
    options.shadow = render::TextShadow{};
    options.background = render::TextBackground{20, sf::Color(0, 0, 0, 255)};
    drawer.draw(canvas, small, options);
    canvas.display();
    const sf::Image image = canvas.getTexture().copyToImage();
    const sf::FloatRect box = render::TextDrawer::bounds(small, options);
    // Half-opaque black box over white: mid grey just inside the padding, white outside.
    const auto insideX = static_cast<unsigned>(box.left - 10), insideY = static_cast<unsigned>(box.top - 10);
    const sf::Color padded = image.getPixel(insideX, insideY);
    CHECK(std::abs(static_cast<int>(padded.r) - 128) <= 2);
    CHECK(image.getPixel(static_cast<unsigned>(box.left - 30), insideY) == sf::Color::White);
    CHECK(image.getPixel(static_cast<unsigned>(box.left + box.width + 30), insideY) == sf::Color::White);
}

TEST_CASE("text_drawer: sample card for a person to look at, its title and body inside their boxes") {
    // Writes text-sample.png in the build folder: 44 px Noto Serif, #efe6d6 on #111, at 1920x1080.
    text::FontLibrary fonts(text::bundledFontsDirectory());
    render::FontCache cache;
    render::TextDrawer drawer(fonts, cache);
    sf::RenderTexture canvas;
    REQUIRE(canvas.create(kWidth, kHeight));
    canvas.clear(kBackground);

    LayoutStyle title;
    title.sizePx = 72;
    title.bold = true;
    title.maxWidthPx = 1400;
    title.lineHeight = 1.2f;
    const auto titleLayout = drawer.layout({Paragraph{{span("The Baku Pogroms of Armenians")}},
                                            Paragraph{{span("January 1990", false, true)}}},
                                           title, 1.0f);
    render::TextDrawOptions titleOptions;
    titleOptions.position = {260, 140};
    titleOptions.color = kInk;
    drawer.draw(canvas, titleLayout, titleOptions);

    LayoutStyle body;
    body.maxWidthPx = 1400;
    auto paragraphs = mixedScriptSample();
    paragraphs.erase(paragraphs.begin());
    const auto bodyLayout = drawer.layout(paragraphs, body, 1.0f);
    render::TextDrawOptions bodyOptions = titleOptions;
    bodyOptions.position = {260, 140 + titleLayout.height + 60};
    drawer.draw(canvas, bodyLayout, bodyOptions);
    canvas.display();
    const sf::Image image = canvas.getTexture().copyToImage();

    // The title's two lines and the body's paragraphs each fill their own box, and nothing
    // is drawn anywhere else (the gap of 60 px between them included).
    const sf::FloatRect titleBox = render::TextDrawer::bounds(titleLayout, titleOptions);
    const sf::FloatRect bodyBox = render::TextDrawer::bounds(bodyLayout, bodyOptions);
    CHECK(titleBox.top + titleBox.height + 60 == doctest::Approx(bodyBox.top));
    const InkCount ink = countInk(image, {titleBox, bodyBox}, 0.2f * static_cast<float>(titleLayout.sizePx));
    CHECK(ink.outside == 0);
    CHECK(ink.inside[0] > 10000);
    CHECK(ink.inside[1] > 20000);

    const auto path = vitrine::test::binaryDir() / "text-sample.png";
    CHECK(image.saveToFile(path.string()));
}
