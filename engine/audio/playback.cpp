#include "audio/playback.h"

#include <algorithm>
#include <cstdlib>

namespace vitrine {

Playback::Playback(int index, const Item& item, std::unique_ptr<AudioDecoder> decoder)
    : index_(index), item_(item), decoder_(std::move(decoder)) {}

bool Playback::looping() const { return item_.loop && item_.clipOut && *item_.clipOut > item_.clipIn; }

Micros Playback::placed(Micros time) const {
    time = std::max(time, item_.clipIn);
    if (looping()) return item_.clipIn + (time - item_.clipIn) % (*item_.clipOut - item_.clipIn);
    if (item_.clipOut) return std::min(time, *item_.clipOut);
    return time;
}

Micros Playback::distance(Micros a, Micros b) const {
    const Micros d = std::llabs(a - b);
    if (!looping()) return d;
    const Micros length = *item_.clipOut - item_.clipIn;
    return std::min(d % length, length - d % length);
}

void Playback::seek(Micros position) {
    position = placed(position);
    positionFrames_ = audioFramesIn(position);
    decoder_->seek(position);
}

Micros Playback::position() const { return placed(audioFramesDuration(positionFrames_)); }

void Playback::fill(std::size_t frames) {
    scratch_.assign(frames * kMixChannels, 0.0f);
    std::size_t done = 0;
    const std::int64_t outFrame = item_.clipOut ? audioFramesIn(*item_.clipOut) : INT64_MAX;
    while (done < frames) {
        const std::int64_t untilOut = outFrame - positionFrames_;
        if (untilOut <= 0) {
            if (!looping()) return;  // parked at the out point: silence
            seek(item_.clipIn);
            continue;
        }
        const std::size_t want = static_cast<std::size_t>(std::min<std::int64_t>(untilOut, static_cast<std::int64_t>(frames - done)));
        // Past the end of the file the playback keeps counting time in silence, so its
        // position still agrees with the timeline's (a loop longer than the file wraps on time).
        const std::size_t got = decoder_->atEnd() ? 0 : decoder_->read(scratch_.data() + done * kMixChannels, want);
        const std::size_t advanced = got > 0 ? got : want;
        positionFrames_ += static_cast<std::int64_t>(advanced);
        done += advanced;
    }
}

void Playback::mixInto(float* out, std::size_t frames) {
    fill(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        const float gain = volume_.next() * duck_.next();
        out[i * kMixChannels] += scratch_[i * kMixChannels] * gain;
        out[i * kMixChannels + 1] += scratch_[i * kMixChannels + 1] * gain;
    }
}

}  // namespace vitrine
