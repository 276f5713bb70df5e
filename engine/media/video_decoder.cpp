#include "media/video_decoder.h"

#include <atomic>
#include <chrono>
#include <limits>

#include "media/media_file.h"
#include "media/video_frame_pool.h"

extern "C" {
#include <libavutil/imgutils.h>
}

namespace vitrine {
namespace {

// frameAt() decodes forward rather than seeking when no keyframe lies between the decoder and
// the target (a seek would decode from the same keyframe or one before it). A file without a
// keyframe index decodes forward when the target is at most this far ahead: with keyframes
// every few seconds a seek would decode much of that distance anyway.
constexpr Micros kForwardDecodeLimit = seconds(2);

// Released frames kept for reuse: enough for a player's queue of frames in flight.
constexpr std::size_t kPooledFrames = 8;

// Frame duration when the file gives no rate at all.
constexpr Micros kFallbackFrameDuration = millis(40);

using Clock = std::chrono::steady_clock;

Micros elapsedSince(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

// The JPEG-range ("J") formats are deprecated in swscale: use the plain one and say the
// range is full instead.
AVPixelFormat withoutDeprecatedRange(AVPixelFormat format, bool& fullRange) {
    switch (format) {
        case AV_PIX_FMT_YUVJ420P: fullRange = true; return AV_PIX_FMT_YUV420P;
        case AV_PIX_FMT_YUVJ422P: fullRange = true; return AV_PIX_FMT_YUV422P;
        case AV_PIX_FMT_YUVJ444P: fullRange = true; return AV_PIX_FMT_YUV444P;
        case AV_PIX_FMT_YUVJ440P: fullRange = true; return AV_PIX_FMT_YUV440P;
        default: return format;
    }
}

// A decoded picture not yet converted, with its media time.
struct RawFrame {
    ffmpeg::FramePtr frame;
    Micros pts = 0;
};

}  // namespace

struct VideoDecoder::State {
    MediaStream media;
    ffmpeg::PacketPtr packet{av_packet_alloc()};
    ffmpeg::ScalerPtr scaler;
    VideoFramePool framePool{kPooledFrames};
    std::deque<RawFrame> ready;  // decoded, in presentation order, not yet returned
    std::shared_ptr<const VideoFrame> last;  // the frame next() returned last
    bool demuxEnded = false;
    bool ended = false;
    Micros lastPts = -1;  // of the newest decoded frame, to keep times increasing
    VideoDecodeStats stats;
    std::string problem;
    // On the way to a target (a seek, a forward skip) most pictures are decoded only to be
    // passed. One that no other picture refers to need not be decoded at all, and dropping it
    // cannot change another's pixels: such packets go to the codec with AVDISCARD_NONREF. A
    // packet qualifies only when an earlier packet (the reference a B-frame waits for) has a
    // later pts still at or before the target, so it is certainly not the frame shown at t.
    std::optional<Micros> passTarget;
    Micros passWitness = std::numeric_limits<Micros>::min();  // latest packet pts ≤ passTarget read so far
    // The rule reads packet pts; a file whose frame times are not its packets' pts (the codec
    // guessed from dts, or times went backwards) decodes every picture.
    bool discardTrusted = true;
    std::optional<std::int64_t> lastSentDts;  // of the newest packet sent to the codec

    Micros nominalFrameDuration() const {
        const AVRational rate = media.stream()->avg_frame_rate.num > 0 ? media.stream()->avg_frame_rate
                                                                        : media.stream()->r_frame_rate;
        if (rate.num <= 0 || rate.den <= 0) return kFallbackFrameDuration;
        return av_rescale(kMicrosPerSecond, rate.den, rate.num);
    }

    void noteProblem(const std::string& text) {
        if (problem.empty()) problem = text;
    }

    // Decodes one more picture into `ready`; false at the end of the stream.
    bool decodeOne() {
        const auto start = Clock::now();
        AVCodecContext* codec = media.codec.get();
        ffmpeg::FramePtr frame(av_frame_alloc());
        while (!ended) {
            const int received = avcodec_receive_frame(codec, frame.get());
            if (received == 0) {
                const std::int64_t timestamp = frame->best_effort_timestamp;
                Micros pts = timestamp == AV_NOPTS_VALUE ? lastPts + nominalFrameDuration() : media.toMicros(timestamp);
                if (timestamp != frame->pts || pts <= lastPts) discardTrusted = false;
                if (pts <= lastPts) pts = lastPts + 1;  // broken timestamps must still move forward
                lastPts = pts;
                ready.push_back(RawFrame{std::move(frame), pts});
                ++stats.decoded;
                stats.decodeTime += elapsedSince(start);
                return true;
            }
            if (received == AVERROR_EOF || (received == AVERROR(EAGAIN) && demuxEnded)) {
                ended = true;
                break;
            }
            if (received != AVERROR(EAGAIN)) {
                noteProblem("decoding failed: " + ffmpeg::errorText(received));
                ended = true;
                break;
            }
            media.feedOnePacket(
                packet.get(), demuxEnded, [this](const std::string& text) { noteProblem(text); },
                [this](const AVPacket& sent) { beforeSend(sent); });
        }
        stats.decodeTime += elapsedSince(start);
        return false;
    }

    // Notes where the decoder is and sets the codec's skip_frame for the packet about to be
    // sent (see passTarget); the codec reads it when the packet is submitted, frame threads
    // included.
    void beforeSend(const AVPacket& sent) {
        if (sent.dts != AV_NOPTS_VALUE) lastSentDts = sent.dts;
        AVDiscard discard = AVDISCARD_DEFAULT;
        if (passTarget && discardTrusted && sent.pts != AV_NOPTS_VALUE) {
            const Micros pts = media.toMicros(sent.pts);
            if (pts <= *passTarget && pts < passWitness) {
                discard = AVDISCARD_NONREF;
                ++stats.discarded;
            } else if (pts <= *passTarget) {
                passWitness = pts;
            }
        }
        media.codec->skip_frame = discard;
    }

    // Drops, unconverted, every decoded frame whose successor still starts at or before t,
    // so that ready.front() is the frame shown at t.
    void passTo(Micros t) {
        passTarget = t;
        passWitness = std::numeric_limits<Micros>::min();
        fillReady(2);
        while (ready.size() > 1 && ready[1].pts <= t) {
            ready.pop_front();
            fillReady(2);
        }
        passTarget.reset();
    }

    // True when decoding on from where the decoder is reaches `t` with no more work than
    // seeking: the keyframe a seek would land on has been read already. `ahead` is how far t
    // lies beyond the frame shown last, for files without a keyframe index.
    bool decodeOnReaches(Micros t, Micros ahead) {
        AVStream* stream = media.stream();
        if (!lastSentDts || avformat_index_get_entries_count(stream) == 0) return ahead <= kForwardDecodeLimit;
        const int index = av_index_search_timestamp(stream, media.fromMicros(t), AVSEEK_FLAG_BACKWARD);
        if (index < 0) return ahead <= kForwardDecodeLimit;
        // Index times are decode times, as are the packets' dts.
        return avformat_index_get_entry(stream, index)->timestamp <= *lastSentDts;
    }

    // Makes sure `ready` holds `count` frames, or all that remain.
    void fillReady(std::size_t count) {
        while (ready.size() < count && decodeOne()) {
        }
    }

    std::shared_ptr<const VideoFrame> convert(const RawFrame& raw, Micros duration) {
        const auto start = Clock::now();
        const AVFrame& frame = *raw.frame;
        bool fullRange = frame.color_range == AVCOL_RANGE_JPEG;
        const AVPixelFormat source = withoutDeprecatedRange(static_cast<AVPixelFormat>(frame.format), fullRange);
        // Bilinear: at 1:1 only chroma is interpolated, and this runs for every frame.
        scaler.reset(sws_getCachedContext(scaler.release(), frame.width, frame.height, source, frame.width,
                                          frame.height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!scaler) {
            noteProblem("unsupported pixel format");
            return nullptr;
        }
        const int matrix = frame.colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : frame.colorspace;
        constexpr int kFullRangeOut = 1, kBrightness = 0, kContrast = 1 << 16, kSaturation = 1 << 16;
        sws_setColorspaceDetails(scaler.get(), sws_getCoefficients(matrix), fullRange ? 1 : 0,
                                 sws_getCoefficients(SWS_CS_DEFAULT), kFullRangeOut, kBrightness, kContrast,
                                 kSaturation);
        auto result = framePool.acquire(frame.width, frame.height);
        result->pts = raw.pts;
        result->duration = duration;
        std::uint8_t* destination[4] = {result->image.pixels.data(), nullptr, nullptr, nullptr};
        const int stride[4] = {frame.width * RgbaImage::kChannels, 0, 0, 0};
        sws_scale(scaler.get(), frame.data, frame.linesize, 0, frame.height, destination, stride);
        ++stats.converted;
        stats.convertTime += elapsedSince(start);
        return result;
    }

    std::shared_ptr<const VideoFrame> next() {
        fillReady(2);  // the one after tells this one's duration
        if (ready.empty()) return nullptr;
        const Micros duration = ready.size() > 1 ? ready[1].pts - ready[0].pts : nominalFrameDuration();
        last = convert(ready.front(), duration);
        ready.pop_front();
        return last;
    }

    bool seek(Micros t) {
        const std::int64_t timestamp = media.fromMicros(std::max<Micros>(t, 0));
        // Land on the keyframe at or before t (max_ts = t), then decode forward.
        if (avformat_seek_file(media.format.get(), media.streamIndex, INT64_MIN, timestamp, timestamp, 0) < 0) {
            return false;
        }
        avcodec_flush_buffers(media.codec.get());
        ready.clear();
        last.reset();
        demuxEnded = false;
        ended = false;
        lastPts = -1;
        lastSentDts.reset();
        passTo(t);
        return true;
    }
};

namespace {
std::atomic<int> decodersOpen{0};
}  // namespace

VideoDecoder::VideoDecoder(std::unique_ptr<State> state) : state_(std::move(state)) { ++decodersOpen; }
VideoDecoder::~VideoDecoder() { --decodersOpen; }

int VideoDecoder::openCount() { return decodersOpen.load(); }

Result<std::unique_ptr<VideoDecoder>> VideoDecoder::open(const std::filesystem::path& path, int threadCount) {
    auto state = std::make_unique<State>();
    state->media = openMediaStream(path, AVMEDIA_TYPE_VIDEO, threadCount);
    if (!state->media.ok()) return *state->media.error;
    if (!state->packet) return Error{"out of memory for a packet", ErrorKind::OutOfMemory};
    return std::unique_ptr<VideoDecoder>(new VideoDecoder(std::move(state)));
}

std::shared_ptr<const VideoFrame> VideoDecoder::next() { return state_->next(); }
bool VideoDecoder::seek(Micros t) { return state_->seek(t); }

std::shared_ptr<const VideoFrame> VideoDecoder::frameAt(Micros t) {
    State& s = *state_;
    const auto& last = s.last;
    if (last && last->pts <= t) {
        s.fillReady(1);
        if (s.ready.empty() || t < s.ready.front().pts) return last;  // still showing
        if (s.decodeOnReaches(t, t - last->pts)) {
            s.passTo(t);
            return s.next();
        }
    }
    if (!s.seek(t)) return last;
    if (auto frame = s.next()) return frame;
    // Past the end: the seek found nothing to decode after the last keyframe; show the last frame.
    if (s.seek(std::max<Micros>(t - kForwardDecodeLimit, 0))) {
        std::shared_ptr<const VideoFrame> frame;
        while (auto more = s.next()) frame = more;
        return frame;
    }
    return nullptr;
}

int VideoDecoder::width() const { return state_->media.codec->width; }
int VideoDecoder::height() const { return state_->media.codec->height; }

double VideoDecoder::frameRate() const {
    const AVRational rate = state_->media.stream()->avg_frame_rate;
    return rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
}

std::optional<Micros> VideoDecoder::duration() const {
    const AVFormatContext* format = state_->media.format.get();
    if (format->duration == AV_NOPTS_VALUE || format->duration < 0) return std::nullopt;
    return av_rescale_q(format->duration, AV_TIME_BASE_Q, AVRational{1, static_cast<int>(kMicrosPerSecond)});
}

const VideoDecodeStats& VideoDecoder::stats() const { return state_->stats; }
const std::string& VideoDecoder::problem() const { return state_->problem; }

}  // namespace vitrine
