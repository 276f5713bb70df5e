// When each element comes and goes, as a visitor would see it: in and out points, seq
// and par without durations, begin offsets inside a seq, and a scene's own transition.
#include <doctest/doctest.h>

#include "support/frame_draws.h"
#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::compileText;
using vitrine::test::shownAt;

TEST_CASE("a clip lasts from its in point to its out point, and holds the out point's frame") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x500\">"
                         "<scene id=\"sound\"><audio id=\"a\" src=\"t.wav\" credit=\"c\" captions=\"t.vtt\" in=\"2s\" out=\"5s\"/></scene>"
                         "<scene id=\"film\" dur=\"10s\"><video id=\"v\" src=\"v.mp4\" credit=\"c\" in=\"2s\" out=\"5s\" dur=\"10s\"/></scene>"
                         "</exhibit>",
                         d);
    REQUIRE(s.scenes.size() == 2);
    CHECK(s.scenes[0].end == seconds(3));  // 5 s - 2 s
    CHECK(s.duration == seconds(13));
    Frame held = evaluate(s, seconds(3 + 8));
    REQUIRE(held.layers.size() == 1);
    REQUIRE(held.layers[0].draws.size() == 1);
    CHECK(held.layers[0].draws[0].mediaTime == seconds(5));
}

TEST_CASE("a par of texts without durations lasts as long as its scene") {
    Diagnostics d;
    Show s = compileText("<exhibit default-dur=\"5s\"><scene dur=\"20s\"><par><text id=\"t\">a</text></par></scene></exhibit>", d);
    CHECK(shownAt(s, "t", seconds(15)));
    CHECK(s.duration == seconds(20));
}

TEST_CASE("in a seq, a text without dur takes the default duration and the next follows it") {
    Diagnostics d;
    Show s = compileText("<exhibit default-dur=\"5s\"><scene dur=\"20s\"><seq>"
                         "<text id=\"a\">first</text><text id=\"b\" dur=\"2s\">second</text>"
                         "</seq></scene></exhibit>",
                         d);
    CHECK(shownAt(s, "a", seconds(4)));
    CHECK_FALSE(shownAt(s, "a", seconds(5)));
    CHECK(shownAt(s, "b", seconds(5)));
    CHECK_FALSE(shownAt(s, "b", seconds(7)));
}

TEST_CASE("in a seq, an element that begins late pushes back the ones after it") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"20s\"><seq>"
                         "<text id=\"a\" begin=\"1s\" dur=\"2s\">first</text><text id=\"b\" dur=\"2s\">second</text>"
                         "</seq></scene></exhibit>",
                         d);
    CHECK_FALSE(shownAt(s, "a", seconds(0.5)));
    CHECK(shownAt(s, "a", seconds(2.5)));
    CHECK_FALSE(shownAt(s, "b", seconds(2.5)));  // still a's turn
    CHECK(shownAt(s, "b", seconds(4.5)));
    CHECK_FALSE(shownAt(s, "b", seconds(5)));
}

TEST_CASE("a scene's own transition replaces the exhibit's default") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x500\" default-transition=\"fade 1s\">"
                         "<scene dur=\"5s\"><text>a</text></scene>"
                         "<scene dur=\"5s\" transition=\"slide-left 2s\"><text>b</text></scene>"
                         "<scene dur=\"5s\"><text>c</text></scene>"
                         "</exhibit>",
                         d);
    Frame sliding = evaluate(s, seconds(6));
    REQUIRE(sliding.layers.size() == 2);
    CHECK(sliding.layers[0].offsetX == doctest::Approx(-500));
    Frame fading = evaluate(s, seconds(10.5));  // the third scene takes the default
    REQUIRE(fading.layers.size() == 2);
    CHECK(fading.layers[1].opacity == doctest::Approx(0.5));
    CHECK(fading.layers[1].offsetX == 0);
}
