#include <doctest/doctest.h>

#include "player/play_clock.h"

using namespace vitrine;
using namespace std::chrono;

TEST_CASE("the play clock advances with its source, pauses and seeks") {
    steady_clock::time_point now{};
    PlayClock clock([&] { return now; });
    CHECK(clock.paused());
    CHECK(clock.position() == 0);
    clock.resume();
    now += milliseconds(1500);
    CHECK(clock.position() == 1'500'000);
    clock.pause();
    now += std::chrono::seconds(10);
    CHECK(clock.position() == 1'500'000);
    clock.seek(60'000'000);
    CHECK(clock.position() == 60'000'000);
    clock.resume();
    now += microseconds(250);
    CHECK(clock.position() == 60'000'250);
}

TEST_CASE("the play clock runs at a chosen rate from where it is") {
    steady_clock::time_point now{};
    PlayClock clock([&] { return now; });
    clock.resume();
    now += std::chrono::seconds(2);
    clock.setRate(100);
    CHECK(clock.position() == 2'000'000);
    now += milliseconds(10);
    CHECK(clock.position() == 3'000'000);
    clock.setRate(1);
    now += milliseconds(10);
    CHECK(clock.position() == 3'010'000);
}
