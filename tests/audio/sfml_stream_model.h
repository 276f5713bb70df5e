#pragma once
// What SFML 2.5's SoundStream does with the buffers a SoundOutput hands over, without a
// sound card: a queue of three buffers, each unqueued once played and refilled at once,
// and getPlayingOffset() computed as SFML computes it (a float of seconds: the source's
// offset within its queue plus the samples processed, which a buffer's loop mark resets).

#include <SFML/System/Time.hpp>

#include <cstdint>
#include <deque>

#include "audio/stream_clock.h"
#include "media/audio_decoder.h"
#include "base/time_value.h"

namespace vitrine::test {

class SfmlStreamModel {
public:
    /// Fills the queue, as play() does; a clock made with buffers already handed over is a
    /// stream that has played them all, the last with its mark.
    SfmlStreamModel(StreamClock& clock, std::int64_t periodFrames)
        : clock_(clock), period_(periodFrames), queueStart_(clock.handed() * periodFrames), frame_(queueStart_) {
        const std::int64_t mark = clock_.handed() > 0 ? clock_.markAfter(clock_.handed()) : 0;
        processedSamples_ = (mark >= 0 ? mark : queueStart_) * kMixChannels;
        for (std::int64_t i = 0; i < kStreamQueuedBuffers; ++i) marks_.push_back(clock_.handOver());
    }

    /// The sound card has played `frame` frames in all (never less than before): buffers
    /// played are unqueued and refilled, as SFML's streaming thread does.
    void playTo(std::int64_t frame) {
        deviceTo(frame);
        while (frame_ - queueStart_ >= period_) {
            unqueue();
            marks_.push_back(clock_.handOver());
        }
    }

    /// The sound card plays on to `frame` while SFML's streaming thread sleeps: buffers
    /// played stay queued (OpenAL counts the offset from the first of them).
    void deviceTo(std::int64_t frame) { frame_ = frame; }

    /// Unqueues the buffer at the head without refilling it yet: what a reader may see in
    /// the moment between SFML's alSourceUnqueueBuffers and its call of onGetData.
    void unqueueOnly() { unqueue(); }

    /// Refills the buffers unqueued by unqueueOnly().
    void refill() {
        while (static_cast<std::int64_t>(marks_.size()) < kStreamQueuedBuffers) marks_.push_back(clock_.handOver());
    }

    /// getPlayingOffset().asMicroseconds(), as SFML 2.5.1 and OpenAL compute it.
    Micros reportedOffset() const {
        const auto inQueue = static_cast<float>(static_cast<double>(frame_ - queueStart_) / kMixSampleRate);
        const float secs = inQueue + static_cast<float>(processedSamples_) / kMixSampleRate / kMixChannels;
        return sf::seconds(secs).asMicroseconds();
    }

private:
    void unqueue() {
        const std::int64_t mark = marks_.front();
        marks_.pop_front();
        // A buffer with a loop mark resets the count; one without (-1) adds its samples.
        processedSamples_ = mark >= 0 ? mark * kMixChannels : processedSamples_ + period_ * kMixChannels;
        queueStart_ += period_;
    }

    StreamClock& clock_;
    const std::int64_t period_;
    std::deque<std::int64_t> marks_;
    std::int64_t queueStart_;  // frames played before the buffer at the head
    std::int64_t frame_;
    std::int64_t processedSamples_ = 0;  // SFML's m_samplesProcessed
};

}  // namespace vitrine::test
