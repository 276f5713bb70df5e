#pragma once
// What is on screen now, for the status page: a small PNG of a frame, taken without
// slowing the frame loop. The loop copies a frame to the CPU only when someone has asked
// for the picture lately and the last copy is a few seconds old; the copy is scaled and
// encoded on this object's own thread.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "control/watchdog.h"

namespace vitrine::control {

class ScreenCopy {
public:
    static constexpr int kWidth = 480;                        // pixels, readable on a phone
    static constexpr std::int64_t kEvery = 2'000'000;         // µs between copies at most
    static constexpr std::int64_t kWatchedFor = 30'000'000;   // µs a request keeps copies coming

    explicit ScreenCopy(MonotonicClock clock = steadyClock());
    ~ScreenCopy();
    ScreenCopy(const ScreenCopy&) = delete;
    ScreenCopy& operator=(const ScreenCopy&) = delete;

    /// Whether the frame loop should copy the frame it just drew (cheap; once a frame).
    bool due();
    /// The frame's pixels (RGBA, rows top first), copied; scaled and encoded later, elsewhere.
    void offer(const std::uint8_t* rgba, int width, int height);
    /// The latest picture as PNG ("" before the first); asking keeps copies coming.
    std::string png();

private:
    void encodeLoop(std::stop_token stop);

    MonotonicClock clock_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::optional<std::int64_t> lastAsked_;   // when png() was last called; none: never
    std::optional<std::int64_t> lastCopied_;  // when the loop last offered a frame; none: never
    bool pending_ = false;          // a frame waits for, or is in, encoding
    std::vector<std::uint8_t> pixels_;
    int width_ = 0, height_ = 0;
    std::string png_;
    std::jthread encoder_;  // last: started once the rest is made, stopped first
};

}  // namespace vitrine::control
