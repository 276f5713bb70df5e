#pragma once
// The show clock as the visitors' phones see it: the frame loop publishes what it shows
// (state, show time, length) once a frame, and the visitor server's threads read the show
// time now, carried forward from the last frame while playing. A generation number
// changes whenever the clock stops following itself (a jump, a pause or resume, a reload,
// closing or opening), so a phone knows to measure its offset again at once.
// Thread-safe.

#include <cstdint>
#include <mutex>
#include <string>

#include "base/time_value.h"

namespace vitrine::visitor {

struct ClockReading {
    std::string state = "starting";  // "playing", "paused", "black", "closed", "calibrating", "starting"
    Micros time = 0;                 // show time now, within [0, duration) while looping
    Micros duration = 0;             // the loop's length
    std::int64_t generation = 0;
};

class ShowClock {
public:
    /// Further than this from where the last frame's clock, carried forward, puts the show,
    /// a frame's time is a jump, not the audio clock steering.
    static constexpr Micros kJumpTolerance = 250'000;

    /// The frame loop: what the frame at steady time `atMicros` showed.
    void publish(const std::string& state, Micros time, Micros duration, std::int64_t atMicros);
    /// The published text changed (a reload): phones fetch it again.
    void textChanged();
    /// The show time at steady time `nowMicros`.
    ClockReading readAt(std::int64_t nowMicros) const;

private:
    Micros carriedTo(std::int64_t nowMicros) const;  // with mutex_ held

    mutable std::mutex mutex_;
    ClockReading last_;
    std::int64_t at_ = 0;
    bool published_ = false;
};

/// A reading as /clock's JSON, times in seconds: {"state":…, "time":…, "duration":…, "generation":…}.
std::string clockJson(const ClockReading& reading);

}  // namespace vitrine::visitor
