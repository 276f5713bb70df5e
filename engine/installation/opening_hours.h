#pragma once
// When the museum is open: weekly hours (several openings a day: a lunch break, a late
// Friday), spans past midnight (18:00–02:00), and exceptions by date (closed, or special
// hours, again several a day). Pure: the caller supplies local time.

#include <array>
#include <optional>
#include <vector>

#include "installation/civil_time.h"

namespace vitrine::installation {

/// One opening on a day: from `open` to `close` seconds after midnight. A close at or
/// before the open runs past midnight into the next day (18:00–02:00).
struct DaySpan {
    int open = 0;
    int close = kSecondsPerDay;
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

/// The openings of one day; open when any of them is (empty: closed all day).
using DaySpans = std::vector<DaySpan>;

/// A date that differs from the week: closed, or open with its own hours. One entry per
/// date: the parser merges several <special>s on a date into one list of spans.
struct HoursException {
    CivilDate date;
    DaySpans spans;  // empty: closed all day
};

/// The whole schedule. With `always` set (no <hours> in the file) it is always open.
struct OpeningHours {
    bool always = true;
    std::array<DaySpans, 7> weekly;  // Monday first; empty = closed
    std::vector<HoursException> exceptions;
};

/// Whether the exhibit should play at local time `t`.
bool isOpen(const OpeningHours& hours, LocalTime t);

/// The first moment after `t` (within `horizonDays`) at which isOpen() changes;
/// nullopt when it never changes in that horizon (always open, or closed for good).
std::optional<LocalTime> nextChange(const OpeningHours& hours, LocalTime t, int horizonDays = 400);

/// While open at `t`: the moment this opening began (the latest change from closed to
/// open at or before `t`, looking back at most `horizonDays`). nullopt when closed at `t`,
/// or open for the whole horizon (always open: no opening to count from).
std::optional<LocalTime> openedAt(const OpeningHours& hours, LocalTime t, int horizonDays = 8);

}  // namespace vitrine::installation
