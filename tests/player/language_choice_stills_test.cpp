// Stills of the two-language fixture (tests/fixtures/languages/) as a site shows it in each
// <languages show> mode, drawn by the renderer the player draws with. Each is written to
// build/language-stills/ to be looked at; the checks measure what a visitor would see.

#include <doctest/doctest.h>

#include <filesystem>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "output/offscreen.h"
#include "player/language_choice.h"
#include "render/render_resources.h"
#include "support/build_paths.h"

using namespace vitrine;
using installation::LanguageMode;

namespace {

const sf::Vector2u kSize{960, 540};  // half the canvas: every canvas px is half a pixel here

struct Fixture {
    test::TempDir dir;
    Show show;
    Fixture() {
        for (const auto& f : std::filesystem::directory_iterator(test::fixturesDir() / "languages"))
            std::filesystem::copy_file(f.path(), dir / f.path().filename().string());
        REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=6 -ac 1 -ar 16000 " + test::quoted(dir / "voice.wav")));
        LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
        for (const auto& d : e.diagnostics.all()) INFO(formatDiagnostic(d));
        REQUIRE(e.show);
        REQUIRE_FALSE(e.diagnostics.hasErrors());
        show = *e.show;
    }
};

LanguageChoice site(LanguageMode mode, std::vector<std::string> languages) {
    LanguageChoice c;
    c.mode = mode;
    c.text = languages;
    c.captions = languages;
    return c;
}

sf::Image still(const Show& show, const std::string& name) {
    render::RenderResources resources;
    render::FrameRenderer renderer(show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, show, kSize);
    REQUIRE(offscreen.ok());
    sf::Image image = offscreen.renderAt(2 * kMicrosPerSecond);
    const auto folder = test::binaryDir() / "language-stills";
    std::filesystem::create_directories(folder);
    image.saveToFile((folder / (name + ".png")).string());
    return image;
}

bool ink(const sf::Image& image, unsigned x, unsigned y) {
    const sf::Color c = image.getPixel(x, y);
    return c.r + c.g + c.b > 150;
}

// The lowest and highest rows with ink in [x0, x1) × [y0, y1); -1 when none.
int lowestInk(const sf::Image& image, unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
    for (unsigned y = y1; y-- > y0;)
        for (unsigned x = x0; x < x1; ++x)
            if (ink(image, x, y)) return static_cast<int>(y);
    return -1;
}
int highestInk(const sf::Image& image, unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
    for (unsigned y = y0; y < y1; ++y)
        for (unsigned x = x0; x < x1; ++x)
            if (ink(image, x, y)) return static_cast<int>(y);
    return -1;
}
int inkCount(const sf::Image& image, unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
    int n = 0;
    for (unsigned y = y0; y < y1; ++y)
        for (unsigned x = x0; x < x1; ++x) n += ink(image, x, y) ? 1 : 0;
    return n;
}
int differing(const sf::Image& a, const sf::Image& b) {
    int n = 0;
    for (unsigned y = 0; y < kSize.y; ++y)
        for (unsigned x = 0; x < kSize.x; ++x) n += a.getPixel(x, y) == b.getPixel(x, y) ? 0 : 1;
    return n;
}

// Where the fixture's boxes are in a still (canvas px / 2).
constexpr unsigned kTopX0 = 77, kTopY0 = 43, kTopX1 = 461, kTopY1 = 259;       // 8 %, 8 %, 40 % × 40 %
constexpr unsigned kWideX0 = 77, kWideY0 = 297, kWideX1 = 883, kWideY1 = 351;  // 8 %, 55 %, 84 % × 10 %
constexpr unsigned kWideMiddle = 480;                                          // the right column starts here
constexpr unsigned kCaptionsY0 = 380;                                          // captions stand below

}  // namespace

TEST_CASE("language stills: one both and alternate as a visitor sees them") {
    Fixture f;
    const sf::Image english = still(chooseLanguages(f.show, site(LanguageMode::One, {"en", "fr"})), "one-en");
    const sf::Image french = still(chooseLanguages(f.show, site(LanguageMode::One, {"fr", "en"})), "one-fr");
    const sf::Image both = still(chooseLanguages(f.show, site(LanguageMode::Both, {"en", "fr"})), "both-en-fr");
    const LanguageChoice alternate = site(LanguageMode::Alternate, {"en", "fr"});
    const sf::Image loop1 = still(chooseLanguages(f.show, choiceForLoop(alternate, 0)), "alternate-loop1");
    const sf::Image loop2 = still(chooseLanguages(f.show, choiceForLoop(alternate, 1)), "alternate-loop2");

    SUBCASE("one language: each in its own words, one text block and one caption line") {
        CHECK(inkCount(english, kTopX0, kTopY0, kTopX1, kTopY1) > 200);
        CHECK(inkCount(french, kTopX0, kTopY0, kTopX1, kTopY1) > 200);
        CHECK(differing(english, french) > 500);
        // The wide text's English sentence ends before the middle of its box.
        CHECK(inkCount(english, kWideMiddle, kWideY0, kWideX1, kWideY1) == 0);
    }
    SUBCASE("both: the second language below the first in a narrow box, beside it in a wide one") {
        CHECK(lowestInk(both, kTopX0, kTopY0, kTopX1, kTopY1) > lowestInk(english, kTopX0, kTopY0, kTopX1, kTopY1) + 20);
        CHECK(highestInk(both, kTopX0, kTopY0, kTopX1, kTopY1) == highestInk(english, kTopX0, kTopY0, kTopX1, kTopY1));
        CHECK(inkCount(both, kWideMiddle, kWideY0, kWideX1, kWideY1) > 100);
        // Quieter: the second language's ink is fainter than the first's at its brightest.
        auto brightest = [&](unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
            int best = 0;
            for (unsigned y = y0; y < y1; ++y)
                for (unsigned x = x0; x < x1; ++x) {
                    const sf::Color c = both.getPixel(x, y);
                    best = std::max(best, c.r + c.g + c.b);
                }
            return best;
        };
        CHECK(brightest(kWideMiddle, kWideY0, kWideX1, kWideY1) < brightest(kWideX0, kWideY0, kWideMiddle, kWideY1) - 60);
        // Captions: two languages stacked, so they reach higher up the wall.
        const int oneTop = highestInk(english, 0, kCaptionsY0, kSize.x, kSize.y);
        const int bothTop = highestInk(both, 0, kCaptionsY0, kSize.x, kSize.y);
        REQUIRE(oneTop > 0);
        CHECK(bothTop < oneTop - 10);
    }
    SUBCASE("alternate: loop 1 is the English still and loop 2 the French one, captions too") {
        CHECK(differing(loop1, english) == 0);
        CHECK(differing(loop2, french) == 0);
    }
}
