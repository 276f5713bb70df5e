#pragma once
// Show time from the wall clock: t = (now − start) mod duration. Because t depends only
// on the wall clock, a player that crashes, restarts or loses power resumes exactly
// where the show should be, and machines with synchronised clocks show the same moment.

#include <cstdint>

#include "base/time_value.h"

namespace vitrine::installation {

/// The instant a looping show started, as Unix microseconds, and its length.
class WallClockAnchor {
public:
    /// `startEpochMicros` is Unix time in µs; `duration` must be positive for looping.
    WallClockAnchor(std::int64_t startEpochMicros, Micros duration);

    /// Show time in [0, duration) at Unix time `nowMicros`; before the start it counts
    /// backwards modulo the duration, so every machine still agrees.
    Micros showTimeAt(std::int64_t nowMicros) const;

    /// The Unix time at which the current loop (containing `nowMicros`) began.
    std::int64_t loopStartAt(std::int64_t nowMicros) const;

    std::int64_t startEpoch() const { return start_; }
    Micros duration() const { return duration_; }

private:
    std::int64_t start_;
    Micros duration_;
};

/// The current Unix time in microseconds from the system clock (the one chrony/PTP
/// disciplines). Kept apart so tests pass their own times.
std::int64_t systemNowMicros();

}  // namespace vitrine::installation
