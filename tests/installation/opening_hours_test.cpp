#include <doctest/doctest.h>

#include "installation/opening_hours.h"

using namespace vitrine::installation;

namespace {
constexpr int kHour = 3600;
// 2026-03-02 is a Monday.
constexpr CivilDate kMonday{2026, 3, 2};
CivilDate plusDays(CivilDate d, int n) { return civilFromDays(daysFromCivil(d) + n); }

OpeningHours weekdaysTenToSix() {
    OpeningHours h;
    h.always = false;
    for (int d = 0; d < 5; ++d) h.weekly[d] = {DaySpan{10 * kHour, 18 * kHour}};
    return h;
}
}  // namespace

TEST_CASE("civil time: dates, weekdays and ISO instants") {
    CHECK(weekdayOf(daysFromCivil(kMonday)) == 0);
    CHECK(weekdayOf(daysFromCivil({1970, 1, 1})) == 3);
    CHECK(civilFromDays(daysFromCivil({2024, 2, 29})) == CivilDate{2024, 2, 29});
    CHECK_FALSE(parseDate("2026-02-29"));
    CHECK(parseDate("2028-02-29"));
    CHECK(parseTimeOfDay("24:00") == 86400);
    CHECK_FALSE(parseTimeOfDay("24:01"));
    CHECK(parseIsoInstant("1970-01-01T00:00:00Z") == 0);
    CHECK(parseIsoInstant("1970-01-01T04:00:00+04:00") == 0);
    CHECK(parseIsoInstant("1970-01-01T00:00:01.25Z") == 1'250'000);
    CHECK(parseIsoInstant("2026-01-20T09:00") == parseIsoInstant("2026-01-20T09:00:00Z"));
    CHECK_FALSE(parseIsoInstant("2026-01-20 nine"));
    CHECK(formatIsoInstant(*parseIsoInstant("2026-01-20T09:00:00.5Z")) == "2026-01-20T09:00:00.500Z");
}

TEST_CASE("opening hours: weekdays only, boundaries are half-open") {
    auto h = weekdaysTenToSix();
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 9, 59, 59)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 10, 0)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 17, 59, 59)));
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 18, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at(plusDays(kMonday, 5), 12, 0)));  // Saturday
    CHECK(nextChange(h, LocalTime::at(kMonday, 12, 0)) == LocalTime::at(kMonday, 18, 0));
    // From Friday evening the next change is Monday morning.
    CHECK(nextChange(h, LocalTime::at(plusDays(kMonday, 4), 19, 0)) == LocalTime::at(plusDays(kMonday, 7), 10, 0));
}

TEST_CASE("opening hours: a span past midnight belongs to the evening it starts") {
    OpeningHours h;
    h.always = false;
    h.weekly[5] = {DaySpan{18 * kHour, 2 * kHour}};  // Saturday 18:00 – Sunday 02:00
    CivilDate saturday = plusDays(kMonday, 5), sunday = plusDays(kMonday, 6);
    CHECK_FALSE(isOpen(h, LocalTime::at(saturday, 17, 0)));
    CHECK(isOpen(h, LocalTime::at(saturday, 23, 59)));
    CHECK(isOpen(h, LocalTime::at(sunday, 0, 0)));
    CHECK(isOpen(h, LocalTime::at(sunday, 1, 59, 59)));
    CHECK_FALSE(isOpen(h, LocalTime::at(sunday, 2, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at(saturday, 1, 0)));  // Friday has no late opening
    CHECK(nextChange(h, LocalTime::at(saturday, 20, 0)) == LocalTime::at(sunday, 2, 0));
    CHECK(nextChange(h, LocalTime::at(sunday, 3, 0)) == LocalTime::at(plusDays(saturday, 7), 18, 0));
}

TEST_CASE("opening hours: exceptions close a day or give it special hours") {
    auto h = weekdaysTenToSix();
    CivilDate tuesday = plusDays(kMonday, 1), wednesday = plusDays(kMonday, 2);
    h.exceptions.push_back({tuesday, {}});
    h.exceptions.push_back({wednesday, {DaySpan{20 * kHour, 1 * kHour}}});  // museum night
    CHECK_FALSE(isOpen(h, LocalTime::at(tuesday, 12, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at(wednesday, 12, 0)));
    CHECK(isOpen(h, LocalTime::at(wednesday, 22, 0)));
    CHECK(isOpen(h, LocalTime::at(plusDays(wednesday, 1), 0, 30)));
    CHECK_FALSE(isOpen(h, LocalTime::at(plusDays(wednesday, 1), 1, 0)));
    CHECK(isOpen(h, LocalTime::at(plusDays(wednesday, 1), 10, 0)));
    CHECK(nextChange(h, LocalTime::at(kMonday, 18, 0)) == LocalTime::at(wednesday, 20, 0));
}

TEST_CASE("opening hours: always open never changes, closed for good has no next change") {
    OpeningHours always;
    CHECK(isOpen(always, LocalTime::at(kMonday, 3, 0)));
    CHECK_FALSE(nextChange(always, LocalTime::at(kMonday, 3, 0)));
    OpeningHours never;
    never.always = false;
    CHECK_FALSE(isOpen(never, LocalTime::at(kMonday, 12, 0)));
    CHECK_FALSE(nextChange(never, LocalTime::at(kMonday, 12, 0)));
}

TEST_CASE("opening hours: openedAt finds the start of the opening in progress") {
    auto h = weekdaysTenToSix();
    CHECK(openedAt(h, LocalTime::at(kMonday, 14, 30)) == LocalTime::at(kMonday, 10, 0));
    CHECK(openedAt(h, LocalTime::at(kMonday, 10, 0)) == LocalTime::at(kMonday, 10, 0));
    CHECK_FALSE(openedAt(h, LocalTime::at(kMonday, 9, 59, 59)));  // closed
    CHECK_FALSE(openedAt(h, LocalTime::at(plusDays(kMonday, 5), 12, 0)));  // Saturday: closed
    // Past midnight: Saturday 18:00 – Sunday 02:00 opened on Saturday.
    OpeningHours late;
    late.always = false;
    late.weekly[5] = {DaySpan{18 * kHour, 2 * kHour}};
    CHECK(openedAt(late, LocalTime::at(plusDays(kMonday, 6), 1, 0)) == LocalTime::at(plusDays(kMonday, 5), 18, 0));
    CHECK_FALSE(openedAt(OpeningHours{}, LocalTime::at(kMonday, 12, 0)));  // always open: no opening
}

TEST_CASE("opening hours: a day whose from equals its to runs round the clock") {
    OpeningHours h;
    h.always = false;
    h.weekly[0] = {DaySpan{6 * kHour, 6 * kHour}};    // Monday 06:00 – Tuesday 06:00
    h.weekly[1] = {DaySpan{10 * kHour, 18 * kHour}};  // Tuesday 10:00 – 18:00
    CivilDate tuesday = plusDays(kMonday, 1);
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 5, 59, 59)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 6, 0)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 23, 59, 59)));
    CHECK(isOpen(h, LocalTime::at(tuesday, 5, 59, 59)));
    CHECK_FALSE(isOpen(h, LocalTime::at(tuesday, 6, 0)));
    CHECK(nextChange(h, LocalTime::at(kMonday, 12, 0)) == LocalTime::at(tuesday, 6, 0));
    CHECK(nextChange(h, LocalTime::at(tuesday, 6, 0)) == LocalTime::at(tuesday, 10, 0));
    CHECK(openedAt(h, LocalTime::at(tuesday, 3, 0)) == LocalTime::at(kMonday, 6, 0));

    // Every day from midnight to midnight: open all the time, so nothing ever changes.
    OpeningHours daily;
    daily.always = false;
    daily.weekly.fill({DaySpan{0, 0}});
    for (int hour : {0, 7, 12, 23}) {
        CAPTURE(hour);
        CHECK(isOpen(daily, LocalTime::at(kMonday, hour, 0)));
        CHECK(isOpen(daily, LocalTime::at(plusDays(kMonday, 6), hour, 30)));
    }
    CHECK_FALSE(nextChange(daily, LocalTime::at(kMonday, 12, 0)));
}

TEST_CASE("opening hours: asked after midnight inside a late opening, the next change is its close") {
    OpeningHours h;
    h.always = false;
    h.weekly[4] = {DaySpan{18 * kHour, 2 * kHour}};  // Friday 18:00 – Saturday 02:00
    CivilDate friday = plusDays(kMonday, 4), saturday = plusDays(kMonday, 5);
    REQUIRE(isOpen(h, LocalTime::at(saturday, 1, 0)));
    CHECK(nextChange(h, LocalTime::at(saturday, 1, 0)) == LocalTime::at(saturday, 2, 0));
    CHECK(nextChange(h, LocalTime::at(saturday, 0, 0)) == LocalTime::at(saturday, 2, 0));
    CHECK(openedAt(h, LocalTime::at(saturday, 1, 0)) == LocalTime::at(friday, 18, 0));
    // Once closed, the next change is the next Friday evening.
    CHECK(nextChange(h, LocalTime::at(saturday, 2, 0)) == LocalTime::at(plusDays(friday, 7), 18, 0));
}
