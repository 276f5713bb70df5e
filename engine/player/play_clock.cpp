#include "player/play_clock.h"

namespace vitrine {

PlayClock::PlayClock(Source source) : source_(std::move(source)), anchor_(source_()) {}

Micros PlayClock::position() const {
    if (paused_) return anchorPosition_;
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(source_() - anchor_).count();
    if (rate_ == 1) return anchorPosition_ + elapsed;  // exact integers at real time
    return anchorPosition_ + static_cast<Micros>(static_cast<double>(elapsed) * rate_);
}

void PlayClock::setRate(double rate) {
    anchorPosition_ = position();
    anchor_ = source_();
    rate_ = rate;
}

void PlayClock::seek(Micros at) {
    anchorPosition_ = at;
    anchor_ = source_();
}

void PlayClock::pause() {
    if (paused_) return;
    anchorPosition_ = position();
    paused_ = true;
}

void PlayClock::resume() {
    if (!paused_) return;
    anchor_ = source_();
    paused_ = false;
}

}  // namespace vitrine
