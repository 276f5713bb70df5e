#pragma once
// Benchmark support: run a function many times and report the median and worst.

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace vitrine::bench {

struct Timing {
    double median = 0;  // seconds
    double worst = 0;
    double p95 = 0;
};

inline double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

inline Timing summarise(std::vector<double> samples) {
    Timing t;
    if (samples.empty()) return t;
    std::sort(samples.begin(), samples.end());
    t.median = samples[samples.size() / 2];
    t.worst = samples.back();
    t.p95 = samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    return t;
}

/// Runs `f` `runs` times (after `warmup` unmeasured runs) and summarises the times.
inline Timing measure(int runs, const std::function<void()>& f, int warmup = 2) {
    for (int i = 0; i < warmup; ++i) f();
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        double start = now();
        f();
        samples.push_back(now() - start);
    }
    return summarise(samples);
}

}  // namespace vitrine::bench
