// Reduced motion as visitors see it (CompileOptions::reducedMotion, drawn by the player's
// renderer): a pan-zoom is one still frame, a slide is a fade, and credits too tall for
// their box are still pages. Each check is paired with the moving show, where it fails.
// The frames are written beside the tests (reduced-motion-*.png) to look at.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "output/offscreen.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "support/golden_image.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

const sf::Vector2u kSize{640, 360};

// Frames of the exhibit `xml` at `times`, compiled with or without motion.
std::vector<sf::Image> framesOf(const std::filesystem::path& xml, bool reducedMotion, const std::vector<Micros>& times,
                                sf::Vector2u size = kSize) {
    CompileOptions options;
    options.reducedMotion = reducedMotion;
    const LoadedExhibit e = loadExhibit(xml, options);
    REQUIRE(e.show);
    render::RenderResources resources;
    render::FrameRenderer renderer(*e.show, resources);
    output::OffscreenRenderer offscreen(renderer, *e.show, size);
    REQUIRE(offscreen.ok());
    std::vector<sf::Image> frames;
    for (Micros t : times) frames.push_back(offscreen.renderAt(t));
    return frames;
}

std::filesystem::path writeExhibit(const TempDir& dir, const std::string& body) {
    auto path = dir / "exhibit.xml";
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(body.begin(), body.end()));
    return path;
}

void keep(const sf::Image& image, const std::string& name) {
    image.saveToFile((test::binaryDir() / ("reduced-motion-" + name + ".png")).string());
}

bool identical(const sf::Image& a, const sf::Image& b) {
    return a.getSize() == b.getSize() && std::equal(a.getPixelsPtr(), a.getPixelsPtr() + 4 * a.getSize().x * a.getSize().y,
                                                    b.getPixelsPtr());
}

bool near(sf::Color c, int r, int g, int b, int tolerance = 6) {
    return std::abs(c.r - r) <= tolerance && std::abs(c.g - g) <= tolerance && std::abs(c.b - b) <= tolerance;
}

}  // namespace

TEST_CASE("reduced motion: frames across a pan-zoom are identical") {
    TempDir dir;
    REQUIRE(vitrine::test::makeTestPattern(dir / "pattern.png", 400, 300));
    const auto xml = writeExhibit(dir, "<exhibit><scene id=\"pz\" dur=\"10s\"><image src=\"pattern.png\" credit=\"test\" "
                                       "fit=\"cover\" panzoom=\"0,0,100%,100% -> 50%,50%,50%,50%\"/></scene></exhibit>");
    const std::vector<Micros> times{seconds(1), seconds(5), seconds(9)};
    const auto still = framesOf(xml, true, times);
    const auto moving = framesOf(xml, false, times);
    keep(still[1], "panzoom-5s");
    CHECK(identical(still[0], still[1]));
    CHECK(identical(still[1], still[2]));
    // The whole picture, as the pan-zoom starts (its wider framing): the same as the moving
    // show's first instant, give or take its first second of travel.
    CHECK(vitrine::test::compareImages(still[0], framesOf(xml, false, {0}).front(), 24).differingFraction < 0.01);
    CHECK(vitrine::test::compareImages(moving[0], moving[2], 24).differingFraction > 0.2);  // it moves without
}

TEST_CASE("reduced motion: a slide between two scenes is a fade, with nothing moved") {
    TempDir dir;
    const auto xml = writeExhibit(dir, "<exhibit>"
                                       "<scene id=\"red\" dur=\"10s\" background=\"#ff0000\"/>"
                                       "<scene id=\"blue\" dur=\"10s\" background=\"#0000ff\" transition=\"slide-left 2s\"/>"
                                       "</exhibit>");
    const auto still = framesOf(xml, true, {seconds(10) + 500'000, seconds(11)});
    const auto moving = framesOf(xml, false, {seconds(11)});
    keep(still[1], "slide-as-fade-mid");
    // Half way: every part of the canvas is the same half-and-half mix of the two scenes.
    for (unsigned x : {10u, 160u, 320u, 480u, 630u}) {
        CAPTURE(x);
        CHECK(near(still[1].getPixel(x, 180), 128, 0, 128, 8));
        // A quarter of the way: more of the old scene, still all over the canvas.
        CHECK(near(still[0].getPixel(x, 180), 191, 0, 64, 8));
    }
    // The slide: the old scene on the left half, the new one on the right, each unmixed.
    CHECK(near(moving[0].getPixel(160, 180), 255, 0, 0));
    CHECK(near(moving[0].getPixel(480, 180), 0, 0, 255));
}

TEST_CASE("reduced motion: credits too tall for their box are pages that hold still") {
    const auto xml = test::fixturesDir() / "layout" / "many-credits-slow.xml";
    // 90 s of credits in seven pages of three or four entries, each held for its share of
    // the time (13 to 17 s, less its fades): the first page at the start, the second from
    // about 14 s to 29 s (when the roll moves), the last at the end.
    const std::vector<Micros> times{seconds(2), seconds(8), seconds(20), seconds(26), seconds(88), seconds(90) - 1000};
    const auto still = framesOf(xml, true, times);
    keep(still[0], "credits-2s");
    keep(still[2], "credits-20s");
    keep(still[4], "credits-88s");
    CHECK(identical(still[0], still[1]));  // the first page stands still
    CHECK(identical(still[2], still[3]));  // the second too, while a roll would move
    CHECK(identical(still[4], still[5]));  // and the last
    CHECK_FALSE(identical(still[0], still[2]));  // they are different pages
    CHECK_FALSE(identical(still[2], still[4]));
    const auto moving = framesOf(xml, false, {seconds(20), seconds(26)});
    CHECK_FALSE(identical(moving[0], moving[1]));  // the roll moves there
}
