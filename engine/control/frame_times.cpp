#include "control/frame_times.h"

#include <algorithm>
#include <vector>

namespace vitrine::control {

void FrameTimes::add(std::int64_t tookMicros) {
    recent_[next_] = tookMicros;
    next_ = (next_ + 1) % kWindow;
    filled_ = std::min(filled_ + 1, kWindow);
    ++count_;
    sumSeconds_ += static_cast<double>(tookMicros) / 1e6;
}

FrameTimeSummary FrameTimes::summary() const {
    FrameTimeSummary s;
    s.count = count_;
    s.sumSeconds = sumSeconds_;
    if (filled_ == 0) return s;
    std::vector<std::int64_t> sorted(recent_.begin(), recent_.begin() + static_cast<std::ptrdiff_t>(filled_));
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest time at least q of the frames took no longer than.
    auto quantile = [&](double q) {
        auto rank = static_cast<std::size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
        return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
    };
    s.p50 = quantile(0.50);
    s.p95 = quantile(0.95);
    s.p99 = quantile(0.99);
    s.max = sorted.back();
    return s;
}

}  // namespace vitrine::control
