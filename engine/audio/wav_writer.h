#pragma once
// Writes 16-bit PCM to a WAV file: the tap that records exactly what the mixer produced.
// The file appears only when finished: samples go to a temporary file beside it, whose
// RIFF header is completed on close and which is then renamed into place, so a reader never
// sees a half-written WAV with a wrong header.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

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
    /// Completes the header and renames the file into place; true on success.
    bool finish();
    /// Frames written so far.
    std::int64_t frames() const { return frames_; }
    /// Why the file could not be written, or empty.
    const std::string& error() const { return error_; }

private:
    std::filesystem::path path_;
    std::filesystem::path temporary_;
    std::ofstream out_;
    int sampleRate_;
    int channels_;
    std::int64_t frames_ = 0;
    bool finished_ = false;
    std::string error_;
};

}  // namespace vitrine
