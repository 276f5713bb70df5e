#pragma once
// Offline mixer runs for tests: a Show of hand-made audio items and a loop that calls
// update() then mix() once per audio period, with no clock.

#include <functional>
#include <string>
#include <vector>

#include "audio/audio_test_media.h"
#include "audio/mixer.h"
#include "timeline/show.h"

namespace vitrine::test {

/// Frames per offline audio period: 10 ms.
inline constexpr std::size_t kTestPeriodFrames = kMixSampleRate / 100;
/// Show time per offline audio period.
inline constexpr Micros kTestPeriod = millis(10);

/// An audio item playing `path`.
inline Item audioItem(const std::filesystem::path& path, AudioRole role = AudioRole::Effect, double duck = 1) {
    Item item;
    item.kind = ItemKind::Audio;
    item.src = path.string();
    item.role = role;
    item.duck = duck;
    return item;
}

/// Runs `periods` periods: at each, update(cuesAt(t), t) then mix; returns all samples.
inline std::vector<std::int16_t> runMixer(Mixer& mixer, int periods,
                                          const std::function<std::vector<AudioCue>(Micros)>& cuesAt) {
    std::vector<std::int16_t> out(static_cast<std::size_t>(periods) * kTestPeriodFrames * kMixChannels);
    for (int p = 0; p < periods; ++p) {
        const Micros t = p * kTestPeriod;
        mixer.update(cuesAt(t), t);
        mixer.mix(out.data() + static_cast<std::size_t>(p) * kTestPeriodFrames * kMixChannels, kTestPeriodFrames);
    }
    return out;
}

/// Largest difference between consecutive left-channel samples in frames [begin, end).
inline int maxStep(const std::vector<std::int16_t>& samples, std::size_t begin = 1, std::size_t end = SIZE_MAX) {
    end = std::min(end, samples.size() / kMixChannels);
    int largest = 0;
    for (std::size_t i = std::max<std::size_t>(begin, 1); i < end; ++i) {
        largest = std::max(largest, std::abs(samples[i * kMixChannels] - samples[(i - 1) * kMixChannels]));
    }
    return largest;
}

/// Frame index of the start of period `p`.
inline std::size_t periodFrame(int p) { return static_cast<std::size_t>(p) * kTestPeriodFrames; }

}  // namespace vitrine::test
