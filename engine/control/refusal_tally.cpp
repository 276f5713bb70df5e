#include "control/refusal_tally.h"

#include <algorithm>
#include <vector>

namespace vitrine::control {

RefusalTally::RefusalTally(std::string server, ServerLog log, MonotonicClock clock)
    : server_(std::move(server)), log_(std::move(log)), clock_(std::move(clock)) {}

void RefusalTally::refuse(std::string_view reason, std::string_view address) {
    std::lock_guard g(mutex_);
    ++total_;
    ++waitingTotal_;
    // Bounded: UDP source addresses can be forged at will, so new ones past the limit are only summed.
    auto key = std::make_pair(std::string(reason), std::string(address));
    if (auto it = waiting_.find(key); it != waiting_.end()) ++it->second;
    else if (waiting_.size() < kNamedSources) waiting_.emplace(std::move(key), 1);
    else ++waitingOthers_;
    if (!loggedOnce_ || clock_() - lastLine_ >= kPeriodMicros) writeLine();
}

void RefusalTally::flushIfDue() {
    std::lock_guard g(mutex_);
    if (waitingTotal_ > 0 && clock_() - lastLine_ >= kPeriodMicros) writeLine();
}

void RefusalTally::flush() {
    std::lock_guard g(mutex_);
    if (waitingTotal_ > 0) writeLine();
}

std::int64_t RefusalTally::total() const {
    std::lock_guard g(mutex_);
    return total_;
}

void RefusalTally::writeLine() {
    constexpr std::int64_t kMicrosPerSecond = 1'000'000;
    const std::int64_t now = clock_();
    std::vector<std::pair<std::int64_t, std::string>> parts;
    for (const auto& [key, count] : waiting_) parts.emplace_back(count, key.first + " from " + key.second);
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string line = "control: " + server_ + " refused " + std::to_string(waitingTotal_) +
                       (waitingTotal_ == 1 ? " request" : " requests");
    if (loggedOnce_) line += " in the last " + std::to_string((now - lastLine_) / kMicrosPerSecond) + " s";
    line += ":";
    for (std::size_t i = 0; i < parts.size(); ++i)
        line += (i ? ", " : " ") + std::to_string(parts[i].first) + " " + parts[i].second;
    if (waitingOthers_ > 0) line += ", " + std::to_string(waitingOthers_) + " from other addresses";
    log_(line);
    waiting_.clear();
    waitingOthers_ = waitingTotal_ = 0;
    lastLine_ = now;
    loggedOnce_ = true;
}

}  // namespace vitrine::control
