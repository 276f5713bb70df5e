#pragma once
// When the museum is open: weekly hours, spans past midnight (18:00–02:00), and
// exceptions by date (closed, or special hours). Pure: the caller supplies local time.

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

/// A date that differs from the week: closed, or open with its own hours.
struct HoursException {
    CivilDate date;
    std::optional<DaySpan> span;  // nullopt: closed all day
};

/// The whole schedule. With `always` set (no <hours> in the file) it is always open.
struct OpeningHours {
    bool always = true;
    std::array<std::optional<DaySpan>, 7> weekly;  // Monday first; nullopt = closed
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
