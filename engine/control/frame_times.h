#pragma once
// Frame times over the last few seconds, summarised for /status and /metrics: the
// frame loop adds one per frame, the summary sorts a copy once in a while.

#include <array>
#include <cstddef>
#include <cstdint>

#include "control/player_status.h"

namespace vitrine::control {

/// The latest kWindow frame times and the running sum of all of them.
class FrameTimes {
public:
    static constexpr std::size_t kWindow = 600;  // ten seconds at 60 fps

    void add(std::int64_t tookMicros);
    /// Quantiles of the window (nearest rank) with the sum and count since start.
    FrameTimeSummary summary() const;

private:
    std::array<std::int64_t, kWindow> recent_{};
    std::size_t next_ = 0, filled_ = 0;
    std::int64_t count_ = 0;
    double sumSeconds_ = 0;
};

}  // namespace vitrine::control
