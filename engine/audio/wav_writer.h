#pragma once
// Writes 16-bit PCM to a WAV file: the tap that records exactly what the mixer produced.
// The file appears only when finished: samples go to a temporary file beside it, whose
// RIFF header is completed on close and which is then renamed into place, so a reader never
// sees a half-written WAV with a wrong header.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>

#include "base/error.h"

namespace vitrine {

/// A WAV file being written, finished (header, rename) by finish() or the destructor.
class WavWriter {
public:
    /// Opens a temporary file beside `path` for `channels` × 16-bit at `sampleRate` Hz.
    WavWriter(std::filesystem::path path, int sampleRate, int channels);
    /// Finishes the file if finish() was not called.
    ~WavWriter();
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;

    /// True while the file can be written (false after an I/O error or finish()).
    bool good() const { return out_.is_open() && out_.good(); }
    /// Appends `frames` interleaved frames.
    void write(const std::int16_t* samples, std::size_t frames);
    /// Completes the header and renames the file into place: nullopt when the file is there,
    /// else the Error naming the file and why (the same one when called again).
    [[nodiscard]] std::optional<Error> finish();
    /// Frames written so far.
    std::int64_t frames() const { return frames_; }

private:
    std::filesystem::path path_;
    std::filesystem::path temporary_;
    std::ofstream out_;
    int sampleRate_;
    int channels_;
    std::int64_t frames_ = 0;
    bool finished_ = false;
    std::optional<Error> error_;  // the first failure
};

}  // namespace vitrine
