#include "audio/stream_clock.h"

#include <algorithm>

namespace vitrine {

std::int64_t StreamClock::handOver() {
    // Once this buffer is played, `buffers` buffers have been played in all.
    return markAfter(handed_.fetch_add(1, std::memory_order_acq_rel) + 1);
}

std::int64_t StreamClock::markAfter(std::int64_t buffers) const {
    return (buffers % kStreamMarks) * kStreamMarkStride * periodFrames_;
}

std::int64_t StreamClock::played(std::int64_t reportedFrames) const {
    const std::int64_t stride = kStreamMarkStride * periodFrames_;
    const std::int64_t reported = std::max<std::int64_t>(0, reportedFrames);
    const std::int64_t mark = (reported / stride) % kStreamMarks;
    const std::int64_t intoQueue = reported % stride;
    // The buffers played are the latest count at or below those handed over that has this
    // mark: at most the queue behind the buffers handed, less any handed since the offset
    // was read, which kStreamMarks leaves room for.
    const std::int64_t handed = handed_.load(std::memory_order_acquire);
    const std::int64_t below = handed - ((handed - mark) % kStreamMarks + kStreamMarks) % kStreamMarks;
    const std::int64_t buffers = std::max<std::int64_t>(0, below);
    return buffers * periodFrames_ + intoQueue;
}

}  // namespace vitrine
