#include "installation/opening_hours.h"

#include <algorithm>

namespace vitrine::installation {

namespace {

// The spans that apply on `day`: an exception for that date replaces the week.
const DaySpans& spansOn(const OpeningHours& hours, std::int64_t day) {
    CivilDate date = civilFromDays(day);
    for (const auto& e : hours.exceptions)
        if (e.date == date) return e.spans;
    return hours.weekly[static_cast<std::size_t>(weekdayOf(day))];
}

bool spillsPastMidnight(const DaySpan& s) { return s.close <= s.open; }

}  // namespace

bool isOpen(const OpeningHours& hours, LocalTime t) {
    if (hours.always) return true;
    for (const auto& today : spansOn(hours, t.day)) {
        bool untilClose = spillsPastMidnight(today) || t.second < today.close;
        if (t.second >= today.open && untilClose) return true;
    }
    // Yesterday's late opening may still be running.
    for (const auto& yesterday : spansOn(hours, t.day - 1))
        if (spillsPastMidnight(yesterday) && t.second < yesterday.close) return true;
    return false;
}

std::optional<LocalTime> nextChange(const OpeningHours& hours, LocalTime t, int horizonDays) {
    if (hours.always) return std::nullopt;
    // isOpen only changes at some day's open or close instant: walk those in order.
    std::vector<std::int64_t> candidates;
    for (std::int64_t day = t.day - 1; day <= t.day + horizonDays; ++day) {
        std::int64_t base = day * kSecondsPerDay;
        candidates.push_back(base);  // an exception can start or end an opening at midnight
        for (const auto& span : spansOn(hours, day)) {
            candidates.push_back(base + span.open);
            candidates.push_back(base + span.close + (spillsPastMidnight(span) ? kSecondsPerDay : 0));
        }
    }
    std::sort(candidates.begin(), candidates.end());
    const bool now = isOpen(hours, t);
    for (auto c : candidates) {
        if (c <= t.absolute()) continue;
        auto at = LocalTime::fromAbsolute(c);
        if (isOpen(hours, at) != now) return at;
    }
    return std::nullopt;
}

std::optional<LocalTime> openedAt(const OpeningHours& hours, LocalTime t, int horizonDays) {
    if (hours.always || !isOpen(hours, t)) return std::nullopt;
    // Walk the changes forward from the horizon; the last opening not after t is the one.
    std::optional<LocalTime> opened;
    LocalTime at = LocalTime::fromAbsolute(t.absolute() - static_cast<std::int64_t>(horizonDays) * kSecondsPerDay);
    while (auto change = nextChange(hours, at, horizonDays + 1)) {
        if (change->absolute() > t.absolute()) break;
        if (isOpen(hours, *change)) opened = *change;
        at = *change;
    }
    return opened;
}

}  // namespace vitrine::installation
