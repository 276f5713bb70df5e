#include <doctest/doctest.h>

#include "installation/show_schedule.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {
constexpr int kHour = 3600;
constexpr std::int64_t kMicros = 1'000'000;
constexpr CivilDate kMonday{2026, 3, 2};

// Local time equal to UTC, so the test needs no time zone.
LocalTime localOf(std::int64_t unixMicros) { return LocalTime::fromAbsolute(unixMicros / kMicros); }
std::int64_t unixAt(CivilDate d, int hour, int minute, int second = 0) {
    return LocalTime::at(d, hour, minute, second).absolute() * kMicros;
}

Installation weekdaysTenToSix(AdvisoryPolicy policy) {
    Installation inst;
    inst.hours.always = false;
    for (int d = 0; d < 5; ++d) inst.hours.weekly[d] = {DaySpan{10 * kHour, 18 * kHour}};
    inst.advisory = policy;
    inst.startEpoch = 0;
    return inst;
}
}  // namespace

TEST_CASE("show schedule: every-loop follows the start anchor, on-opening counts from the opening") {
    const Micros duration = 1000 * kMicros;  // not a divisor of a day: the anchors differ
    const Micros advisory = 5 * kMicros;     // the advisory begins 5 s into the loop
    const auto now = unixAt(kMonday, 10, 0, 12);
    auto everyLoop = weekdaysTenToSix(AdvisoryPolicy::EveryLoop);
    CHECK(scheduledShowTime(everyLoop, duration, advisory, now, localOf(now)) == now % duration);
    auto onOpening = weekdaysTenToSix(AdvisoryPolicy::OnOpening);
    // 12 s after opening the show is 12 s past the advisory's start.
    CHECK(scheduledShowTime(onOpening, duration, advisory, now, localOf(now)) == advisory + 12 * kMicros);
    // At the opening instant itself: the advisory's first frame.
    const auto opening = unixAt(kMonday, 10, 0);
    CHECK(scheduledShowTime(onOpening, duration, advisory, opening, localOf(opening)) == advisory);
    // Later in the day it keeps looping from there: the same answer after a restart.
    const auto later = unixAt(kMonday, 15, 47, 3) + 250'000;
    CHECK(scheduledShowTime(onOpening, duration, advisory, later, localOf(later)) ==
          (later - opening + advisory) % duration);
    // Closed, or an exhibit without an advisory: the plain anchor.
    const auto night = unixAt(kMonday, 22, 0);
    CHECK(scheduledShowTime(onOpening, duration, advisory, night, localOf(night)) == night % duration);
    CHECK(scheduledShowTime(onOpening, duration, std::nullopt, now, localOf(now)) == now % duration);
}
