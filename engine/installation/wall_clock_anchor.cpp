#include "installation/wall_clock_anchor.h"

#include <chrono>

namespace vitrine::installation {

WallClockAnchor::WallClockAnchor(std::int64_t startEpochMicros, Micros duration)
    : start_(startEpochMicros), duration_(duration) {}

Micros WallClockAnchor::showTimeAt(std::int64_t nowMicros) const {
    if (duration_ <= 0) return 0;
    Micros elapsed = nowMicros - start_;
    Micros t = elapsed % duration_;
    return t < 0 ? t + duration_ : t;  // floor modulo: the same answer on every machine
}

std::int64_t WallClockAnchor::loopStartAt(std::int64_t nowMicros) const { return nowMicros - showTimeAt(nowMicros); }

std::int64_t systemNowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace vitrine::installation
