// When a projector should be on: open hours plus the warm-up lead before each opening.
#include <doctest/doctest.h>

#include "power/power_schedule.h"

using namespace vitrine::installation;
using namespace vitrine::power;

namespace {
constexpr int kHour = 3600;
constexpr std::int64_t kMinute = 60'000'000;  // µs
constexpr CivilDate kMonday{2026, 3, 2};

// A clock standing at `now`.
LocalClock at(LocalTime now) {
    return [now](std::int64_t ahead) { return LocalTime::fromAbsolute(now.absolute() + ahead / 1'000'000); };
}
}  // namespace

TEST_CASE("power schedule: on from the lead before opening until closing") {
    OpeningHours h;
    h.always = false;
    h.weekly[0] = {DaySpan{10 * kHour, 13 * kHour}, DaySpan{14 * kHour, 18 * kHour}};
    CHECK_FALSE(wantedOn(h, at(LocalTime::at(kMonday, 9, 58)), 1 * kMinute));
    CHECK(wantedOn(h, at(LocalTime::at(kMonday, 9, 59)), 1 * kMinute));
    CHECK(wantedOn(h, at(LocalTime::at(kMonday, 12, 59)), 1 * kMinute));
    CHECK_FALSE(wantedOn(h, at(LocalTime::at(kMonday, 13, 0)), 1 * kMinute));  // lunch
    CHECK(wantedOn(h, at(LocalTime::at(kMonday, 13, 50)), 10 * kMinute));     // warming for the afternoon
    CHECK_FALSE(wantedOn(h, at(LocalTime::at(kMonday, 18, 0)), 60 * kMinute));
    CHECK(wantedOn(OpeningHours{}, at(LocalTime::at(kMonday, 3, 0)), 0));      // no <hours>: always on
}

TEST_CASE("power schedule: a lead reaches across midnight into the next day's opening") {
    OpeningHours h;
    h.always = false;
    h.weekly[1] = {DaySpan{0 * kHour + 30 * 60, 2 * kHour}};  // Tuesday 00:30 – 02:00
    CHECK(wantedOn(h, at(LocalTime::at(kMonday, 23, 45)), 60 * kMinute));
    CHECK_FALSE(wantedOn(h, at(LocalTime::at(kMonday, 23, 0)), 60 * kMinute));
}
