#pragma once
// A sound's waveform for the timeline: the loudest sample of each short stretch, read once
// per file through the engine's audio decoder on a background thread, so the frame loop
// only ever draws peaks that are ready.

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "base/time_value.h"

namespace vitrine::studio {

/// Peaks of a sound: peaks[i] is the largest absolute sample (0..1, both channels) in
/// [i × bucket, (i + 1) × bucket) of the file's time.
struct Waveform {
    Micros bucket = 0;
    std::vector<float> peaks;
    float loudest = 0;  // the largest peak: a quiet recording is drawn as tall as a loud one

    /// The largest peak in [from, to) of the file's time; 0 outside it.
    float peakIn(Micros from, Micros to) const;
};

/// The bucket the studio uses: 20 ms, finer than a pixel at the timeline's largest zoom.
inline constexpr Micros kWaveformBucket = 20 * kMicrosPerMillisecond;

/// Reads `file` through the audio decoder; an error naming the file when it cannot.
Result<Waveform> readWaveform(const std::filesystem::path& file, Micros bucket = kWaveformBucket);

/// Waveforms by file, each read once on one background thread.
class WaveformCache {
public:
    WaveformCache() = default;
    ~WaveformCache();
    WaveformCache(const WaveformCache&) = delete;
    WaveformCache& operator=(const WaveformCache&) = delete;

    /// The waveform of `file` once read; the first call asks for it, and until it is read
    /// (or when it cannot be) the answer is nullptr.
    std::shared_ptr<const Waveform> get(const std::string& file);
    /// Blocks until every waveform asked for has been read or found unreadable (tests).
    void waitIdle();

private:
    void work();

    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::map<std::string, std::shared_ptr<const Waveform>> done_;  // null: unreadable
    std::deque<std::string> queue_;
    bool busy_ = false;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace vitrine::studio
