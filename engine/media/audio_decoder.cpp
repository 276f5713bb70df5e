#include "media/audio_decoder.h"

#include <algorithm>
#include <vector>

#include "media/media_file.h"

extern "C" {
#include <libavutil/opt.h>
}

namespace vitrine {
namespace {

// Lossy codecs (MP3, AAC, Vorbis, Opus) need a few packets of history before their output
// is right: an accurate seek starts this much earlier and drops the warm-up.
constexpr Micros kSeekPreroll = millis(200);

// A demuxer that lands after the target (a gap in the file) is padded with silence, but
// never more than this: a broken timestamp must not turn into minutes of silence.
constexpr std::int64_t kMaxAlignmentPadFrames = kMixSampleRate;

constexpr AVRational kMixTimeBase{1, kMixSampleRate};

}  // namespace

std::int64_t audioFramesIn(Micros time) {
    return av_rescale_rnd(time, kMixSampleRate, kMicrosPerSecond, AV_ROUND_NEAR_INF);
}

Micros audioFramesDuration(std::int64_t frames) {
    return av_rescale_rnd(frames, kMicrosPerSecond, kMixSampleRate, AV_ROUND_NEAR_INF);
}

struct AudioDecoder::State {
    MediaStream media;
    ffmpeg::ResamplerPtr resampler;
    ffmpeg::PacketPtr packet{av_packet_alloc()};
    ffmpeg::FramePtr frame{av_frame_alloc()};

    std::vector<float> pending;   // converted frames not yet read, interleaved
    std::size_t pendingOffset = 0;  // frames of `pending` already read
    std::int64_t nextFrame = 0;   // index of the next frame read
    bool aligning = true;         // the next decoded frame fixes the position (after open or seek)
    std::int64_t alignTarget = 0;
    std::int64_t framesToDrop = 0;
    bool demuxEnded = false;
    bool resamplerFlushed = false;
    bool ended = false;
    std::string problem;

    std::size_t pendingFrames() const { return pending.size() / kMixChannels - pendingOffset; }

    void noteProblem(const std::string& text) {
        if (problem.empty()) problem = text;
    }

    // Appends resampler output for `input` (null flushes); drops what precedes the target.
    void convert(const AVFrame* input) {
        const int inSamples = input ? input->nb_samples : 0;
        const int capacity = swr_get_out_samples(resampler.get(), inSamples);
        if (capacity <= 0) return;
        compact();
        const std::size_t before = pending.size();
        pending.resize(before + static_cast<std::size_t>(capacity) * kMixChannels);
        auto* out = reinterpret_cast<std::uint8_t*>(pending.data() + before);
        const int made = swr_convert(resampler.get(), &out, capacity,
                                     input ? const_cast<const std::uint8_t**>(input->extended_data) : nullptr,
                                     inSamples);
        pending.resize(before + static_cast<std::size_t>(std::max(made, 0)) * kMixChannels);
        if (framesToDrop > 0) {
            const auto available = static_cast<std::int64_t>(pending.size() / kMixChannels) - static_cast<std::int64_t>(pendingOffset);
            const std::int64_t dropped = std::min(framesToDrop, available);
            pendingOffset += static_cast<std::size_t>(dropped);
            framesToDrop -= dropped;
        }
    }

    // Reads the frame's timestamp to put the stream where the last seek asked.
    void align(const AVFrame& decoded) {
        aligning = false;
        const std::int64_t pts = decoded.best_effort_timestamp;
        if (pts == AV_NOPTS_VALUE) return;
        const std::int64_t start = av_rescale_q(pts - media.startTimestamp(), media.stream()->time_base, kMixTimeBase);
        if (start < alignTarget) {
            framesToDrop = alignTarget - start;
        } else if (start > alignTarget) {
            const std::int64_t pad = std::min(start - alignTarget, kMaxAlignmentPadFrames);
            compact();
            pending.insert(pending.end(), static_cast<std::size_t>(pad) * kMixChannels, 0.0f);
        }
    }

    void compact() {
        if (pendingOffset == 0) return;
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(pendingOffset) * kMixChannels);
        pendingOffset = 0;
    }

    // Decodes until more converted frames are pending; false at the end of the stream.
    bool decodeMore() {
        AVCodecContext* codec = media.codec.get();
        while (!ended) {
            const int received = avcodec_receive_frame(codec, frame.get());
            if (received == 0) {
                if (aligning) align(*frame);
                convert(frame.get());
                av_frame_unref(frame.get());
                if (pendingFrames() > 0) return true;
                continue;
            }
            if (received == AVERROR_EOF) {
                if (!resamplerFlushed) {
                    resamplerFlushed = true;
                    convert(nullptr);
                    if (pendingFrames() > 0) return true;
                }
                ended = true;
                return false;
            }
            if (received != AVERROR(EAGAIN)) {
                noteProblem("decoding failed: " + ffmpeg::errorText(received));
                ended = true;
                return false;
            }
            if (demuxEnded) {  // the decoder wants input we do not have: treat as the end
                ended = true;
                return false;
            }
            media.feedOnePacket(packet.get(), demuxEnded, [this](const std::string& text) { noteProblem(text); });
        }
        return false;
    }
};

AudioDecoder::AudioDecoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
AudioDecoder::~AudioDecoder() = default;

Result<std::unique_ptr<AudioDecoder>> AudioDecoder::open(const std::filesystem::path& path) {
    auto state = std::make_unique<State>();
    // One codec thread: audio decodes far faster than real time, and a playback's decoder
    // should not compete with the video decoders for cores.
    state->media = openMediaStream(path, AVMEDIA_TYPE_AUDIO, 1);
    if (!state->media.ok()) return *state->media.error;
    if (!state->packet || !state->frame) return Error{"out of memory for a frame", ErrorKind::OutOfMemory};
    AVCodecContext* codec = state->media.codec.get();
    AVChannelLayout inLayout;
    if (codec->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
        av_channel_layout_default(&inLayout, codec->ch_layout.nb_channels);
    } else {
        av_channel_layout_copy(&inLayout, &codec->ch_layout);
    }
    AVChannelLayout outLayout = AV_CHANNEL_LAYOUT_STEREO;  // FFmpeg 5.1 takes it non-const
    SwrContext* raw = nullptr;
    const int made = swr_alloc_set_opts2(&raw, &outLayout, AV_SAMPLE_FMT_FLT, kMixSampleRate, &inLayout,
                                         codec->sample_fmt, codec->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    state->resampler.reset(raw);
    if (made < 0 || swr_init(state->resampler.get()) < 0) {
        return Error{"cannot convert its audio (" + std::to_string(codec->ch_layout.nb_channels) + " channels at " +
                         std::to_string(codec->sample_rate) + " Hz)",
                     ErrorKind::Corrupt};
    }
    return std::unique_ptr<AudioDecoder>(new AudioDecoder(std::move(state)));
}

std::size_t AudioDecoder::read(float* out, std::size_t frames) {
    State& s = *state_;
    std::size_t done = 0;
    while (done < frames) {
        if (s.pendingFrames() == 0) {
            s.pending.clear();
            s.pendingOffset = 0;
            if (!s.decodeMore()) break;
        }
        const std::size_t take = std::min(frames - done, s.pendingFrames());
        const float* from = s.pending.data() + s.pendingOffset * kMixChannels;
        std::copy(from, from + take * kMixChannels, out + done * kMixChannels);
        s.pendingOffset += take;
        done += take;
    }
    s.nextFrame += static_cast<std::int64_t>(done);
    return done;
}

bool AudioDecoder::seek(Micros target) {
    State& s = *state_;
    target = std::max<Micros>(target, 0);
    const Micros from = std::max<Micros>(target - kSeekPreroll, 0);
    const std::int64_t timestamp = s.media.fromMicros(from);
    // max_ts = the timestamp: land on or before it, never after (we only drop forward).
    if (avformat_seek_file(s.media.format.get(), s.media.streamIndex, INT64_MIN, timestamp, timestamp, 0) < 0 &&
        avformat_seek_file(s.media.format.get(), s.media.streamIndex, INT64_MIN, s.media.startTimestamp(),
                           s.media.startTimestamp(), 0) < 0) {
        return false;
    }
    avcodec_flush_buffers(s.media.codec.get());
    // Re-initialising forgets the resampler's history, so its output starts at the new frame.
    swr_close(s.resampler.get());
    swr_init(s.resampler.get());
    s.pending.clear();
    s.pendingOffset = 0;
    s.framesToDrop = 0;
    s.aligning = true;
    s.alignTarget = audioFramesIn(target);
    s.nextFrame = s.alignTarget;
    s.demuxEnded = false;
    s.resamplerFlushed = false;
    s.ended = false;
    return true;
}

Micros AudioDecoder::position() const { return audioFramesDuration(state_->nextFrame); }
std::int64_t AudioDecoder::positionFrames() const { return state_->nextFrame; }

std::optional<Micros> AudioDecoder::duration() const {
    const AVFormatContext* format = state_->media.format.get();
    if (format->duration == AV_NOPTS_VALUE || format->duration < 0) return std::nullopt;
    return av_rescale_q(format->duration, AV_TIME_BASE_Q, AVRational{1, static_cast<int>(kMicrosPerSecond)});
}

bool AudioDecoder::atEnd() const { return state_->ended && state_->pendingFrames() == 0; }
const std::string& AudioDecoder::problem() const { return state_->problem; }

std::optional<Micros> probeDuration(const std::filesystem::path& path) { return probeMediaDuration(path); }

}  // namespace vitrine
