#pragma once
// Where the show should be at an instant: the wall-clock anchor, and, under the
// "on-opening" advisory policy, the day's opening as the anchor instead (so the first loop
// after opening starts at the content advisory). Pure: the caller gives both clocks.

#include <cstdint>
#include <optional>

#include "installation/civil_time.h"
#include "installation/installation.h"
#include "base/time_value.h"

namespace vitrine::installation {

/// Show time at Unix time `nowMicros`, whose local wall-clock reading is `localNow`, for a
/// show of `duration` whose content advisory starts at `advisoryStart` (nullopt: it has none).
/// While open under AdvisoryPolicy::OnOpening the loop is counted from the opening
/// instant, the advisory at its start; otherwise from the file's `start`.
Micros scheduledShowTime(const Installation& installation, Micros duration, std::optional<Micros> advisoryStart,
                         std::int64_t nowMicros, LocalTime localNow);

}  // namespace vitrine::installation
