#include "media/media_file.h"

#include <system_error>

#include "media/ffmpeg_log_capture.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

constexpr AVRational kMicrosTimeBase{1, static_cast<int>(kMicrosPerSecond)};

MediaStream failure(ErrorKind kind, std::string message) {
    MediaStream result;
    result.error = Error{std::move(message), kind};
    return result;
}

std::string withDetail(std::string reason, const FfmpegLogCapture& log) {
    if (log.hasErrors()) reason += " (" + log.firstError() + ")";
    return reason;
}

// The checks FFmpeg would answer with a vaguer message: a missing file, a folder, an empty file.
std::optional<MediaStream> fileProblem(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return failure(ErrorKind::FileNotFound, "file not found");
    if (fs::is_directory(status)) return failure(ErrorKind::Unreadable, "is a directory, not a media file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return failure(ErrorKind::Unreadable, "cannot read file: " + ec.message());
    if (size == 0) return failure(ErrorKind::EmptyFile, "empty file (0 bytes)");
    return std::nullopt;
}

// Opens the container; on failure `error` says why.
ffmpeg::FormatContextPtr openContainer(const fs::path& path, MediaStream& error, const FfmpegLogCapture& log) {
    // "file:" keeps a path with a colon from being read as a protocol.
    const std::string url = "file:" + path.string();
    AVFormatContext* raw = nullptr;
    if (const int code = avformat_open_input(&raw, url.c_str(), nullptr, nullptr); code < 0) {
        if (code == AVERROR(ENOENT)) {
            error = failure(ErrorKind::FileNotFound, "file not found");
        } else if (code == AVERROR(EACCES)) {
            error = failure(ErrorKind::Unreadable, "permission denied");
        } else if (code == AVERROR_INVALIDDATA) {
            error = failure(ErrorKind::WrongKind, "not a media file / unsupported format");
        } else {
            error = failure(ErrorKind::Unreadable, withDetail("cannot open: " + ffmpeg::errorText(code), log));
        }
        return nullptr;
    }
    return ffmpeg::FormatContextPtr(raw);
}

}  // namespace

std::int64_t MediaStream::startTimestamp() const {
    const std::int64_t start = stream()->start_time;
    return start == AV_NOPTS_VALUE ? 0 : start;
}

Micros MediaStream::toMicros(std::int64_t timestamp) const {
    return av_rescale_q(timestamp - startTimestamp(), stream()->time_base, kMicrosTimeBase);
}

std::int64_t MediaStream::fromMicros(Micros time) const {
    return av_rescale_q(time, kMicrosTimeBase, stream()->time_base) + startTimestamp();
}

void MediaStream::feedOnePacket(AVPacket* packet, bool& demuxEnded,
                                const std::function<void(const std::string&)>& problem,
                                const std::function<void(const AVPacket&)>& beforeSend) {
    // A cut-short file is often only logged ("partial file") while the read ends as if at
    // the end: the log is the reason, so it goes into the problem, not onto stderr.
    FfmpegLogCapture log;
    const int read = av_read_frame(format.get(), packet);
    if (read < 0) {
        if (read != AVERROR_EOF) problem(withDetail("reading failed: " + ffmpeg::errorText(read), log));
        demuxEnded = true;
        avcodec_send_packet(codec.get(), nullptr);
    } else {
        if (packet->stream_index == streamIndex) {
            if (beforeSend) beforeSend(*packet);
            const int sent = avcodec_send_packet(codec.get(), packet);
            // A damaged packet is skipped: a click or a glitch is better than nothing after it.
            if (sent < 0 && sent != AVERROR(EAGAIN)) problem(withDetail("damaged data: " + ffmpeg::errorText(sent), log));
        }
        av_packet_unref(packet);
    }
    if (log.hasErrors()) problem("damaged or cut short: " + log.firstError());
}

MediaStream openMediaStream(const fs::path& path, AVMediaType type, int threadCount) {
    if (auto problem = fileProblem(path)) return std::move(*problem);
    FfmpegLogCapture log;
    MediaStream result;
    result.format = openContainer(path, result, log);
    if (!result.format) return result;
    // Without stream info some containers (raw AAC, MPEG-TS) leave the codec parameters blank.
    if (const int code = avformat_find_stream_info(result.format.get(), nullptr); code < 0) {
        return failure(ErrorKind::Corrupt, withDetail("cannot read stream information", log));
    }
    const char* kindName = type == AVMEDIA_TYPE_AUDIO ? "audio" : "video";
    const AVCodec* codec = nullptr;
    const int index = av_find_best_stream(result.format.get(), type, -1, -1, &codec, 0);
    if (index < 0 || codec == nullptr) {
        return failure(ErrorKind::WrongKind,
                       index == AVERROR_DECODER_NOT_FOUND ? std::string("no decoder for its ") + kindName + " stream"
                                                          : std::string("not ") + kindName + ": the file has no " +
                                                                kindName + " stream");
    }
    // An attached cover picture in an MP3 is a "video" stream of one frame: not a video.
    if (type == AVMEDIA_TYPE_VIDEO && (result.format->streams[index]->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
        return failure(ErrorKind::WrongKind, "not video: the file's only picture is cover art");
    }
    result.streamIndex = index;
    result.codec.reset(avcodec_alloc_context3(codec));
    if (!result.codec) return failure(ErrorKind::OutOfMemory, "out of memory for a decoder");
    if (avcodec_parameters_to_context(result.codec.get(), result.format->streams[index]->codecpar) < 0) {
        return failure(ErrorKind::Corrupt, "unusable codec parameters");
    }
    result.codec->thread_count = threadCount;
    result.codec->pkt_timebase = result.format->streams[index]->time_base;
    if (avcodec_open2(result.codec.get(), codec, nullptr) < 0) {
        return failure(ErrorKind::Corrupt, withDetail("cannot open decoder " + std::string(codec->name), log));
    }
    // Only the one stream is read: the demuxer may drop the others' packets early.
    for (unsigned i = 0; i < result.format->nb_streams; ++i) {
        if (static_cast<int>(i) != index) result.format->streams[i]->discard = AVDISCARD_ALL;
    }
    return result;
}

std::optional<Micros> probeMediaDuration(const fs::path& path) {
    if (fileProblem(path)) return std::nullopt;
    FfmpegLogCapture log;
    MediaStream unused;
    ffmpeg::FormatContextPtr format = openContainer(path, unused, log);
    if (!format) return std::nullopt;
    if (format->duration == AV_NOPTS_VALUE && avformat_find_stream_info(format.get(), nullptr) < 0) return std::nullopt;
    if (format->duration == AV_NOPTS_VALUE || format->duration < 0) return std::nullopt;
    return av_rescale_q(format->duration, AV_TIME_BASE_Q, kMicrosTimeBase);
}

}  // namespace vitrine
