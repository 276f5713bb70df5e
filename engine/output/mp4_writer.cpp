#include "output/mp4_writer.h"

#include <algorithm>
#include <cstring>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "media/audio_decoder.h"

namespace vitrine::output {

namespace {

constexpr std::int64_t kAudioBitRate = 160'000;
constexpr int kFifoInitialFrames = 8192;
constexpr AVRational kSubtitleTimeBase{1, 1000};
constexpr int kMaxSubtitleBytes = 64 * 1024;

// The mov_text encoder reads ASS; it needs a script header naming one default style.
constexpr const char* kAssHeader =
    "[Script Info]\r\nScriptType: v4.00+\r\nPlayResX: 384\r\nPlayResY: 288\r\n\r\n"
    "[V4+ Styles]\r\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, "
    "Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
    "MarginL, MarginR, MarginV, Encoding\r\n"
    "Style: Default,Sans,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\r\n\r\n"
    "[Events]\r\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n";

Error failed(const std::string& what, int code) { return {what + ": " + ffmpeg::errorText(code)}; }

// A caption's plain text as an ASS dialogue line (the fields libavcodec's ASS splitter wants).
// Braces would open ASS override blocks, so they become parentheses.
std::string assDialogue(const std::string& text) {
    std::string line = "0,0,Default,,0,0,0,,";
    for (char c : text) {
        if (c == '\n') {
            line += "\\N";
        } else if (c == '{') {
            line += '(';
        } else if (c == '}') {
            line += ')';
        } else if (c != '\r') {
            line += c;
        }
    }
    return line;
}

}  // namespace

Result<std::unique_ptr<Mp4Writer>> Mp4Writer::open(const Mp4Settings& settings) {
    std::unique_ptr<Mp4Writer> writer(new Mp4Writer);
    AVFormatContext* raw = nullptr;
    const std::string file = settings.file.string();
    int code = avformat_alloc_output_context2(&raw, nullptr, "mp4", file.c_str());
    if (code < 0 || !raw) {
        return failed("no MP4 muxer", code);
    }
    writer->container_.reset(raw);
    writer->packet_.reset(av_packet_alloc());
    if (auto e = writer->openVideo(settings)) {
        return *std::move(e);
    }
    if (auto e = writer->openAudio()) {
        return *std::move(e);
    }
    for (const std::string& language : settings.subtitleLanguages) {
        if (auto e = writer->openSubtitles(language)) {
            return *std::move(e);
        }
    }
    if ((code = avio_open(&writer->container_->pb, file.c_str(), AVIO_FLAG_WRITE)) < 0) {
        return Error{ffmpeg::errorText(code)};
    }
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    code = avformat_write_header(writer->container_.get(), &options);
    av_dict_free(&options);
    if (code < 0) {
        return failed("cannot start the MP4 file", code);
    }
    return writer;
}

Mp4Writer::~Mp4Writer() = default;

std::optional<Error> Mp4Writer::openVideo(const Mp4Settings& settings) {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) return Error{"this FFmpeg has no libx264 encoder"};
    video_.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = video_.get();
    c->width = settings.width;
    c->height = settings.height;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = {1, settings.fps};
    c->framerate = {settings.fps, 1};
    c->sample_aspect_ratio = {1, 1};
    // Tagged as HD video is: players then convert back with the coefficients used here.
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    c->color_range = AVCOL_RANGE_MPEG;
    c->thread_count = 0;  // x264 picks its threads, as the ffmpeg CLI lets it
    if (container_->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(c->priv_data, "preset", settings.preset.c_str(), 0);
    av_opt_set(c->priv_data, "crf", std::to_string(settings.crf).c_str(), 0);
    if (int code = avcodec_open2(c, codec, nullptr); code < 0) return failed("cannot open the H.264 encoder", code);

    videoStream_ = avformat_new_stream(container_.get(), nullptr);
    if (!videoStream_) return Error{"cannot add a video stream"};
    videoStream_->time_base = c->time_base;
    videoStream_->avg_frame_rate = c->framerate;
    videoStream_->r_frame_rate = c->framerate;
    avcodec_parameters_from_context(videoStream_->codecpar, c);

    scaler_.reset(sws_getContext(c->width, c->height, AV_PIX_FMT_RGBA, c->width, c->height, AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!scaler_) return Error{"cannot convert RGBA to YUV"};
    constexpr int kFullRange = 1, kLimitedRange = 0, kUnitBrightness = 0, kUnitContrast = 1 << 16,
                  kUnitSaturation = 1 << 16;
    sws_setColorspaceDetails(scaler_.get(), sws_getCoefficients(SWS_CS_DEFAULT), kFullRange,
                             sws_getCoefficients(SWS_CS_ITU709), kLimitedRange, kUnitBrightness, kUnitContrast,
                             kUnitSaturation);
    videoFrame_.reset(av_frame_alloc());
    videoFrame_->format = c->pix_fmt;
    videoFrame_->width = c->width;
    videoFrame_->height = c->height;
    if (int code = av_frame_get_buffer(videoFrame_.get(), 0); code < 0) return failed("no memory for a frame", code);
    return std::nullopt;
}

std::optional<Error> Mp4Writer::openAudio() {
    const AVCodec* codec = avcodec_find_encoder_by_name("aac");
    if (!codec) return Error{"this FFmpeg has no AAC encoder"};
    audio_.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = audio_.get();
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->sample_rate = kMixSampleRate;
    av_channel_layout_default(&c->ch_layout, kMixChannels);
    c->bit_rate = kAudioBitRate;
    c->time_base = {1, kMixSampleRate};
    if (container_->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int code = avcodec_open2(c, codec, nullptr); code < 0) return failed("cannot open the AAC encoder", code);

    audioStream_ = avformat_new_stream(container_.get(), nullptr);
    if (!audioStream_) return Error{"cannot add an audio stream"};
    audioStream_->time_base = c->time_base;
    avcodec_parameters_from_context(audioStream_->codecpar, c);

    fifo_.reset(av_audio_fifo_alloc(c->sample_fmt, kMixChannels, kFifoInitialFrames));
    audioFrame_.reset(av_frame_alloc());
    if (!fifo_ || !audioFrame_) return Error{"no memory for audio"};
    return std::nullopt;
}

std::optional<Error> Mp4Writer::openSubtitles(const std::string& language) {
    const AVCodec* codec = avcodec_find_encoder_by_name("mov_text");
    if (!codec) return Error{"this FFmpeg has no mov_text encoder"};
    SubtitleTrack& track = subtitles_.emplace_back();
    track.codec.reset(avcodec_alloc_context3(codec));
    AVCodecContext* c = track.codec.get();
    if (!c) return Error{"no memory for subtitles"};
    c->time_base = kSubtitleTimeBase;
    const std::size_t headerSize = std::strlen(kAssHeader);
    // The codec context frees subtitle_header with av_free, so it must come from av_malloc.
    c->subtitle_header = static_cast<std::uint8_t*>(av_mallocz(headerSize + 1));
    if (!c->subtitle_header) return Error{"no memory for subtitles"};
    std::memcpy(c->subtitle_header, kAssHeader, headerSize);
    c->subtitle_header_size = static_cast<int>(headerSize);
    if (int code = avcodec_open2(c, codec, nullptr); code < 0) return failed("cannot open the mov_text encoder", code);

    track.stream = avformat_new_stream(container_.get(), nullptr);
    if (!track.stream) return Error{"cannot add a subtitle stream"};
    track.stream->time_base = kSubtitleTimeBase;
    avcodec_parameters_from_context(track.stream->codecpar, c);
    av_dict_set(&track.stream->metadata, "language", language.c_str(), 0);
    return std::nullopt;
}

std::optional<Error> Mp4Writer::addVideoFrame(const std::uint8_t* rgba) {
    AVFrame* frame = videoFrame_.get();
    // The encoder may still hold the previous picture.
    if (int code = av_frame_make_writable(frame); code < 0) return failed("no memory for a frame", code);
    const std::uint8_t* source[1] = {rgba};
    const int stride[1] = {video_->width * 4};
    sws_scale(scaler_.get(), source, stride, 0, video_->height, frame->data, frame->linesize);
    frame->pts = videoFrames_++;
    return encode(video_.get(), videoStream_, frame);
}

std::optional<Error> Mp4Writer::addAudio(const std::int16_t* interleaved, std::size_t frames) {
    constexpr float kInt16Scale = 1.0f / 32768.0f;
    left_.resize(frames);
    right_.resize(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        left_[i] = static_cast<float>(interleaved[2 * i]) * kInt16Scale;
        right_[i] = static_cast<float>(interleaved[2 * i + 1]) * kInt16Scale;
    }
    void* planes[2] = {left_.data(), right_.data()};
    if (av_audio_fifo_write(fifo_.get(), planes, static_cast<int>(frames)) < static_cast<int>(frames))
        return Error{"no memory for audio"};
    return encodeQueuedAudio(false);
}

std::optional<Error> Mp4Writer::encodeQueuedAudio(bool flush) {
    const int frameSize = audio_->frame_size;
    while (av_audio_fifo_size(fifo_.get()) >= frameSize || (flush && av_audio_fifo_size(fifo_.get()) > 0)) {
        // The last frame may be short: the AAC encoder pads it and the muxer trims it.
        const int count = std::min(frameSize, av_audio_fifo_size(fifo_.get()));
        AVFrame* frame = audioFrame_.get();
        av_frame_unref(frame);
        frame->nb_samples = count;
        frame->format = audio_->sample_fmt;
        frame->sample_rate = audio_->sample_rate;
        av_channel_layout_copy(&frame->ch_layout, &audio_->ch_layout);
        if (int code = av_frame_get_buffer(frame, 0); code < 0) return failed("no memory for audio", code);
        av_audio_fifo_read(fifo_.get(), reinterpret_cast<void**>(frame->data), count);
        frame->pts = audioSamples_;
        audioSamples_ += count;
        if (auto e = encode(audio_.get(), audioStream_, frame)) return e;
    }
    return std::nullopt;
}

std::optional<Error> Mp4Writer::addSubtitle(std::size_t track, Micros start, Micros end, const std::string& text) {
    if (track >= subtitles_.size()) return Error{"this file has no such subtitle track"};
    SubtitleTrack& into = subtitles_[track];
    const std::string dialogue = assDialogue(text);
    AVSubtitleRect rect{};
    rect.type = SUBTITLE_ASS;
    rect.ass = const_cast<char*>(dialogue.c_str());  // read only by the encoder
    AVSubtitleRect* rects[1] = {&rect};
    AVSubtitle subtitle{};
    subtitle.format = 1;  // text
    subtitle.num_rects = 1;
    subtitle.rects = rects;
    subtitle.pts = start;  // AV_TIME_BASE is microseconds, as Micros are
    subtitle.start_display_time = 0;
    subtitle.end_display_time = static_cast<std::uint32_t>((end - start) / 1000);

    std::vector<std::uint8_t> buffer(kMaxSubtitleBytes);
    const int size = avcodec_encode_subtitle(into.codec.get(), buffer.data(), kMaxSubtitleBytes, &subtitle);
    if (size < 0) return failed("cannot encode a subtitle", size);
    AVPacket* packet = packet_.get();
    if (int code = av_new_packet(packet, size); code < 0) return failed("no memory for a subtitle", code);
    std::memcpy(packet->data, buffer.data(), static_cast<std::size_t>(size));
    const AVRational micros = AV_TIME_BASE_Q;
    packet->pts = packet->dts = av_rescale_q(start, micros, kSubtitleTimeBase);
    packet->duration = av_rescale_q(end, micros, kSubtitleTimeBase) - packet->pts;
    return write(packet, into.codec.get(), into.stream);
}

std::optional<Error> Mp4Writer::encode(AVCodecContext* codec, AVStream* stream, const AVFrame* frame) {
    if (int code = avcodec_send_frame(codec, frame); code < 0) return failed("cannot encode", code);
    for (;;) {
        const int code = avcodec_receive_packet(codec, packet_.get());
        if (code == AVERROR(EAGAIN) || code == AVERROR_EOF) return std::nullopt;
        if (code < 0) return failed("cannot encode", code);
        if (auto e = write(packet_.get(), codec, stream)) return e;
    }
}

std::optional<Error> Mp4Writer::write(AVPacket* packet, AVCodecContext* codec, AVStream* stream) {
    av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
    packet->stream_index = stream->index;
    // Takes the packet's data, leaving the packet blank for reuse.
    if (int code = av_interleaved_write_frame(container_.get(), packet); code < 0)
        return failed("cannot write", code);
    return std::nullopt;
}

std::optional<Error> Mp4Writer::finish() {
    if (finished_) return Error{"the file is already finished"};
    finished_ = true;
    if (auto e = encodeQueuedAudio(true)) return e;
    if (auto e = encode(audio_.get(), audioStream_, nullptr)) return e;
    if (auto e = encode(video_.get(), videoStream_, nullptr)) return e;
    if (int code = av_write_trailer(container_.get()); code < 0) return failed("cannot finish the MP4 file", code);
    if (int code = avio_closep(&container_->pb); code < 0) return failed("cannot close the MP4 file", code);
    return std::nullopt;
}

}  // namespace vitrine::output
