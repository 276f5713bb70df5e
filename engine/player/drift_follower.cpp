#include "player/drift_follower.h"

#include <algorithm>

#include "timeline/show_position.h"

namespace vitrine {
namespace {
constexpr Micros kDriftDeadBand = 2'000;
constexpr Micros kDriftMaxStep = 1'000;
constexpr Micros kDriftTransient = 500'000;
constexpr Micros kSettleAfterJump = 500'000;
}  // namespace

std::optional<DriftStep> followAudio(const Show& show, Micros position, Micros lastJump, Micros speakers) {
    if (show.duration <= 0) return std::nullopt;
    if (position - lastJump < kSettleAfterJump && position >= lastJump) return std::nullopt;
    Micros drift = wrapTime(show, position) - speakers;
    if (drift > show.duration / 2) drift -= show.duration;
    if (drift < -show.duration / 2) drift += show.duration;
    if (drift > kDriftTransient || drift < -kDriftTransient) return std::nullopt;
    DriftStep step{drift, 0};
    if (drift > kDriftDeadBand || drift < -kDriftDeadBand) step.nudge = std::clamp(-drift, -kDriftMaxStep, kDriftMaxStep);
    return step;
}

}  // namespace vitrine
