// Which frame of a clip is on the wall and which sound is heard: in and out points,
// looping, repeated animations, frozen media and items shown outside every scene.
#include <doctest/doctest.h>

#include "support/frame_draws.h"
#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::compileText;
using vitrine::test::drawOf;

TEST_CASE("a looping clip plays from its in point to its out point, again and again") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"20s\">"
                         "<video id=\"v\" src=\"v.mp4\" credit=\"c\" in=\"10s\" out=\"14s\" loop=\"true\" dur=\"20s\"/>"
                         "</scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(1)), s, "v")->mediaTime == seconds(11));
    CHECK(drawOf(evaluate(s, seconds(5)), s, "v")->mediaTime == seconds(11));  // second time round
    CHECK(drawOf(evaluate(s, seconds(15)), s, "v")->mediaTime == seconds(13));
}

TEST_CASE("a clip that does not loop holds its out point's frame") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"20s\">"
                         "<video id=\"v\" src=\"v.mp4\" credit=\"c\" in=\"10s\" out=\"14s\" dur=\"20s\"/>"
                         "</scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(2)), s, "v")->mediaTime == seconds(12));
    CHECK(drawOf(evaluate(s, seconds(6)), s, "v")->mediaTime == seconds(14));
    CHECK(drawOf(evaluate(s, seconds(19)), s, "v")->mediaTime == seconds(14));
}

TEST_CASE("an animation with repeat starts over each time") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x1000\"><scene dur=\"10s\"><image id=\"i\" placeholder=\"p\">"
                         "<animate attribute=\"x\" from=\"0\" to=\"100\" dur=\"2s\" repeat=\"3\"/>"
                         "</image></scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(1)), s, "i")->box.x == doctest::Approx(50));
    CHECK(drawOf(evaluate(s, seconds(3)), s, "i")->box.x == doctest::Approx(50));
    CHECK(drawOf(evaluate(s, seconds(5.5)), s, "i")->box.x == doctest::Approx(75));
    CHECK(drawOf(evaluate(s, seconds(8)), s, "i")->box.x == doctest::Approx(100));  // frozen at its end
}

TEST_CASE("frozen sound is silent: a held clip keeps its picture but not its sound") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<video id=\"v\" src=\"v.mp4\" credit=\"c\" dur=\"4s\" fill=\"freeze\"/>"
                         "<audio id=\"a\" src=\"a.wav\" credit=\"c\" captions=\"a.vtt\" dur=\"4s\" fill=\"freeze\"/>"
                         "</scene></exhibit>",
                         d);
    Frame playing = evaluate(s, seconds(3));
    CHECK(playing.audio.size() == 2);
    Frame held = evaluate(s, seconds(6));
    REQUIRE(drawOf(held, s, "v"));
    CHECK(drawOf(held, s, "v")->mediaTime == seconds(4));
    CHECK(held.audio.empty());
}

TEST_CASE("items outside every scene are drawn over whatever scene is playing") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x500\"><par>"
                         "<seq><scene id=\"a\" dur=\"10s\"><text>first</text></scene>"
                         "<scene id=\"b\" dur=\"10s\"><text>second</text></scene></seq>"
                         "<text id=\"logo\" x=\"0\" y=\"0\" width=\"10%\" height=\"10%\">Museum</text>"
                         "</par></exhibit>",
                         d);
    for (Micros t : {seconds(1), seconds(15)}) {
        CAPTURE(t);
        Frame f = evaluate(s, t);
        REQUIRE(f.layers.size() == 2);
        CHECK(f.layers.back().scene == -1);  // on top
        REQUIRE(drawOf(f, s, "logo"));
        CHECK(f.layers.back().draws.size() == 1);
    }
}

TEST_CASE("a repeated item that freezes holds the end of its last repetition") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x1000\"><scene dur=\"10s\">"
                         "<image id=\"i\" placeholder=\"p\" dur=\"2s\" repeat=\"2\" fill=\"freeze\">"
                         "<animate attribute=\"x\" from=\"0\" to=\"100\" dur=\"2s\"/></image>"
                         "</scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(3)), s, "i")->box.x == doctest::Approx(50));
    CHECK(drawOf(evaluate(s, seconds(6)), s, "i")->box.x == doctest::Approx(100));
}

TEST_CASE("a frozen item fades out before it leaves the screen, not when it stops moving") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<text id=\"t\" dur=\"4s\" fill=\"freeze\" fade-out=\"1s\">held</text>"
                         "</scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(3.5)), s, "t")->opacity == doctest::Approx(1));
    CHECK(drawOf(evaluate(s, seconds(6)), s, "t")->opacity == doctest::Approx(1));
    CHECK(drawOf(evaluate(s, seconds(9.5)), s, "t")->opacity == doctest::Approx(0.5));
}

TEST_CASE("a pan-zoom eases in and out unless told otherwise") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<image id=\"soft\" placeholder=\"p\" panzoom=\"0,0,100%,100% -> 10%,20%,50%,50%\"/>"
                         "<image id=\"cubic\" placeholder=\"p\" panzoom=\"0,0,100%,100% -> 10%,20%,50%,50%\" "
                         "panzoom-easing=\"cubic-in\"/>"
                         "</scene></exhibit>",
                         d);
    // sine-in-out at a quarter of the way: (1 - cos(π/4)) / 2 ≈ 0.1464 of the move.
    Rect soft = drawOf(evaluate(s, seconds(2.5)), s, "soft")->panZoom;
    CHECK(soft.x == doctest::Approx(0.1 * 0.146447).epsilon(1e-4));
    CHECK(soft.width == doctest::Approx(1 - 0.5 * 0.146447).epsilon(1e-4));
    Rect cubic = drawOf(evaluate(s, seconds(5)), s, "cubic")->panZoom;
    CHECK(cubic.y == doctest::Approx(0.2 * 0.125));
}
