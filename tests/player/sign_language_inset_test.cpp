// <video kind="sign-language"> in the region the installation reserves: placed in its corner,
// over the scene, synchronised to the show (a clip whose frames show their own number), and
// not drawn at all unless the site enables it; a stand-in until the video is recorded.

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "media/video_test_media.h"
#include "output/offscreen.h"
#include "player/sign_language_inset.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "support/half_size_still.h"

using namespace vitrine;
using installation::Corner;
using installation::SignLanguageInset;

namespace {

using test::litPixels;
constexpr double kScale = test::kHalfScale;

LoadedExhibit compileIn(const test::TempDir& dir, const std::string& body) {
    std::ofstream(dir / "exhibit.xml") << "<exhibit title=\"Signed\" size=\"1920x1080\" background=\"#000000\">" << body
                                       << "</exhibit>";
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
    for (const auto& d : e.diagnostics.all()) INFO(formatDiagnostic(d));
    REQUIRE(e.show);
    REQUIRE(e.script);
    REQUIRE_FALSE(e.diagnostics.hasErrors());
    return e;
}

sf::Image still(const Show& show, Micros at, const std::string& name) {
    return test::halfSizeStill(show, at, "sign-language-stills", name);
}

// The frame number the numbered clip shows inside `region` (canvas px): the clip (10 blocks
// across, 5:1) is fitted inside the 16:9 inset, full width, centred on its height.
int frameNumberIn(const sf::Image& image, const Rect& region) {
    int number = 0;
    const double block = region.width / test::kNumberedBits;
    const auto y = static_cast<unsigned>((region.y + region.height / 2) * kScale);
    for (int bit = 0; bit < test::kNumberedBits; ++bit) {
        const auto x = static_cast<unsigned>((region.x + block * (bit + 0.5)) * kScale);
        if (image.getPixel(x, y).r > 128) number |= 1 << bit;
    }
    return number;
}

const char* const kScenes =
    "<scene id=\"intro\" dur=\"2s\"><text x=\"10%\" y=\"10%\" width=\"50%\">Before</text></scene>"
    "<scene id=\"signed\" dur=\"4s\"><text x=\"10%\" y=\"10%\" width=\"50%\">Signed scene</text>"
    "<video kind=\"sign-language\" src=\"signer.mp4\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/></scene>";

}  // namespace

TEST_CASE("sign-language inset: placed in the site's corner over its scene or not drawn at all") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "signer.mp4", 4));
    const LoadedExhibit e = compileIn(dir, kScenes);
    const Show& show = *e.show;
    const std::vector<int> videos = signLanguageVideos(show);
    REQUIRE(videos.size() == 1);
    const int sign = videos.front();
    const int scene = show.sceneById("signed");

    const Show hidden = placeSignLanguage(show, std::nullopt);
    CHECK(std::count(hidden.scenes[scene].items.begin(), hidden.scenes[scene].items.end(), sign) == 0);
    CHECK(hidden.items[sign].src.empty());  // not opened ahead either
    SignLanguageInset off;
    off.show = false;
    const Show switchedOff = placeSignLanguage(show, off);
    CHECK(std::count(switchedOff.scenes[scene].items.begin(), switchedOff.scenes[scene].items.end(), sign) == 0);

    SignLanguageInset inset;
    inset.corner = Corner::TopRight;
    const Show placed = placeSignLanguage(show, inset);
    CHECK(placed.items[sign].box == installation::insetRect(inset, placed.canvas));
    CHECK(placed.scenes[scene].items.back() == sign);  // over the scene's text
    CHECK(placed.items[sign].volume == 0);
}

TEST_CASE("sign-language inset: the frame shown in the corner is the show's time into the clip") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "signer.mp4", 4));
    const LoadedExhibit e = compileIn(dir, kScenes);
    const Show& show = *e.show;
    SignLanguageInset inset;  // bottom-right, 22 %
    const Show placed = placeSignLanguage(show, inset);
    const Rect region = installation::insetRect(inset, placed.canvas);
    const Micros sceneStart = placed.scenes[placed.sceneById("signed")].begin;
    for (int frame : {12, 40, 77}) {
        // The middle of the clip's frame `frame`, 25 frames a second.
        const Micros at = sceneStart + (frame * 2 + 1) * kMicrosPerSecond / (2 * test::kNumberedFps);
        const sf::Image image = still(placed, at, "bottom-right-frame-" + std::to_string(frame));
        CHECK(frameNumberIn(image, region) == frame);
        // Nothing of the clip outside the inset: just left of it and just above it is black.
        const auto left = static_cast<unsigned>((region.x - 8) * kScale);
        const auto above = static_cast<unsigned>((region.y - 8) * kScale);
        const auto middleY = static_cast<unsigned>((region.y + region.height / 2) * kScale);
        const auto middleX = static_cast<unsigned>((region.x + region.width / 2) * kScale);
        CHECK(image.getPixel(left, middleY) == sf::Color::Black);
        CHECK(image.getPixel(middleX, above) == sf::Color::Black);
    }
    // Not enabled by the site: the corner stays black in the same frame.
    const Micros at = sceneStart + kMicrosPerSecond;
    CHECK(litPixels(still(placeSignLanguage(show, std::nullopt), at, "not-enabled"), region) == 0);
}

TEST_CASE("sign-language inset: a video not yet recorded is a labelled stand-in only where the site enables it") {
    test::TempDir dir;
    const LoadedExhibit e = compileIn(
        dir, "<scene id=\"only\" dur=\"3s\"><text x=\"10%\" y=\"10%\" width=\"50%\">Text</text>"
             "<video kind=\"sign-language\" placeholder=\"Sign-language video not yet recorded\"/></scene>");
    SignLanguageInset inset;
    inset.corner = Corner::BottomLeft;
    const Rect region = installation::insetRect(inset, e.show->canvas);
    CHECK(litPixels(still(placeSignLanguage(*e.show, inset), kMicrosPerSecond, "stand-in"), region) > 500);
    CHECK(litPixels(still(placeSignLanguage(*e.show, std::nullopt), kMicrosPerSecond, "stand-in-not-enabled"), region) == 0);
}
