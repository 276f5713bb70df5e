#pragma once
// An MP4 file being written through libav: H.264 video from RGBA frames (libx264, yuv420p,
// BT.709), AAC audio from the mixer's 48 kHz int16 stereo (FFmpeg's native encoder, fed in
// its 1024-sample frames through a FIFO), and an optional mov_text subtitle track.
// Streams are interleaved by libavformat; the index is moved to the front on finish()
// (faststart) so the file plays while it downloads.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "media/ffmpeg_handles.h"
#include "output/encoder_handles.h"
#include "base/time_value.h"

namespace vitrine::output {

/// The encoding settings of one MP4 file.
struct Mp4Settings {
    std::filesystem::path file;
    int width = 0;   // even
    int height = 0;  // even
    int fps = 25;
    int crf = 20;
    std::string preset = "medium";
    /// One mov_text track per entry, tagged with this ISO 639-2 language ("und": unknown).
    std::vector<std::string> subtitleLanguages;
};

/// One MP4 file being encoded. Every add* call must come in time order per stream.
class Mp4Writer {
public:
    /// Opens `settings.file` for writing and sets up the encoders, or says why it cannot.
    /// The file is left as it is on failure (the caller owns its removal).
    static Result<std::unique_ptr<Mp4Writer>> open(const Mp4Settings& settings);
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    /// Encodes the next video frame from `width`×`height` RGBA pixels, rows packed.
    std::optional<Error> addVideoFrame(const std::uint8_t* rgba);
    /// Appends `frames` frames of 48 kHz interleaved stereo.
    std::optional<Error> addAudio(const std::int16_t* interleaved, std::size_t frames);
    /// Adds a subtitle to track `track` (an index into subtitleLanguages), shown over
    /// [start, end) of the file's time.
    std::optional<Error> addSubtitle(std::size_t track, Micros start, Micros end, const std::string& text);
    /// Drains the encoders and completes the file. Nothing may be added afterwards.
    std::optional<Error> finish();

private:
    Mp4Writer() = default;
    std::optional<Error> openVideo(const Mp4Settings& settings);
    std::optional<Error> openAudio();
    std::optional<Error> openSubtitles(const std::string& language);
    std::optional<Error> encode(AVCodecContext* codec, AVStream* stream, const AVFrame* frame);
    std::optional<Error> encodeQueuedAudio(bool flush);
    std::optional<Error> write(AVPacket* packet, AVCodecContext* codec, AVStream* stream);

    ffmpeg::OutputContextPtr container_;
    ffmpeg::CodecContextPtr video_;
    ffmpeg::CodecContextPtr audio_;
    struct SubtitleTrack {
        ffmpeg::CodecContextPtr codec;
        AVStream* stream = nullptr;
    };
    std::vector<SubtitleTrack> subtitles_;
    AVStream* videoStream_ = nullptr;  // owned by container_
    AVStream* audioStream_ = nullptr;
    ffmpeg::ScalerPtr scaler_;
    ffmpeg::FramePtr videoFrame_;
    ffmpeg::FramePtr audioFrame_;
    ffmpeg::PacketPtr packet_;
    ffmpeg::AudioFifoPtr fifo_;
    std::vector<float> left_, right_;  // planar scratch for the FIFO
    std::int64_t videoFrames_ = 0;
    std::int64_t audioSamples_ = 0;  // samples handed to the audio encoder
    bool finished_ = false;
};

}  // namespace vitrine::output
