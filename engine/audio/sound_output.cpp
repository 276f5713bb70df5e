#include "audio/sound_output.h"

namespace vitrine {

SoundOutput::SoundOutput(Mixer& mixer, WavWriter* tap, std::size_t periodFrames)
    : mixer_(mixer), tap_(tap), buffer_(periodFrames * kMixChannels) {
    initialize(kMixChannels, kMixSampleRate);
}

SoundOutput::~SoundOutput() { stop(); }

bool SoundOutput::onGetData(Chunk& data) {
    const std::size_t frames = buffer_.size() / kMixChannels;
    mixer_.mix(buffer_.data(), frames);
    if (tap_) tap_->write(buffer_.data(), frames);
    data.samples = buffer_.data();
    data.sampleCount = buffer_.size();
    return true;
}

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
    return static_cast<std::int64_t>(getPlayingOffset().asMicroseconds()) * kMixSampleRate / kMicrosPerSecond;
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
