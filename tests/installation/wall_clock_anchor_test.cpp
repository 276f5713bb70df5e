#include <doctest/doctest.h>

#include <optional>

#include "installation/civil_time.h"
#include "installation/wall_clock_anchor.h"

using namespace vitrine;
using namespace vitrine::installation;

TEST_CASE("wall clock anchor: show time is (now - start) mod duration") {
    const std::int64_t start = *parseIsoInstant("2026-01-20T09:00:00Z");
    const Micros duration = seconds(600);
    WallClockAnchor anchor(start, duration);
    CHECK(anchor.showTimeAt(start) == 0);
    CHECK(anchor.showTimeAt(start + seconds(12.5)) == seconds(12.5));
    CHECK(anchor.showTimeAt(start + duration + 7) == 7);
    CHECK(anchor.showTimeAt(start - 1) == duration - 1);  // before the start, still agreed
    CHECK(anchor.loopStartAt(start + 3 * duration + 5) == start + 3 * duration);
}

TEST_CASE("wall clock anchor: a restarted player resumes where the show should be") {
    const std::int64_t start = *parseIsoInstant("2026-01-20T09:00:00+04:00");
    const Micros duration = seconds(1234.567891);
    const std::int64_t crashAt = start + seconds(86400.0 * 37) + 123'456;
    // The first player runs, then is "killed": only the file's anchor survives.
    std::optional<WallClockAnchor> first(std::in_place, start, duration);
    Micros beforeCrash = first->showTimeAt(crashAt);
    first.reset();
    // A new process reads the same installation file and asks at the same wall time.
    WallClockAnchor restarted(*parseIsoInstant("2026-01-20T05:00:00Z"), duration);
    CHECK(restarted.showTimeAt(crashAt) == beforeCrash);
    // And after a power cut of 3 h 17 min, it is exactly that much further on.
    const Micros outage = seconds(3 * 3600 + 17 * 60);
    CHECK(restarted.showTimeAt(crashAt + outage) == (beforeCrash + outage) % duration);
}
