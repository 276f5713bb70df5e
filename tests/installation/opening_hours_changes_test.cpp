// When the player next switches the show on or off: the moment a technician expects the
// wall to light up or go dark, including late openings that run past midnight.
#include <doctest/doctest.h>

#include "installation/opening_hours.h"

using namespace vitrine::installation;

namespace {
constexpr int kHour = 3600;
constexpr CivilDate kMonday{2026, 3, 2};  // a Monday
CivilDate plusDays(CivilDate d, int n) { return civilFromDays(daysFromCivil(d) + n); }
}  // namespace

TEST_CASE("opening hours: after midnight in a late opening, the next change is that night's closing") {
    OpeningHours h;
    h.always = false;
    h.weekly[5] = {DaySpan{18 * kHour, 2 * kHour}};  // Saturday 18:00 – Sunday 02:00
    CivilDate sunday = plusDays(kMonday, 6);
    CHECK(nextChange(h, LocalTime::at(sunday, 1, 0)) == LocalTime::at(sunday, 2, 0));
    CHECK(nextChange(h, LocalTime::at(sunday, 0, 0)) == LocalTime::at(sunday, 2, 0));
}

TEST_CASE("opening hours: a day whose closing equals its opening is open for twenty-four hours") {
    OpeningHours h;
    h.always = false;
    h.weekly[0] = {DaySpan{9 * kHour, 9 * kHour}};  // Monday 09:00 – Tuesday 09:00
    CivilDate tuesday = plusDays(kMonday, 1);
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 8, 59, 59)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 9, 0)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 20, 0)));
    CHECK(isOpen(h, LocalTime::at(tuesday, 8, 59, 59)));
    CHECK_FALSE(isOpen(h, LocalTime::at(tuesday, 9, 0)));
    CHECK(nextChange(h, LocalTime::at(kMonday, 12, 0)) == LocalTime::at(tuesday, 9, 0));
}

TEST_CASE("opening hours: with a lunch break each opening is an opening, and a late one spills past midnight") {
    OpeningHours h;
    h.always = false;
    h.weekly[0] = {DaySpan{10 * kHour, 13 * kHour}, DaySpan{14 * kHour, 18 * kHour}, DaySpan{22 * kHour, 1 * kHour}};
    CivilDate tuesday = plusDays(kMonday, 1);
    CHECK(openedAt(h, LocalTime::at(kMonday, 12, 0)) == LocalTime::at(kMonday, 10, 0));
    CHECK(openedAt(h, LocalTime::at(kMonday, 15, 0)) == LocalTime::at(kMonday, 14, 0));  // after lunch
    CHECK_FALSE(openedAt(h, LocalTime::at(kMonday, 13, 30)));
    CHECK(openedAt(h, LocalTime::at(tuesday, 0, 30)) == LocalTime::at(kMonday, 22, 0));
    CHECK(nextChange(h, LocalTime::at(kMonday, 18, 0)) == LocalTime::at(kMonday, 22, 0));
    CHECK(nextChange(h, LocalTime::at(kMonday, 23, 0)) == LocalTime::at(tuesday, 1, 0));
    CHECK_FALSE(isOpen(h, LocalTime::at(tuesday, 12, 0)));  // Tuesday has no hours of its own
}
