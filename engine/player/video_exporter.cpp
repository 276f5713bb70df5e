#include "player/video_exporter.h"

#include <algorithm>
#include <system_error>

#include "audio/mixer.h"
#include "media/audio_decoder.h"
#include "player/described_audio.h"
#include "media/ffmpeg_log_capture.h"
#include "output/mp4_writer.h"
#include "output/offscreen.h"
#include "output/subtitle_cues.h"
#include "player/live_show.h"
#include "timeline/evaluate.h"

namespace vitrine {

using output::Mp4Settings;
using output::Mp4Writer;
using output::OffscreenRenderer;
using output::CaptionLayer;
using output::SubtitleCue;
using output::captionLanguage;
using output::subtitleCuesFor;

namespace {

namespace fs = std::filesystem;

constexpr int kMaxFps = 240;
// Audio is mixed in periods this long so a sound starting between two video frames starts
// on time (the mixer applies cues at the start of each period).
constexpr std::int64_t kAudioPeriodFrames = kMixSampleRate / 100;

// The file being written beside its destination, removed unless it was moved into place.
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path destination)
        : destination_(std::move(destination)),
          path_(destination_.parent_path() / ("." + destination_.filename().string() + ".partial")) {}
    ~TemporaryFile() {
        if (committed_) return;
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const fs::path& path() const { return path_; }
    /// Moves the finished file into place; the Error on failure.
    std::optional<Error> commit() {
        std::error_code ec;
        fs::rename(path_, destination_, ec);
        if (ec) return Error{"cannot replace " + destination_.string() + ": " + ec.message()};
        committed_ = true;
        return std::nullopt;
    }

private:
    fs::path destination_;
    fs::path path_;
    bool committed_ = false;
};

// Show time of video frame `index`: exact multiples of the frame period, no drift.
Micros frameTime(Micros from, std::int64_t index, int fps) { return from + index * kMicrosPerSecond / fps; }

// Audio frames from the start of the export to the end of video frame `index`, so each
// video frame carries exactly its share of samples and the two never drift apart.
std::int64_t audioFramesThrough(std::int64_t index, int fps) { return (index + 1) * kMixSampleRate / fps; }

// The cues of [from, to) of the show looping (an export may cross the loop): each pass's
// cues, placed where that pass falls in the export. Read through the caption cache the
// picture's captions are drawn from, so the subtitle track and the burned-in captions are
// one text (the studio's unsaved cue edits, when it gave them).
std::vector<SubtitleCue> loopingCues(const Show& show, Micros from, Micros to, Diagnostics& diagnostics,
                                     CaptionCache& files, CaptionLayer layer) {
    std::vector<SubtitleCue> all;
    if (show.duration <= 0) return all;
    for (Micros pass = from / show.duration * show.duration; pass < to; pass += show.duration) {
        auto cues = subtitleCuesFor(show, std::max(from, pass) - pass, std::min(to, pass + show.duration) - pass,
                                    diagnostics, files, layer);
        const Micros shift = std::max<Micros>(0, pass - from);
        for (SubtitleCue& cue : cues) {
            cue.start += shift;
            cue.end += shift;
            all.push_back(std::move(cue));
        }
    }
    return all;
}

}  // namespace

std::optional<Error> exportShow(const Show& show, render::RenderResources& resources, ExportOptions options,
                                const ExportProgressCallback& progress) {
    const Micros to = options.to.value_or(show.duration);
    if (options.size.x == 0 || options.size.y == 0)
        options.size = {static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height)};
    if (options.fps < 1 || options.fps > kMaxFps) return Error{"the frame rate must be from 1 to 240"};
    if (options.size.x % 2 != 0 || options.size.y % 2 != 0)
        return Error{"H.264 in yuv420p needs an even width and height, not " + std::to_string(options.size.x) + "x" +
                     std::to_string(options.size.y)};
    if (to <= options.from) return Error{"the export range is empty"};
    const std::int64_t frames = (to - options.from) * options.fps / kMicrosPerSecond;
    if (frames < 1) return Error{"the export range is shorter than one frame"};

    ExportProgress report;
    report.frames = frames;
    // A caption file that cannot be read is reported by the renderer, which burns the
    // captions into the picture; here it only means no subtitle samples.
    Diagnostics reportedByRenderer;
    // One subtitle track per caption language that has cues in the range.
    struct SubtitleTrackCues {
        std::vector<SubtitleCue> cues;
        std::size_t next = 0;
    };
    std::vector<SubtitleTrackCues> subtitleTracks;
    std::vector<std::string> subtitleLanguages;
    for (CaptionLayer layer : {CaptionLayer::First, CaptionLayer::Second}) {
        auto cues = loopingCues(show, options.from, to, reportedByRenderer, resources.captionFiles(), layer);
        if (cues.empty()) continue;
        subtitleTracks.push_back({std::move(cues)});
        subtitleLanguages.push_back(captionLanguage(show, layer));
    }

    // The show being played, with no clock running: each frame steps it to its own time.
    // The show is the caller's for the whole export.
    LiveShow::Options offline;
    offline.audio = AudioDevice::Offline;
    LiveShow live(borrowedShow(show), resources, offline);
    OffscreenRenderer renderer(live.renderer(), live.show(), options.size);
    if (!renderer.ok())
        return Error{"cannot create an off-screen surface of " + std::to_string(options.size.x) + "x" +
                     std::to_string(options.size.y)};

    // The encoders' chatter stays off the terminal; their errors explain a failure.
    FfmpegLogCapture ffmpegLog;
    auto explained = [&](std::string reason) {
        return Error{ffmpegLog.hasErrors() ? reason + " (" + ffmpegLog.firstError() + ")" : reason};
    };
    TemporaryFile temporary(options.path);
    Mp4Settings settings;
    settings.file = temporary.path();
    settings.width = static_cast<int>(options.size.x);
    settings.height = static_cast<int>(options.size.y);
    settings.fps = options.fps;
    settings.crf = options.crf;
    settings.preset = options.preset;
    settings.subtitleLanguages = subtitleLanguages;
    Result<std::unique_ptr<Mp4Writer>> opened = Mp4Writer::open(settings);
    if (!opened) return explained("cannot write " + options.path.string() + ": " + opened.error().message);
    std::unique_ptr<Mp4Writer> writer = std::move(*opened);

    std::vector<std::int16_t> samples(static_cast<std::size_t>(kAudioPeriodFrames) * kMixChannels);
    std::int64_t audioDone = 0;
    for (std::int64_t index = 0; index < frames; ++index) {
        live.jump(frameTime(options.from, index, options.fps));
        const Micros t = live.clock().position();
        // Subtitles go in as their start comes up, keeping the streams' packets in time order.
        const Micros frameEnd = frameTime(0, index + 1, options.fps);
        for (std::size_t track = 0; track < subtitleTracks.size(); ++track) {
            SubtitleTrackCues& t = subtitleTracks[track];
            for (; t.next < t.cues.size() && t.cues[t.next].start < frameEnd; ++t.next) {
                const SubtitleCue& cue = t.cues[t.next];
                if (auto e = writer->addSubtitle(track, cue.start, cue.end, cue.text)) return explained(e->message);
            }
        }

        if (auto e = writer->addVideoFrame(renderer.renderPixelsAt(t).data())) return explained(e->message);

        for (const std::int64_t audioEnd = audioFramesThrough(index, options.fps); audioDone < audioEnd;) {
            const std::int64_t count = std::min(kAudioPeriodFrames, audioEnd - audioDone);
            const Micros at = options.from + audioFramesDuration(audioDone);
            // The export is the show as a sighted visitor hears it: no audio description.
            live.audio().update(heardCues(show, evaluateLooping(show, at).audio, false), at, false);
            live.audio().mix(samples.data(), static_cast<std::size_t>(count));
            if (auto e = writer->addAudio(samples.data(), static_cast<std::size_t>(count))) return explained(e->message);
            audioDone += count;
        }

        for (std::string& p : renderer.takeProblems()) report.problems.push_back(std::move(p));
        for (const MixerProblem& p : live.audio().takeProblems()) report.problems.push_back(p.message);
        report.frame = index + 1;
        if (progress && !progress(report)) return Error{"export cancelled"};
        report.problems.clear();
    }
    if (auto e = writer->finish()) return explained(e->message);
    writer.reset();
    return temporary.commit();
}

}  // namespace vitrine
