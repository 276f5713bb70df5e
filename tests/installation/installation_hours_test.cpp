// Opening hours as a technician writes them in installation.xml, checked by whether the
// show plays at a given local time: day names and ranges, several openings a day, special dates.
#include <doctest/doctest.h>

#include "installation/installation.h"
#include "installation/opening_hours.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {

constexpr CivilDate kMonday{2026, 3, 2};  // a Monday
CivilDate plusDays(CivilDate d, int n) { return civilFromDays(daysFromCivil(d) + n); }

// The <hours> element `hours` inside an otherwise empty installation file.
OpeningHours hoursFrom(const std::string& hours, Diagnostics& d) {
    auto inst = parseInstallation("<installation>" + hours + "</installation>", "site.xml", d);
    REQUIRE(inst);
    return inst->hours;
}

// On which days of the week starting kMonday the show plays at noon ("MTWTFSS", '-' closed).
std::string openAtNoon(const OpeningHours& h) {
    std::string days;
    for (int i = 0; i < 7; ++i) days += isOpen(h, LocalTime::at(plusDays(kMonday, i), 12, 0)) ? "MTWTFSS"[i] : '-';
    return days;
}

}  // namespace

TEST_CASE("installation hours: days are named one by one, as ranges (wrapping past Sunday) or daily") {
    Diagnostics d;
    CHECK(openAtNoon(hoursFrom("<hours><open days=\"daily\" from=\"10:00\" to=\"18:00\"/></hours>", d)) == "MTWTFSS");
    CHECK(openAtNoon(hoursFrom("<hours><open days=\"mon-fri\" from=\"10:00\" to=\"18:00\"/></hours>", d)) == "MTWTF--");
    CHECK(openAtNoon(hoursFrom("<hours><open days=\"fri-mon\" from=\"10:00\" to=\"18:00\"/></hours>", d)) == "M---FSS");
    CHECK(openAtNoon(hoursFrom("<hours><open days=\"tue,thu\" from=\"10:00\" to=\"18:00\"/></hours>", d)) == "-T-T---");
    CHECK(d.empty());
}

TEST_CASE("installation hours: several openings on a day add up (a lunch break, a late Friday)") {
    Diagnostics d;
    OpeningHours h = hoursFrom("<hours><open days=\"daily\" from=\"10:00\" to=\"13:00\"/>"
                               "<open days=\"daily\" from=\"14:00\" to=\"18:00\"/>"
                               "<open days=\"fri\" from=\"19:00\" to=\"23:00\"/></hours>",
                               d);
    for (const auto& x : d.all()) INFO(formatDiagnostic(x));
    CHECK(d.empty());
    CivilDate friday = plusDays(kMonday, 4);
    CHECK(isOpen(h, LocalTime::at(kMonday, 12, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 13, 30)));  // lunch
    CHECK(isOpen(h, LocalTime::at(kMonday, 15, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at(kMonday, 20, 0)));
    CHECK(isOpen(h, LocalTime::at(friday, 12, 0)));  // the late Friday keeps Friday's day
    CHECK_FALSE(isOpen(h, LocalTime::at(friday, 18, 30)));
    CHECK(isOpen(h, LocalTime::at(friday, 20, 0)));
    CHECK(nextChange(h, LocalTime::at(kMonday, 12, 0)) == LocalTime::at(kMonday, 13, 0));
    CHECK(nextChange(h, LocalTime::at(kMonday, 13, 0)) == LocalTime::at(kMonday, 14, 0));
}

TEST_CASE("installation hours: openings that overlap on a day are both kept, with a warning") {
    Diagnostics d;
    OpeningHours h = hoursFrom("<hours><open days=\"mon-fri\" from=\"10:00\" to=\"18:00\"/>"
                               "<open days=\"fri\" from=\"14:00\" to=\"22:00\"/></hours>",
                               d);
    CivilDate friday = plusDays(kMonday, 4);
    CHECK(isOpen(h, LocalTime::at(friday, 12, 0)));
    CHECK(isOpen(h, LocalTime::at(friday, 21, 0)));
    CHECK(isOpen(h, LocalTime::at(kMonday, 12, 0)));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "hours-overlap");
    CHECK(d.all()[0].where.line == 1);
}

TEST_CASE("installation hours: several specials on a date add up, and a closed one is never silently opened") {
    Diagnostics d;
    OpeningHours h = hoursFrom("<hours><open days=\"daily\" from=\"10:00\" to=\"18:00\"/>"
                               "<special date=\"2026-03-04\" from=\"10:00\" to=\"12:00\"/>"
                               "<special date=\"2026-03-04\" from=\"20:00\" to=\"23:00\"/></hours>",
                               d);
    CHECK(d.empty());
    CHECK(isOpen(h, LocalTime::at({2026, 3, 4}, 11, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at({2026, 3, 4}, 15, 0)));  // the week's hours are replaced
    CHECK(isOpen(h, LocalTime::at({2026, 3, 4}, 21, 0)));

    for (const char* order : {"<closed date=\"2026-03-04\"/><special date=\"2026-03-04\" from=\"20:00\" to=\"23:00\"/>",
                              "<special date=\"2026-03-04\" from=\"20:00\" to=\"23:00\"/><closed date=\"2026-03-04\"/>"}) {
        CAPTURE(order);
        Diagnostics both;
        OpeningHours closed = hoursFrom(std::string("<hours><open days=\"daily\" from=\"10:00\" to=\"18:00\"/>") + order +
                                            "</hours>",
                                        both);
        CHECK_FALSE(isOpen(closed, LocalTime::at({2026, 3, 4}, 21, 0)));
        CHECK_FALSE(isOpen(closed, LocalTime::at({2026, 3, 4}, 12, 0)));
        REQUIRE(both.all().size() == 1);
        CHECK(both.all()[0].code == "closed-and-special");
        CHECK(both.all()[0].severity == Severity::Error);
    }
}

TEST_CASE("installation hours: a special date plays its own hours, a closed date not at all") {
    Diagnostics d;
    OpeningHours h = hoursFrom("<hours><open days=\"daily\" from=\"10:00\" to=\"18:00\"/>"
                               "<closed date=\"2026-03-03\"/>"
                               "<special date=\"2026-03-04\" from=\"18:00\" to=\"01:00\"/></hours>",
                               d);
    CHECK(d.empty());
    CHECK_FALSE(isOpen(h, LocalTime::at({2026, 3, 3}, 12, 0)));
    CHECK_FALSE(isOpen(h, LocalTime::at({2026, 3, 4}, 12, 0)));
    CHECK(isOpen(h, LocalTime::at({2026, 3, 4}, 23, 0)));
    CHECK(isOpen(h, LocalTime::at({2026, 3, 5}, 0, 30)));
}

TEST_CASE("installation: the advisory policy is read as written") {
    Diagnostics d;
    auto everyLoop = parseInstallation("<installation><advisory policy=\"every-loop\"/></installation>", "a.xml", d);
    auto onOpening = parseInstallation("<installation><advisory policy=\"on-opening\"/></installation>", "b.xml", d);
    REQUIRE(everyLoop);
    REQUIRE(onOpening);
    CHECK(d.empty());
    CHECK(everyLoop->advisory == AdvisoryPolicy::EveryLoop);
    CHECK(onOpening->advisory == AdvisoryPolicy::OnOpening);
}
