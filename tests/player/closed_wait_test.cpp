// The closed loop's sleep: until the hours change, a watchdog's ping or the player's end,
// not a turn every second.

#include <doctest/doctest.h>

#include <chrono>

#include "control/operations.h"
#include "player/closed_wait.h"
#include "coloured_show.h"

using namespace vitrine;
using std::chrono::microseconds;

TEST_CASE("closed wait: the nearer of the venue's limit and the player's end - at most a minute") {
    CHECK(closedSleep(std::nullopt, std::nullopt) == kLongestClosedSleep);
    CHECK(closedSleep(5 * kMicrosPerSecond, std::nullopt) == microseconds(5 * kMicrosPerSecond));
    CHECK(closedSleep(5 * kMicrosPerSecond, 2 * kMicrosPerSecond) == microseconds(2 * kMicrosPerSecond));
    CHECK(closedSleep(std::nullopt, 3 * kMicrosPerSecond) == microseconds(3 * kMicrosPerSecond));
    CHECK(closedSleep(3600 * kMicrosPerSecond, std::nullopt) == kLongestClosedSleep);
    // Due already (a ping late by a few µs): no sleep, never a negative one.
    CHECK(closedSleep(-20, std::nullopt) == microseconds(0));
}

TEST_CASE("closed wait: a closed night wakes the loop once a minute at most and opens on time") {
    // The installation's venue with a wall clock the test moves: the loop's turns are
    // counted from closing time on Monday to the opening on Tuesday at 10:00, each turn
    // sleeping as the player does when nothing wakes it.
    const std::int64_t opening = test::unixAtLocal({2026, 3, 3}, 10);
    // Not on a whole minute, nor a whole second: the last sleep must end on the opening itself.
    std::int64_t now = test::unixAtLocal(test::kMonday, 19) + 40 * kMicrosPerSecond + 500'000;
    control::Operations operations(test::weekdaysTenToSix(), [](const std::string&) {}, [&] { return now; });
    REQUIRE_FALSE(operations.openNow());
    int wakes = 0;
    while (!operations.openNow() && wakes < 100'000) {
        const auto limit = operations.quietLimit();
        REQUIRE(limit);
        CHECK(*limit <= opening - now);
        now += closedSleep(limit, std::nullopt).count();
        ++wakes;
    }
    const auto hours = static_cast<double>(opening - test::unixAtLocal(test::kMonday, 19)) / 3600e6;
    MESSAGE(wakes << " wakes over " << hours << " closed hours");
    // 14 h 59 min 19.5 s at a minute each: 900; a turn every second was 53960.
    CHECK(wakes <= 15 * 60);
    CHECK(now >= opening);
    CHECK(now - opening < kMicrosPerMillisecond);
}

TEST_CASE("closed wait: always open - no hours limit the sleep") {
    std::int64_t now = test::unixAtLocal(test::kMonday, 20);
    control::Operations operations(installation::Installation{}, [](const std::string&) {}, [&] { return now; });
    CHECK_FALSE(operations.quietLimit());
}
