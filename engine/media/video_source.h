#pragma once
// A video item's pictures for the render thread. Real-time mode: a decode thread per video
// fills a bounded queue of timed RGBA frames ahead of the clock; frameAt() never blocks and
// returns the frame whose pts ≤ mediaTime < next pts when it is decoded, else the last one
// shown (or nothing yet). It skips frames the clock has passed (drops), shows a frame longer
// when the next is late (repeats), seeks when mediaTime jumps, and pre-decodes across the
// loop point. Offline mode (stills, export): frameAt() decodes exactly that frame, waiting.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <thread>

#include "media/video_decoder.h"

namespace vitrine {

/// How a video is played.
struct VideoSourceOptions {
    Micros clipIn = 0;    // Item::clipIn
    std::optional<Micros> clipOut;  // Item::clipOut (none: the end of the file)
    bool loop = false;    // Item::loop: decode on from clipIn after clipOut
    /// Decoded frames held ahead of the clock (memory: frames × width × height × 4 bytes).
    std::size_t queueFrames = 8;
    /// Decode exactly the asked frame on the calling thread (stills, export).
    bool offline = false;
    /// Codec threads (0 = FFmpeg chooses).
    int codecThreads = 0;
};

/// What the source has done, for logs and tests.
struct VideoSourceStats {
    std::int64_t shown = 0;    // distinct frames handed to the renderer
    std::int64_t repeats = 0;  // calls that had to return a frame past its time (next not decoded)
    std::int64_t drops = 0;    // decoded frames the clock passed before they were shown
    std::int64_t seeks = 0;    // jumps that made the decoder seek
    VideoDecodeStats decoder;  // decode and RGBA-conversion cost
};

class VideoSource;

/// One video item's frames, decoded ahead of the render thread.
class VideoSource {
public:
    /// Opens `path` and (in real-time mode) starts decoding from `options.clipIn`.
    static Result<std::unique_ptr<VideoSource>> open(const std::filesystem::path& path,
                                                     VideoSourceOptions options = {});
    /// Returns at once a real-time source whose decode thread opens `path` and then decodes
    /// from `options.clipIn`: a video opened ahead of need, off the render thread. Until it
    /// is open, frameAt() returns nothing and catchingUp() is true; openError() says why it
    /// could not be.
    static std::unique_ptr<VideoSource> openAhead(const std::filesystem::path& path, VideoSourceOptions options = {});
    /// Stops and joins the decode thread.
    ~VideoSource();
    /// Asks the decode thread to stop and close the file, without waiting: destroying the
    /// source once finished() is true then costs the caller no wait for a picture being decoded.
    void requestStop();
    /// True when no thread works for this source any more (offline, or stopped and closed).
    bool finished() const;
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    /// The frame to draw at `mediaTime` (a DrawItem's mediaTime: in/out/loop applied).
    /// Real-time: never blocks; nullptr until the first frame is decoded. Offline: exact.
    std::shared_ptr<const VideoFrame> frameAt(Micros mediaTime);
    /// Blocks until the decode thread has queued at least `frames` frames since the last
    /// seek, or can queue no more (end, full queue). For tests and pre-roll; real-time only.
    void waitForQueued(std::size_t frames);
    /// True while a seek is under way: frameAt() hands back the old frame (or none) until
    /// the decoder reaches the new time. A paused preview draws again until this is false.
    bool catchingUp() const;

    /// Picture width in pixels (0 until open).
    int width() const;
    /// Picture height in pixels (0 until open).
    int height() const;
    /// True once the file is open (at once for open(); when its thread has opened it for openAhead()).
    bool isOpen() const;
    /// Why the file could not be opened (openAhead() only); nullopt while opening or once open.
    std::optional<Error> openError() const;
    /// The most bytes of decoded pictures this source holds: its queue, the frame shown and
    /// the one being decoded (0 until open).
    std::size_t bytesHeld() const;
    /// Counts so far.
    VideoSourceStats stats() const;
    /// The first damage met while decoding (damaged frames are skipped), or empty.
    std::string problem() const;

private:
    struct Queued {
        std::shared_ptr<const VideoFrame> frame;
        int lap = 0;  // how many times the decoder has wrapped from clipOut to clipIn
    };

    VideoSource(std::unique_ptr<VideoDecoder> decoder, VideoSourceOptions options);
    VideoSource(std::filesystem::path path, VideoSourceOptions options);  // openAhead()'s
    bool openOnThisThread();  // the decode thread's first step for openAhead(); false when it cannot
    void closeOnThisThread();  // the decode thread's last step
    void run();
    void requestSeek(Micros target);
    bool looping() const { return options_.loop && options_.clipOut && *options_.clipOut > options_.clipIn; }

    const VideoSourceOptions options_;
    const std::filesystem::path path_;       // set for openAhead(), whose thread opens it
    std::unique_ptr<VideoDecoder> decoder_;  // the decode thread's (or, offline, frameAt's)

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int width_ = 0;
    int height_ = 0;
    bool open_ = false;
    std::optional<Error> openError_;  // openAhead()'s thread could not open the file
    bool threadDone_ = false;  // the decode thread has closed the file and is returning
    std::deque<Queued> queue_;
    bool stopping_ = false;
    bool seekRequested_ = true;   // the thread starts by seeking to seekTarget_
    Micros seekTarget_ = 0;
    std::uint64_t generation_ = 0;  // bumped by every seek: frames of older generations are stale
    bool decoderEnded_ = false;
    std::size_t queuedSinceSeek_ = 0;
    std::shared_ptr<const VideoFrame> shown_;
    int shownLap_ = 0;
    bool shownStale_ = false;  // shown_ is from before the last seek
    VideoSourceStats stats_;
    std::string problem_;  // the decoder's first problem, copied where stats_ is
    std::thread thread_;
};

}  // namespace vitrine
