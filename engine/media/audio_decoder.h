#pragma once
// Decodes the audio of any file FFmpeg reads (MP3, AAC/M4A, Opus, Vorbis, FLAC, WAV, the
// sound track of a video) to the mixer's one format: interleaved float stereo at 48 kHz.
//
// Why float: the mixer sums several sources and applies gain ramps; in float that costs no
// precision and cannot wrap, and the one conversion to int16 (with clamping) happens once,
// at the output. Why 48 kHz: the rate of video sound tracks and of most playout hardware.
//
// A decoder is a playback's private reader: one thread at a time. Bad input is a value.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "base/time_value.h"

namespace vitrine {

/// Sample rate of everything the decoder produces and the mixer mixes.
inline constexpr int kMixSampleRate = 48000;
/// Channels of everything the decoder produces and the mixer mixes (left, right).
inline constexpr int kMixChannels = 2;

/// Audio frames (one sample per channel) in `time`, rounded to the nearest frame.
std::int64_t audioFramesIn(Micros time);
/// Duration of `frames` audio frames, rounded to the nearest microsecond.
Micros audioFramesDuration(std::int64_t frames);

class AudioDecoder;


/// Sequential, seekable reader of one file's audio as 48 kHz float stereo.
class AudioDecoder {
public:
    /// Opens the best audio stream of `path`; never throws for bad input. The error's message
    /// is the reason without the file name (the caller names the file it asked for).
    static Result<std::unique_ptr<AudioDecoder>> open(const std::filesystem::path& path);
    ~AudioDecoder();
    AudioDecoder(const AudioDecoder&) = delete;
    AudioDecoder& operator=(const AudioDecoder&) = delete;

    /// Writes up to `frames` interleaved stereo frames to `out`; returns how many. Fewer
    /// than asked only at the end of the stream (or when the rest is undecodable).
    std::size_t read(float* out, std::size_t frames);

    /// Moves so that the next read starts at media time `target` to within one sample:
    /// seeks a little before it, decodes forward and drops what precedes it. False when
    /// the file cannot seek (the position is then unchanged).
    bool seek(Micros target);

    /// Media time of the next frame read.
    Micros position() const;
    /// Index (at 48 kHz) of the next frame read.
    std::int64_t positionFrames() const;
    /// The container's duration, when it says.
    std::optional<Micros> duration() const;
    /// True once everything has been read.
    bool atEnd() const;
    /// The first decoding problem met so far (damaged packets are skipped), or empty.
    const std::string& problem() const;

private:
    struct State;
    explicit AudioDecoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

/// The duration of an audio or video file from its container, without decoding; nullopt
/// when the file cannot be read or does not say. Fits CompileOptions::mediaDuration.
std::optional<Micros> probeDuration(const std::filesystem::path& path);

}  // namespace vitrine
