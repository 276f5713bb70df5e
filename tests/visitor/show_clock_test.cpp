#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "visitor/show_clock.h"

using namespace vitrine;
using namespace vitrine::visitor;

namespace {
constexpr Micros kFrame = 16'667;
constexpr Micros kLoop = 60 * kMicrosPerSecond;
}  // namespace

TEST_CASE("show clock: carried forward from the last frame while playing, wrapped at the loop") {
    ShowClock clock;
    clock.publish("playing", 10 * kMicrosPerSecond, kLoop, 1'000'000);
    CHECK(clock.readAt(1'500'000).time == 10'500'000);
    CHECK(clock.readAt(51'000'000 + 2'000'000).time == 2'000'000);  // past the end: the next loop
    clock.publish("paused", 10 * kMicrosPerSecond, kLoop, 2'000'000);
    CHECK(clock.readAt(9'000'000).time == 10'000'000);  // paused: it stays
    CHECK(clock.readAt(9'000'000).state == "paused");
}

TEST_CASE("show clock: the generation changes on a jump, a pause, a reload or closing, not as frames follow") {
    ShowClock clock;
    std::int64_t at = 0;
    Micros t = 0;
    clock.publish("playing", t, kLoop, at);
    const auto first = clock.readAt(at).generation;
    // Frames a frame apart, the audio clock steering a few milliseconds: the same generation.
    for (int i = 0; i < 100; ++i) {
        at += kFrame;
        t += kFrame + (i % 2 ? 3'000 : -3'000);
        clock.publish("playing", t, kLoop, at);
    }
    CHECK(clock.readAt(at).generation == first);
    // Across the loop's seam: still the same.
    at += kFrame;
    clock.publish("playing", kLoop - 5'000, kLoop, at);
    const auto beforeSeam = clock.readAt(at).generation;
    at += kFrame;
    clock.publish("playing", kFrame - 5'000, kLoop, at);
    CHECK(clock.readAt(at).generation == beforeSeam);
    // A frame's time a little behind the clock carried past the seam (the audio clock
    // steering): a loop apart in numbers, a few milliseconds in fact.
    at += kFrame;
    clock.publish("playing", kLoop - 10'000, kLoop, at);
    at += 20'000;
    clock.publish("playing", kLoop - 2'000, kLoop, at);
    CHECK(clock.readAt(at).generation == beforeSeam);
    // A jump (a scene chosen on the control API).
    at += kFrame;
    clock.publish("playing", 30 * kMicrosPerSecond, kLoop, at);
    const auto afterJump = clock.readAt(at).generation;
    CHECK(afterJump != beforeSeam);
    at += kFrame;
    clock.publish("paused", 30 * kMicrosPerSecond + kFrame, kLoop, at);
    const auto afterPause = clock.readAt(at).generation;
    CHECK(afterPause != afterJump);
    at += kFrame;
    clock.publish("closed", 30 * kMicrosPerSecond + kFrame, kLoop, at);
    CHECK(clock.readAt(at).generation != afterPause);
    const auto closed = clock.readAt(at).generation;
    clock.textChanged();
    CHECK(clock.readAt(at).generation != closed);
}

TEST_CASE("show clock: /clock's JSON in seconds") {
    ShowClock clock;
    clock.publish("playing", 1'500'000, kLoop, 0);
    auto j = nlohmann::json::parse(clockJson(clock.readAt(250'000)));
    CHECK(j["state"] == "playing");
    CHECK(j["time"].get<double>() == doctest::Approx(1.75));
    CHECK(j["duration"].get<double>() == doctest::Approx(60));
    CHECK(j["generation"].is_number_integer());
}
