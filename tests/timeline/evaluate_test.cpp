#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "support/frame_draws.h"
#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::compileText;
using vitrine::test::drawOf;

namespace {

Show twoScenes(const std::string& transition) {
    Diagnostics d;
    return compileText("<exhibit size=\"1000x500\">"
                       "<scene id=\"a\" dur=\"10s\"><text id=\"ta\" fade=\"1s\">first</text></scene>"
                       "<scene id=\"b\" dur=\"10s\" transition=\"" + transition + "\"><text id=\"tb\">second</text></scene>"
                       "</exhibit>",
                       d);
}

}  // namespace

TEST_CASE("evaluate at the edges of the show") {
    Show s = twoScenes("cut");
    CHECK(evaluate(s, -1).layers.empty());
    CHECK(evaluate(s, s.duration).layers.empty());
    Frame first = evaluate(s, 0);
    CHECK(first.scene == 0);
    REQUIRE(drawOf(first, s, "ta"));
    CHECK(drawOf(first, s, "ta")->opacity == 0);  // fading in from zero
    Frame last = evaluate(s, s.duration - 1);
    CHECK(last.scene == 1);
    CHECK(drawOf(last, s, "tb"));
    CHECK_FALSE(drawOf(last, s, "ta"));
}

TEST_CASE("element fades are linear in and out over their time") {
    Show s = twoScenes("cut");
    CHECK(drawOf(evaluate(s, seconds(0.5)), s, "ta")->opacity == doctest::Approx(0.5));
    CHECK(drawOf(evaluate(s, seconds(5)), s, "ta")->opacity == doctest::Approx(1));
    CHECK(drawOf(evaluate(s, seconds(9.75)), s, "ta")->opacity == doctest::Approx(0.25));
}

TEST_CASE("a crossfade at its midpoint shows both scenes, the outgoing held at its last state") {
    Show s = twoScenes("fade 2s");
    Frame mid = evaluate(s, seconds(11));
    CHECK(mid.scene == 1);
    REQUIRE(mid.layers.size() == 2);
    CHECK(mid.layers[0].scene == 0);
    CHECK(mid.layers[0].opacity == doctest::Approx(1));
    CHECK(mid.layers[1].scene == 1);
    CHECK(mid.layers[1].opacity == doctest::Approx(0.5));
    // "ta" faded out at the end of its scene; held at its last state it is nearly transparent.
    CHECK(drawOf(mid, s, "ta")->opacity < 0.01);
    Frame after = evaluate(s, seconds(12));
    CHECK(after.layers.size() == 1);
}

TEST_CASE("dip to black and slide transitions") {
    Show dip = twoScenes("dip 2s");
    Frame quarter = evaluate(dip, seconds(10.5));
    REQUIRE(quarter.layers.size() == 1);  // the incoming is still invisible
    CHECK(quarter.layers[0].opacity == doctest::Approx(0.5));
    Frame threeQuarters = evaluate(dip, seconds(11.5));
    REQUIRE(threeQuarters.layers.size() == 1);
    CHECK(threeQuarters.layers[0].scene == 1);
    CHECK(threeQuarters.layers[0].opacity == doctest::Approx(0.5));

    Show slide = twoScenes("slide-left 2s");
    Frame mid = evaluate(slide, seconds(11));
    REQUIRE(mid.layers.size() == 2);
    CHECK(mid.layers[0].offsetX == doctest::Approx(-500));
    CHECK(mid.layers[1].offsetX == doctest::Approx(500));
}

TEST_CASE("repeat restarts local time, freeze holds the end state") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<image id=\"r\" placeholder=\"x\" dur=\"2s\" repeat=\"3\"><animate attribute=\"x\" from=\"0\" to=\"100\" dur=\"2s\"/></image>"
                         "<image id=\"f\" placeholder=\"y\" dur=\"2s\" fill=\"freeze\"><animate attribute=\"scale\" from=\"1\" to=\"2\" dur=\"2s\"/></image>"
                         "</scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(1)), s, "r")->box.x == doctest::Approx(50));
    CHECK(drawOf(evaluate(s, seconds(3)), s, "r")->box.x == doctest::Approx(50));
    CHECK(drawOf(evaluate(s, seconds(5.5)), s, "r")->localTime == seconds(1.5));
    CHECK_FALSE(drawOf(evaluate(s, seconds(6.5)), s, "r"));
    CHECK(drawOf(evaluate(s, seconds(9)), s, "f")->scale == doctest::Approx(2));
}

TEST_CASE("animations ease their property, fill=remove returns to the base value") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x1000\"><scene dur=\"10s\"><text id=\"t\">a"
                         "<animate attribute=\"opacity\" from=\"0\" to=\"1\" dur=\"4s\" easing=\"cubic-in\"/>"
                         "<animate attribute=\"color\" from=\"#000000\" to=\"#ffffff\" begin=\"4s\" dur=\"2s\" fill=\"remove\"/>"
                         "<animate attribute=\"y\" from=\"10%\" to=\"20%\" dur=\"2s\"/>"
                         "</text></scene></exhibit>",
                         d);
    CHECK(drawOf(evaluate(s, seconds(2)), s, "t")->opacity == doctest::Approx(0.125));
    CHECK(drawOf(evaluate(s, seconds(5)), s, "t")->color == Color{128, 128, 128, 255});
    CHECK(drawOf(evaluate(s, seconds(7)), s, "t")->color == s.items[0].style.color);
    CHECK(drawOf(evaluate(s, seconds(1)), s, "t")->box.y == doctest::Approx(150));
}

TEST_CASE("nested seq and par inside scenes evaluate at their absolute times") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"20s\"><seq begin=\"2s\">"
                         "<par><text id=\"a\" dur=\"3s\">a</text><text id=\"b\" dur=\"5s\">b</text></par>"
                         "<text id=\"c\" dur=\"2s\">c</text></seq></scene></exhibit>",
                         d);
    CHECK_FALSE(drawOf(evaluate(s, seconds(1)), s, "a"));
    CHECK(drawOf(evaluate(s, seconds(2)), s, "a"));
    CHECK(drawOf(evaluate(s, seconds(6)), s, "b"));
    CHECK_FALSE(drawOf(evaluate(s, seconds(6)), s, "c"));
    CHECK(drawOf(evaluate(s, seconds(7)), s, "c"));
    CHECK_FALSE(drawOf(evaluate(s, seconds(9)), s, "c"));
}

TEST_CASE("pan-zoom moves between its rectangles with its easing") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\"><image id=\"i\" placeholder=\"p\" "
                         "panzoom=\"0,0,100%,100% -> 10%,20%,50%,50%\" panzoom-easing=\"linear\"/></scene></exhibit>",
                         d);
    Rect mid = drawOf(evaluate(s, seconds(5)), s, "i")->panZoom;
    CHECK(mid.x == doctest::Approx(0.05));
    CHECK(mid.y == doctest::Approx(0.1));
    CHECK(mid.width == doctest::Approx(0.75));
}

TEST_CASE("audio cues carry the media position and faded volume") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\"><audio id=\"a\" src=\"t.wav\" begin=\"2s\" dur=\"6s\" in=\"30s\" "
                         "volume=\"0.8\" fade-in=\"2s\"/></scene></exhibit>",
                         d);
    Frame f = evaluate(s, seconds(3));
    REQUIRE(f.audio.size() == 1);
    CHECK(f.audio[0].mediaTime == seconds(31));
    CHECK(f.audio[0].volume == doctest::Approx(0.4));
    CHECK(evaluate(s, seconds(9)).audio.empty());
}

TEST_CASE("events fire once over consecutive intervals, whatever the frame rate") {
    Show s = twoScenes("fade 1s");
    for (Micros step : {Micros{16'667}, Micros{40'000}, Micros{1'000'000}, Micros{3'333'333}}) {
        CAPTURE(step);
        int sceneStarts = 0;
        for (Micros t = 0; t < s.duration; t += step)
            for (const auto& e : eventsIn(s, t, std::min(t + step, s.duration)))
                sceneStarts += e.kind == ShowEvent::Kind::SceneStart;
        CHECK(sceneStarts == 2);
    }
    CHECK(eventsIn(s, seconds(10), seconds(10)).empty());
    auto at10 = eventsIn(s, seconds(10), seconds(10) + 1);
    REQUIRE_FALSE(at10.empty());
    CHECK(at10[0].at == seconds(10));
}

TEST_CASE("evaluate is deterministic: the same t gives the same frame, in any order") {
    Show s = twoScenes("slide-up 1500ms");
    std::mt19937_64 random(1990);
    std::uniform_int_distribution<Micros> anyTime(-seconds(1), s.duration + seconds(1));
    std::vector<Micros> times(500);
    for (auto& t : times) t = anyTime(random);
    auto fingerprint = [&](Micros t) {
        Frame f = evaluate(s, t);
        std::string out = std::to_string(f.scene) + ";";
        for (const auto& l : f.layers) {
            out += std::to_string(l.opacity) + "," + std::to_string(l.offsetX) + "," + std::to_string(l.offsetY) + ":";
            for (const auto& d : l.draws)
                out += std::to_string(d.item) + "/" + std::to_string(d.opacity) + "/" + std::to_string(d.box.x) + " ";
        }
        return out;
    };
    std::vector<std::string> first;
    for (Micros t : times) first.push_back(fingerprint(t));
    // The same times again in another order: each gives the frame it gave the first time.
    std::vector<std::size_t> order(times.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), random);
    REQUIRE_FALSE(std::is_sorted(order.begin(), order.end()));
    for (std::size_t i : order) CHECK(fingerprint(times[i]) == first[i]);
}

TEST_CASE("a scene after a pause fades in from black, never from the scene before the pause") {
    Diagnostics d;
    // In <exhibit> (a sequence) begin="3s" is a pause of three seconds after scene a ends.
    Show s = compileText("<exhibit size=\"1000x500\">"
                         "<scene id=\"a\" dur=\"10s\"><text id=\"ta\">first</text></scene>"
                         "<scene id=\"b\" begin=\"3s\" dur=\"10s\" transition=\"fade 2s\"><text id=\"tb\">second</text></scene>"
                         "</exhibit>",
                         d);
    REQUIRE(s.scenes.size() == 2);
    REQUIRE(s.scenes[1].begin == seconds(13));
    CHECK(evaluate(s, seconds(11)).layers.empty());  // the pause itself is empty
    for (Micros t : {seconds(13), seconds(13.5), seconds(14), seconds(15) - 1}) {
        CAPTURE(t);
        Frame f = evaluate(s, t);
        CHECK(f.scene == 1);
        for (const auto& layer : f.layers) CHECK(layer.scene == 1);
        CHECK_FALSE(drawOf(f, s, "ta"));
    }
    // A scene right after another still crossfades from it (the guard is not too broad).
    Show joined = twoScenes("fade 2s");
    CHECK(drawOf(evaluate(joined, seconds(11)), joined, "ta"));
}

TEST_CASE("a repeated, frozen element holds the end of its last repeat from the instant the repeats end") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<image id=\"r\" placeholder=\"x\" dur=\"2s\" repeat=\"3\" fill=\"freeze\">"
                         "<animate attribute=\"x\" from=\"0\" to=\"100\" dur=\"2s\"/></image>"
                         "<image id=\"half\" placeholder=\"y\" dur=\"2s\" repeat=\"1.5\" fill=\"freeze\">"
                         "<animate attribute=\"x\" from=\"0\" to=\"100\" dur=\"2s\"/></image>"
                         "<video id=\"v\" src=\"clip.mp4\" in=\"10s\" dur=\"2s\" repeat=\"3\" fill=\"freeze\"/>"
                         "</scene></exhibit>",
                         d);
    // At 6 s the third repeat has just ended: SMIL freezes the state at the end of the
    // simple duration (2 s into the last repeat), not at its start and not 6 s into it.
    for (Micros t : {seconds(6), seconds(8)}) {
        CAPTURE(t);
        Frame f = evaluate(s, t);
        const DrawItem* r = drawOf(f, s, "r");
        REQUIRE(r);
        CHECK(r->localTime == seconds(2));
        CHECK(r->box.x == doctest::Approx(100));
        const DrawItem* v = drawOf(f, s, "v");
        REQUIRE(v);
        CHECK(v->mediaTime == seconds(12));  // the clip's last frame of the repeat, not 6 s past its in point
        CHECK(f.audio.empty());               // frozen media is silent
    }
    // Just before, the last repeat is still playing towards that same state.
    // (Each frame is kept while its draws are read: drawOf points into it.)
    const Frame before = evaluate(s, seconds(6) - 1);
    REQUIRE(drawOf(before, s, "r"));
    CHECK(drawOf(before, s, "r")->localTime == seconds(2) - 1);
    // One and a half repeats freeze halfway through the simple duration.
    const Frame atThree = evaluate(s, seconds(3));
    const DrawItem* half = drawOf(atThree, s, "half");
    REQUIRE(half);
    CHECK(half->localTime == seconds(1));
    CHECK(half->box.x == doctest::Approx(50));
}

namespace {

Show loopingShow(const std::string& firstSceneTransition) {
    Diagnostics d;
    return compileText("<exhibit size=\"1000x500\" default-transition=\"fade 2s\">"
                       "<scene id=\"opening\" dur=\"10s\"" + firstSceneTransition + "><text id=\"ta\">first</text></scene>"
                       "<scene id=\"middle\" dur=\"10s\"><text id=\"tb\">second</text></scene>"
                       "<scene id=\"credits\" dur=\"10s\"><text id=\"tc\">credits</text></scene>"
                       "</exhibit>",
                       d);
}

}  // namespace

TEST_CASE("the loop's seam fades: after a wrap the credits fade into the first scene as any scene change") {
    Show s = loopingShow("");
    REQUIRE(s.duration == seconds(30));
    // Half-way through the first scene's fade on the second pass: the credits, held at their
    // end and silent, under the first scene coming in.
    Frame seam = evaluateLooping(s, s.duration + seconds(1));
    CHECK(seam.t == seconds(1));
    CHECK(seam.scene == 0);
    REQUIRE(seam.layers.size() == 2);
    CHECK(seam.layers[0].scene == 2);
    CHECK(seam.layers[0].held);
    CHECK(seam.layers[0].opacity == 1);
    REQUIRE(drawOf(seam, s, "tc"));
    CHECK(seam.layers[1].scene == 0);
    CHECK(seam.layers[1].opacity > 0.1);
    CHECK(seam.layers[1].opacity < 0.9);
    // The same as the change from the first scene to the second, a scene change like any other.
    Frame change = evaluate(s, seconds(11));
    REQUIRE(change.layers.size() == 2);
    CHECK(seam.layers[1].opacity == doctest::Approx(change.layers[1].opacity));
    // Once the fade is over, a pass is the first pass again, frame for frame.
    CHECK(evaluateLooping(s, 7 * s.duration + seconds(3)).layers.size() == evaluate(s, seconds(3)).layers.size());
    CHECK(evaluateLooping(s, 3 * s.duration + seconds(25)).scene == 2);

    // The first pass starts from the background, as the show started.
    Frame start = evaluateLooping(s, seconds(1));
    REQUIRE(start.layers.size() == 1);
    CHECK(start.layers[0].scene == 0);
}

TEST_CASE("the loop's seam takes the first scene's own transition, a cut included") {
    Show dip = loopingShow(" transition=\"dip 2s\"");
    Frame early = evaluateLooping(dip, dip.duration + millis(200));
    REQUIRE(early.layers.size() == 1);  // the credits dipping to black, the first scene not yet in
    CHECK(early.layers[0].scene == 2);
    CHECK(early.layers[0].opacity < 1);

    Show cut = loopingShow(" transition=\"cut\"");
    Frame after = evaluateLooping(cut, cut.duration + millis(200));
    REQUIRE(after.layers.size() == 1);
    CHECK(after.layers[0].scene == 0);
}
