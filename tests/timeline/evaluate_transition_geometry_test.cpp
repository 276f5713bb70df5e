// What a visitor sees while one scene replaces another: how far each slides, how the
// easing shapes the change, and what comes in after a pause between scenes.
#include <doctest/doctest.h>

#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::compileText;

namespace {

// Two ten-second scenes on a 1000x500 canvas; the second comes in with `transition`.
Show twoScenes(const std::string& transition) {
    Diagnostics d;
    return compileText("<exhibit size=\"1000x500\">"
                       "<scene id=\"a\" dur=\"10s\"><text>first</text></scene>"
                       "<scene id=\"b\" dur=\"10s\" transition=\"" + transition + "\"><text>second</text></scene>"
                       "</exhibit>",
                       d);
}

}  // namespace

TEST_CASE("vertical slides move both scenes by the canvas height, from the side they name") {
    // Halfway through a 2 s slide (t = 11 s) each scene has moved half the 500 px height.
    Frame up = evaluate(twoScenes("slide-up 2s"), seconds(11));
    REQUIRE(up.layers.size() == 2);
    CHECK(up.layers[0].offsetY == doctest::Approx(-250));  // the outgoing leaves through the top
    CHECK(up.layers[1].offsetY == doctest::Approx(250));   // the incoming rises from below
    CHECK(up.layers[0].offsetX == 0);
    CHECK(up.layers[1].offsetX == 0);

    Frame down = evaluate(twoScenes("slide-down 2s"), seconds(11));
    REQUIRE(down.layers.size() == 2);
    CHECK(down.layers[0].offsetY == doctest::Approx(250));
    CHECK(down.layers[1].offsetY == doctest::Approx(-250));
}

TEST_CASE("a horizontal slide to the right moves the outgoing scene right and brings the incoming from the left") {
    Frame right = evaluate(twoScenes("slide-right 2s"), seconds(10.5));  // a quarter of the way
    REQUIRE(right.layers.size() == 2);
    CHECK(right.layers[0].offsetX == doctest::Approx(250));
    CHECK(right.layers[1].offsetX == doctest::Approx(-750));
}

TEST_CASE("a transition's easing shapes how fast the incoming scene appears") {
    // cubic-in at half time is 0.5³: the new scene is an eighth visible, not half.
    Frame eased = evaluate(twoScenes("fade 2s cubic-in"), seconds(11));
    REQUIRE(eased.layers.size() == 2);
    CHECK(eased.layers[1].opacity == doctest::Approx(0.125));
    Frame linear = evaluate(twoScenes("fade 2s linear"), seconds(11));
    REQUIRE(linear.layers.size() == 2);
    CHECK(linear.layers[1].opacity == doctest::Approx(0.5));
}

TEST_CASE("a scene that follows a pause fades in over the background, not over the scene that ended") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x500\">"
                         "<scene id=\"a\" dur=\"10s\"><text id=\"ta\">first</text></scene>"
                         "<scene id=\"b\" begin=\"2s\" dur=\"10s\" transition=\"fade 2s\"><text id=\"tb\">second</text></scene>"
                         "</exhibit>",
                         d);
    Frame pause = evaluate(s, seconds(10));  // the pause begins: nothing on screen
    CHECK(pause.scene == -1);
    CHECK(pause.layers.empty());
    CHECK(evaluate(s, seconds(11)).layers.empty());
    Frame fading = evaluate(s, seconds(13));          // halfway through b's fade
    CHECK(fading.scene == 1);
    REQUIRE(fading.layers.size() == 1);
    CHECK(fading.layers[0].scene == 1);
    CHECK(fading.layers[0].opacity == doctest::Approx(0.5));
}
