#pragma once
// Requests per client address, bounded in rate: a token bucket per address, refilled at
// `perSecond` up to a burst of twice that. On a public network one phone (or one script)
// must not take the server's time from every other. The table of addresses is bounded too:
// when full, addresses whose buckets are full again (idle ones) are forgotten. Thread-safe.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "control/watchdog.h"

namespace vitrine::control {

class RequestRate {
public:
    static constexpr std::size_t kMaxAddresses = 4096;

    /// `perSecond` 0: every request is allowed.
    explicit RequestRate(int perSecond, MonotonicClock clock = steadyClock());

    /// Whether `address` may make a request now (and counts it when so).
    bool allow(const std::string& address);

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t at = 0;  // when `tokens` was last brought up to date, µs
    };
    void forgetIdle(std::int64_t now);  // with mutex_ held

    double perSecond_, burst_;
    MonotonicClock clock_;
    std::mutex mutex_;
    std::map<std::string, Bucket> buckets_;
};

}  // namespace vitrine::control
