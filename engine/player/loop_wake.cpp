#include "player/loop_wake.h"

namespace vitrine {

void LoopWake::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    changed_.notify_all();
}

bool LoopWake::waitUntil(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    const bool woken = changed_.wait_until(lock, deadline, [&] { return woken_; });
    woken_ = false;
    return woken;
}

}  // namespace vitrine
