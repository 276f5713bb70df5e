#include "control/request_rate.h"

#include <algorithm>

namespace vitrine::control {

namespace {
constexpr double kMicrosPerSecond = 1e6;
constexpr double kBurstSeconds = 2;  // a page's first load asks for several things at once
}  // namespace

RequestRate::RequestRate(int perSecond, MonotonicClock clock)
    : perSecond_(perSecond), burst_(perSecond * kBurstSeconds), clock_(std::move(clock)) {}

bool RequestRate::allow(const std::string& address) {
    if (perSecond_ <= 0) return true;
    const std::int64_t now = clock_();
    std::lock_guard lock(mutex_);
    auto found = buckets_.find(address);
    if (found == buckets_.end()) {
        if (buckets_.size() >= kMaxAddresses) forgetIdle(now);
        if (buckets_.size() >= kMaxAddresses) return false;  // every known address busy: a flood
        found = buckets_.emplace(address, Bucket{burst_, now}).first;
    }
    Bucket& b = found->second;
    b.tokens = std::min(burst_, b.tokens + static_cast<double>(now - b.at) / kMicrosPerSecond * perSecond_);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
}

void RequestRate::forgetIdle(std::int64_t now) {
    std::erase_if(buckets_, [&](const auto& entry) {
        const Bucket& b = entry.second;
        return b.tokens + static_cast<double>(now - b.at) / kMicrosPerSecond * perSecond_ >= burst_;
    });
}

}  // namespace vitrine::control
