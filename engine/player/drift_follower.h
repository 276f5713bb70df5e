#pragma once
// How the show clock follows the audio clock: what the player's drift correction decides
// at one frame, as a pure function of the two clocks, so that it can be run over a month
// of play in a test.

#include <optional>

#include "timeline/show.h"

namespace vitrine {

/// One measurement of drift and the correction it calls for.
struct DriftStep {
    Micros drift = 0;  // show clock − audio clock, at the speakers
    Micros nudge = 0;  // what to move the show clock by (0: within the dead band)
};

/// The drift between the show clock at `position` (unwrapped) and the show time at the
/// speakers, and the nudge that steers the show clock towards it: at most a millisecond a
/// frame (too small to see), none within a dead band of jitter. nullopt when there is
/// nothing to measure: within the moments after a jump (`lastJump`, the clock position of
/// the last seek or loop) while the output still plays the old sound, or further apart than
/// a drift could be (a transient).
std::optional<DriftStep> followAudio(const Show& show, Micros position, Micros lastJump, Micros speakers);

}  // namespace vitrine
