#pragma once
// The frame loop's wait: until the next frame is due, or sooner when something the loop
// must act on arrives (a remote command, a reloaded show, a stop request). A sleep to a
// fixed deadline made a remote command wait for the next frame, and a closed venue could
// only be woken by polling.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace vitrine {

class LoopWake {
public:
    using Clock = std::chrono::steady_clock;

    /// Ends the wait under way, or the next one (from any thread).
    void wake();
    /// Waits until `deadline` or a wake, whichever comes first; true when woken. A wake
    /// that came before the call ends it at once: nothing told is lost.
    bool waitUntil(Clock::time_point deadline);

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool woken_ = false;
};

}  // namespace vitrine
