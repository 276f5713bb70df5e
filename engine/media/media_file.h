#pragma once
// Opens one stream of a media file for decoding: the part the audio and video decoders share.
// Internal to engine/media (it exposes FFmpeg types); bad input comes back as a value.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "media/ffmpeg_handles.h"
#include "base/error.h"
#include "base/time_value.h"

namespace vitrine {

/// A demuxer and an opened decoder for the file's best stream of one kind.
struct MediaStream {
    ffmpeg::FormatContextPtr format;
    ffmpeg::CodecContextPtr codec;
    int streamIndex = -1;
    std::optional<Error> error;  // why it cannot be decoded: the reason without the file name

    /// True when the stream is ready to decode.
    bool ok() const { return !error; }
    /// The stream being decoded; only when ok().
    AVStream* stream() const { return format->streams[streamIndex]; }
    /// The stream's first timestamp in its own time base (0 when the file does not say).
    std::int64_t startTimestamp() const;
    /// A stream timestamp as media time: microseconds since the stream's start.
    Micros toMicros(std::int64_t timestamp) const;
    /// Media time as a stream timestamp (the inverse of toMicros).
    std::int64_t fromMicros(Micros time) const;
    /// Reads the next packet and hands it to the decoder when it belongs to this stream.
    /// At the end of the file (or a read error) it sends the flush packet and sets
    /// `demuxEnded`. Problems are described through `problem`; a damaged packet is
    /// skipped, not fatal. `beforeSend`, when given, sees each of this stream's packets just
    /// before the decoder does (to set per-packet decoder options such as skip_frame).
    void feedOnePacket(AVPacket* packet, bool& demuxEnded, const std::function<void(const std::string&)>& problem,
                       const std::function<void(const AVPacket&)>& beforeSend = nullptr);
};

/// Opens `path` and the decoder of its best stream of `type` (audio or video), with
/// `threadCount` codec threads (0 = as many as FFmpeg likes); never throws for bad input.
MediaStream openMediaStream(const std::filesystem::path& path, AVMediaType type, int threadCount);

/// The container's duration of `path` without decoding (header and, when the header is
/// silent, a few packets); nullopt when the file cannot be opened or does not say.
std::optional<Micros> probeMediaDuration(const std::filesystem::path& path);

}  // namespace vitrine
