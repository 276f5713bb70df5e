#pragma once
// The frames a streaming sound card has played, counted in integers for as long as the
// stream runs (months: the stream is never restarted).
//
// SFML 2.5 reports a stream's position only as getPlayingOffset(), a float of seconds made
// of the source's offset within its queue plus every sample played since the stream began:
// its resolution is 2 ms after 4.6 hours and 250 ms after a month, which the drift follower
// would chase. But SFML lets a stream say, for each buffer it hands over, where the playing
// offset restarts once that buffer is played (the loop mark of SoundStream::onLoop). Every
// buffer is handed over with such a mark: the number of buffers played so far modulo
// kStreamMarks, each mark kStreamMarkStride buffers apart. The offset SFML reports then stays
// below a second (float precision ~0.1 us), and says both how far into the queue the source
// is and which buffer it plays; this class counts the buffers in an int64 and turns the
// reported offset back into the frames played since the stream began.

#include <atomic>
#include <cstdint>

namespace vitrine {

/// The buffers an SFML stream keeps queued (sf::SoundStream::BufferCount).
inline constexpr std::int64_t kStreamQueuedBuffers = 3;
/// Marks repeat after this many buffers: more than the buffers that can be handed over
/// while a reader looks (the queue, and a streaming thread that catches up).
inline constexpr std::int64_t kStreamMarks = 8;
/// Buffers between two marks: more than the queue, so a mark and an offset into the queue
/// never add up to the next mark.
inline constexpr std::int64_t kStreamMarkStride = kStreamQueuedBuffers + 1;

class StreamClock {
public:
    /// Buffers of `periodFrames` frames each, `handed` of them already played (a stream
    /// that has been playing for a while: tests of a month's play).
    explicit StreamClock(std::int64_t periodFrames, std::int64_t handed = 0) : periodFrames_(periodFrames), handed_(handed) {}

    /// Streaming thread: one more buffer is handed to the device. Returns the mark, in
    /// frames, at which the stream's reported offset is to restart once that buffer has
    /// been played (multiply by the channel count for SFML's onLoop, which counts samples).
    std::int64_t handOver();

    /// The mark, in frames, that says `buffers` buffers have been played.
    std::int64_t markAfter(std::int64_t buffers) const;

    /// Frames played since the stream began, given the offset the stream reports now (in
    /// frames, from getPlayingOffset: a mark plus the position within the queue).
    std::int64_t played(std::int64_t reportedFrames) const;

    /// Buffers handed to the device so far.
    std::int64_t handed() const { return handed_.load(std::memory_order_acquire); }

private:
    const std::int64_t periodFrames_;
    std::atomic<std::int64_t> handed_{0};
};

}  // namespace vitrine
