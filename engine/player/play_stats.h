#pragma once
// Frame-time and audio-drift statistics of a playing show, logged once a minute so a
// technician can see from the journal that the show runs as it should.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/time_value.h"

namespace vitrine {

/// Counters over one reporting interval, and the worst audio drift of the whole run.
struct PlayStats {
    std::int64_t frames = 0;
    std::int64_t lateFrames = 0;       // took longer than one and a half frame periods
    Micros worstFrame = 0;
    Micros maxDrift = 0;               // |show clock − audio clock| this interval
    Micros maxDriftEver = 0;
    std::int64_t driftCorrections = 0; // bounded nudges of the show clock toward the audio

    /// Records one frame's duration against the period it should have taken.
    void frame(Micros took, Micros period) {
        ++frames;
        worstFrame = std::max(worstFrame, took);
        if (took * 2 > period * 3) ++lateFrames;
    }
    /// Records a drift measurement.
    void drift(Micros d) {
        Micros a = d < 0 ? -d : d;
        maxDrift = std::max(maxDrift, a);
        maxDriftEver = std::max(maxDriftEver, a);
    }
    /// One log line, then the interval counters start again.
    std::string takeLine() {
        char line[200];
        std::snprintf(line, sizeof line,
                      "stats: %lld frames, %lld late, worst %.1f ms; audio drift max %.1f ms (run max %.1f ms), %lld corrections",
                      static_cast<long long>(frames), static_cast<long long>(lateFrames), worstFrame / 1000.0,
                      maxDrift / 1000.0, maxDriftEver / 1000.0, static_cast<long long>(driftCorrections));
        frames = lateFrames = driftCorrections = 0;
        worstFrame = maxDrift = 0;
        return line;
    }
};

}  // namespace vitrine
