#include "audio/sound_output.h"

namespace vitrine {

SoundOutput::SoundOutput(Mixer& mixer, WavWriter* tap, std::size_t periodFrames)
    : mixer_(mixer), tap_(tap), buffer_(periodFrames * kMixChannels), clock_(static_cast<std::int64_t>(periodFrames)) {
    initialize(kMixChannels, kMixSampleRate);
    // A looping stream asks onLoop() for a mark after every buffer onGetData ends with false.
    setLoop(true);
}

SoundOutput::~SoundOutput() { stop(); }

bool SoundOutput::onGetData(Chunk& data) {
    const std::size_t frames = buffer_.size() / kMixChannels;
    mixer_.mix(buffer_.data(), frames);
    if (tap_) tap_->write(buffer_.data(), frames);
    data.samples = buffer_.data();
    data.sampleCount = buffer_.size();
    mark_ = clock_.handOver();
    // "Loops" after every buffer: SFML then asks onLoop() for the offset it reports once this
    // buffer is played, and the buffer itself plays as any other (its samples are kept).
    return false;
}

sf::Int64 SoundOutput::onLoop() { return mark_ * kMixChannels; }

void SoundOutput::onSeek(sf::Time) {}

NullAudioOutput::NullAudioOutput(Mixer& mixer, WavWriter* tap, std::size_t periodFrames)
    : mixer_(mixer), tap_(tap), buffer_(periodFrames * kMixChannels) {}

NullAudioOutput::~NullAudioOutput() { stop(); }

void NullAudioOutput::play() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { run(); });
}

void NullAudioOutput::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void NullAudioOutput::waitUntilMixed(std::int64_t frames) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return pulled_ >= frames || stopping_; });
}

std::int64_t SoundOutput::playedFrames() const {
    // The offset is a mark plus the position in the queue, below a second: exact as a float.
    return clock_.played(audioFramesIn(getPlayingOffset().asMicroseconds()));
}

std::int64_t NullAudioOutput::playedFrames() const {
    std::lock_guard lock(mutex_);
    if (started_ == std::chrono::steady_clock::time_point{}) return 0;
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_).count();
    return std::min<std::int64_t>(pulled_, elapsed * kMixSampleRate / kMicrosPerSecond);
}

void NullAudioOutput::run() {
    using Clock = std::chrono::steady_clock;
    const std::size_t frames = buffer_.size() / kMixChannels;
    const auto start = Clock::now();
    {
        std::lock_guard lock(mutex_);
        started_ = start;
    }
    std::int64_t periods = 0;
    for (;;) {
        mixer_.mix(buffer_.data(), frames);
        if (tap_) tap_->write(buffer_.data(), frames);
        ++periods;
        // Period `periods` must be mixed before it is heard, kNullOutputQueuedPeriods earlier.
        const auto deadline = start + std::chrono::microseconds(audioFramesDuration(
                                          (periods - kNullOutputQueuedPeriods) * static_cast<std::int64_t>(frames)));
        std::unique_lock lock(mutex_);
        pulled_ += static_cast<std::int64_t>(frames);
        changed_.notify_all();
        if (changed_.wait_until(lock, deadline, [&] { return stopping_; })) return;
    }
}

}  // namespace vitrine
