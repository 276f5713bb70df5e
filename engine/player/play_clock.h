#pragma once
// The player's show clock: where the show is now, from a monotonic clock, with pause
// and seek. The clock source is injected so tests can drive time by hand.

#include <chrono>
#include <functional>

#include "base/time_value.h"

namespace vitrine {

/// Show time that advances with a monotonic clock unless paused.
class PlayClock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    using Source = std::function<TimePoint()>;

    /// Starts paused at 0; `source` defaults to std::chrono::steady_clock.
    explicit PlayClock(Source source = [] { return std::chrono::steady_clock::now(); });

    /// The show time now (unwrapped: it keeps growing past the show's end).
    Micros position() const;
    /// Jumps to `at`, keeping the paused/running state.
    void seek(Micros at);
    /// Moves the clock by `delta` without changing its pace (drift correction).
    void nudge(Micros delta) { anchorPosition_ += delta; }
    void pause();
    void resume();
    bool paused() const { return paused_; }
    /// Show time per unit of real time from now on (1 = real time; soak tests run faster).
    void setRate(double rate);
    double rate() const { return rate_; }

private:
    Source source_;
    TimePoint anchor_;     // when position was anchorPosition_
    Micros anchorPosition_ = 0;
    bool paused_ = true;
    double rate_ = 1;
};

}  // namespace vitrine
