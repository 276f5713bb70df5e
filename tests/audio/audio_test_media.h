#pragma once
// Test audio made at test time (ffmpeg's aevalsrc, exact to the sample) and small helpers
// to measure what the decoder and the mixer produced.

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "media/audio_decoder.h"
#include "media/media_test_files.h"

namespace vitrine::test {

/// Writes a tone: `frequency` Hz at `amplitude`, silent before `onset` seconds, `duration`
/// seconds long in all, at `rate` Hz, in the format the extension of `out` picks.
inline bool makeTone(const std::filesystem::path& out, double frequency, double amplitude, double onset,
                     double duration, int rate = 44100, const std::string& codecOptions = {}) {
    const std::string expression = "if(gte(t\\," + std::to_string(onset) + ")\\," + std::to_string(amplitude) +
                                   "*sin(2*PI*" + std::to_string(frequency) + "*t)\\,0)";
    return runFfmpeg("-f lavfi -i 'aevalsrc=" + expression + ":s=" + std::to_string(rate) + ":d=" +
                     std::to_string(duration) + "' " + codecOptions + " " + quoted(out));
}

/// Decodes everything from the decoder's position on.
inline std::vector<float> readAll(AudioDecoder& decoder) {
    std::vector<float> samples;
    constexpr std::size_t kChunk = 4096;
    std::vector<float> chunk(kChunk * kMixChannels);
    while (const std::size_t got = decoder.read(chunk.data(), kChunk)) {
        samples.insert(samples.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(got * kMixChannels));
    }
    return samples;
}

/// Index of the first frame whose left sample's magnitude exceeds `threshold`, or -1.
template <typename Sample>
std::int64_t firstLoudFrame(const std::vector<Sample>& interleaved, double threshold) {
    for (std::size_t i = 0; i < interleaved.size(); i += kMixChannels) {
        if (std::abs(static_cast<double>(interleaved[i])) > threshold) return static_cast<std::int64_t>(i / kMixChannels);
    }
    return -1;
}

/// Root mean square of the samples in [begin, end) frames, both channels.
template <typename Sample>
double rms(const std::vector<Sample>& interleaved, std::size_t beginFrame = 0, std::size_t endFrame = SIZE_MAX) {
    endFrame = std::min(endFrame, interleaved.size() / kMixChannels);
    if (endFrame <= beginFrame) return 0;
    double sum = 0;
    for (std::size_t i = beginFrame * kMixChannels; i < endFrame * kMixChannels; ++i) {
        sum += static_cast<double>(interleaved[i]) * static_cast<double>(interleaved[i]);
    }
    return std::sqrt(sum / static_cast<double>((endFrame - beginFrame) * kMixChannels));
}

}  // namespace vitrine::test
