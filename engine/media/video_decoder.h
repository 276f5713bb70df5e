#pragma once
// Decodes the pictures of a video file to RGBA, in presentation order, with frame-exact
// seeking: the frame "at" media time t is the one whose pts ≤ t < next pts. One thread at
// a time; VideoSource runs one on a thread of its own, stills and export use it directly.

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "media/rgba_image.h"
#include "base/time_value.h"

namespace vitrine {

/// One decoded picture and when it is shown.
struct VideoFrame {
    Micros pts = 0;       // media time the frame starts being shown
    Micros duration = 0;  // until the next frame's pts (the nominal frame time for the last)
    RgbaImage image;      // upright RGBA, full range
};

/// Where a decoder's time goes: the price of RGBA conversion next to decoding itself.
struct VideoDecodeStats {
    std::int64_t decoded = 0;     // pictures the codec produced
    std::int64_t converted = 0;   // pictures converted to RGBA (skipped ones are not)
    std::int64_t discarded = 0;   // packets passed on the way to a seek target whose pictures,
                                  // if nothing refers to them, the codec was told not to decode
    Micros decodeTime = 0;        // spent reading and decoding
    Micros convertTime = 0;       // spent in swscale
};

class VideoDecoder;


/// Reads one file's video stream as timed RGBA frames.
class VideoDecoder {
public:
    /// Opens the best video stream of `path` with `threadCount` codec threads (0 = FFmpeg
    /// chooses); never throws for bad input. The error's message is the reason without the
    /// file name (the caller names the file it asked for).
    static Result<std::unique_ptr<VideoDecoder>> open(const std::filesystem::path& path, int threadCount = 0);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    /// The next frame in presentation order, or nullptr at the end.
    std::shared_ptr<const VideoFrame> next();
    /// Positions so that next() returns the frame shown at `t` (seeks to the keyframe before
    /// it and decodes forward without converting the frames passed, nor decoding those passed
    /// that no other frame refers to). False if it cannot seek.
    bool seek(Micros t);
    /// Exactly the frame shown at `t`, synchronously (decoding forward from the current
    /// position when that is near, seeking otherwise); the last frame past the end, the
    /// first before the start; nullptr only when the file has no decodable frame.
    std::shared_ptr<const VideoFrame> frameAt(Micros t);

    /// Picture width in pixels.
    int width() const;
    /// Picture height in pixels.
    int height() const;
    /// Nominal frames per second (0 when the file does not say).
    double frameRate() const;
    /// The container's duration, when it says.
    std::optional<Micros> duration() const;
    /// Time and counts spent so far.
    const VideoDecodeStats& stats() const;
    /// The first decoding problem met (damaged packets are skipped), or empty.
    const std::string& problem() const;

    /// Decoders open in this process now, each holding a file, codec state and pooled
    /// frames: a count, not a registry, so tests can see that a retired video let go.
    static int openCount();

private:
    struct State;
    explicit VideoDecoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace vitrine
