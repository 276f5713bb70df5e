#pragma once
// A gain that moves to its target in a straight line over a set time, so level changes
// never step (a step in gain is a click).

#include <cstdint>

namespace vitrine {

/// A linearly ramped gain, advanced once per audio frame.
class GainRamp {
public:
    /// Starts at `initial` with nothing to do.
    explicit GainRamp(float initial = 1.0f) : current_(initial), target_(initial) {}

    /// Heads for `target`, arriving after `frames` frames (at once when `frames` ≤ 0).
    void setTarget(float target, std::int64_t frames) {
        if (target == target_ && frames > 0) return;  // keep the ramp already under way
        target_ = target;
        if (frames <= 0) {
            current_ = target;
            step_ = 0;
            return;
        }
        step_ = (target_ - current_) / static_cast<float>(frames);
    }

    /// The gain for this frame; then moves one frame toward the target.
    float next() {
        const float gain = current_;
        if (current_ != target_) {
            current_ += step_;
            if ((step_ > 0 && current_ >= target_) || (step_ < 0 && current_ <= target_) || step_ == 0) current_ = target_;
        }
        return gain;
    }

    /// The gain now.
    float current() const { return current_; }
    /// Where the gain is heading.
    float target() const { return target_; }
    /// True when the gain has arrived at its target.
    bool settled() const { return current_ == target_; }

private:
    float current_;
    float target_;
    float step_ = 0;
};

}  // namespace vitrine
