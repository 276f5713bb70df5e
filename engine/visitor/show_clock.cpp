#include "visitor/show_clock.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace vitrine::visitor {

Micros ShowClock::carriedTo(std::int64_t nowMicros) const {
    if (last_.state != "playing") return last_.time;
    Micros t = last_.time + (nowMicros - at_);
    if (last_.duration > 0) t %= last_.duration;  // the show loops
    return t;
}

void ShowClock::publish(const std::string& state, Micros time, Micros duration, std::int64_t atMicros) {
    std::lock_guard lock(mutex_);
    if (published_) {
        Micros gap = std::llabs(time - carriedTo(atMicros));
        // Across the loop's seam the expected and the shown time are a loop apart.
        if (duration > 0) gap = std::min(gap, duration - gap);
        if (state != last_.state || duration != last_.duration || gap > kJumpTolerance) ++last_.generation;
    }
    last_.state = state;
    last_.time = time;
    last_.duration = duration;
    at_ = atMicros;
    published_ = true;
}

void ShowClock::textChanged() {
    std::lock_guard lock(mutex_);
    ++last_.generation;
}

ClockReading ShowClock::readAt(std::int64_t nowMicros) const {
    std::lock_guard lock(mutex_);
    ClockReading r = last_;
    r.time = carriedTo(nowMicros);
    return r;
}

std::string clockJson(const ClockReading& r) {
    return nlohmann::json{{"state", r.state},
                          {"time", static_cast<double>(r.time) / kMicrosPerSecond},
                          {"duration", static_cast<double>(r.duration) / kMicrosPerSecond},
                          {"generation", r.generation}}
        .dump();
}

}  // namespace vitrine::visitor
