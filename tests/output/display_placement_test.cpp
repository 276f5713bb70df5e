// Where the player's window goes when the monitors change, and which keystones a warp
// rebuilt for a new display size keeps.
#include <doctest/doctest.h>

#include "output/display_placement.h"
#include "output/warp_output.h"

using namespace vitrine;
using namespace vitrine::output;

namespace {

installation::Output fixedOutput(std::string id, int x, int width, int height) {
    installation::Output o;
    o.id = std::move(id);
    o.positionX = x;
    o.width = width;
    o.height = height;
    return o;
}

installation::Output displaySized(std::optional<installation::Quad> keystone = std::nullopt) {
    installation::Output o;
    o.id = installation::kWholeDisplayOutputId;
    o.sizedByDisplay = true;
    o.keystone = keystone;
    return o;
}

const installation::Quad kInset{{{60, 40}, {880, 20}, {940, 520}, {20, 500}}};

}  // namespace

TEST_CASE("display placement: a lone display-sized output fills the first monitor, wherever it is") {
    const std::vector<power::MonitorRect> moved{{"HDMI-1", 900, 500, 960, 540}, {"HDMI-2", 0, 0, 640, 480}};
    CHECK(windowPlacement({displaySized()}, moved) == installation::PixelRect{900, 500, 960, 540});
    CHECK(windowPlacement({}, moved) == installation::PixelRect{900, 500, 960, 540});  // the implicit output
    CHECK_FALSE(windowPlacement({displaySized()}, {}));                                // nowhere to go
}

TEST_CASE("display placement: outputs at positions span the desktop from its origin to every monitor and output") {
    std::vector<installation::Output> two{fixedOutput("left", 0, 1280, 720), fixedOutput("right", 1280, 1280, 720)};
    // One projector back: the window still holds the other output where it belongs.
    CHECK(windowPlacement(two, {{"HDMI-1", 0, 0, 1280, 720}}) == installation::PixelRect{0, 0, 2560, 720});
    CHECK(windowPlacement(two, {{"screen", 0, 0, 3000, 1080}}) == installation::PixelRect{0, 0, 3000, 1080});
    CHECK_FALSE(windowPlacement(two, {}));
}

TEST_CASE("display placement: a warp rebuilt for a new display keeps keystones, and fits uncorrected outputs anew") {
    // Drawn on a 1280x720 display: the implicit output was calibrated since the start.
    WarpOutput drawn({}, {320, 180}, {1280, 720});
    drawn.setKeystone(0, kInset);
    auto kept = keystonesKept({}, drawn);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].id == installation::kWholeDisplayOutputId);
    CHECK(kept[0].sizedByDisplay);
    REQUIRE(kept[0].keystone);
    CHECK(*kept[0].keystone == kInset);
    WarpOutput rebuilt(kept, {320, 180}, {960, 540});
    CHECK(rebuilt.outputs()[0].width == 960);
    REQUIRE(rebuilt.outputs()[0].keystone);
    CHECK(*rebuilt.outputs()[0].keystone == kInset);

    // Never calibrated: the letterbox of the old size is not carried to the new one.
    WarpOutput plain({displaySized()}, {320, 180}, {1280, 720});
    auto fitted = keystonesKept({displaySized()}, plain);
    CHECK_FALSE(fitted[0].keystone);
    WarpOutput plainRebuilt(fitted, {320, 180}, {960, 540});
    CHECK(*plainRebuilt.outputs()[0].keystone == plainRebuilt.uncorrectedCorners(0));
    CHECK(plainRebuilt.uncorrectedCorners(0)[2].x == doctest::Approx(960));
}
