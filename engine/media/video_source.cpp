#include "media/video_source.h"

#include <algorithm>

#include "media/background_thread.h"

namespace vitrine {
namespace {

// A mediaTime this far beyond the newest decoded frame is a jump: seeking is quicker than
// decoding the whole way there.
constexpr Micros kForwardJump = seconds(1);

}  // namespace

Result<std::unique_ptr<VideoSource>> VideoSource::open(const std::filesystem::path& path, VideoSourceOptions options) {
    auto opened = VideoDecoder::open(path, options.codecThreads);
    if (!opened) return opened.error();
    return std::unique_ptr<VideoSource>(new VideoSource(std::move(*opened), options));
}

std::unique_ptr<VideoSource> VideoSource::openAhead(const std::filesystem::path& path, VideoSourceOptions options) {
    options.offline = false;  // an offline source is read on the caller's thread, which waits anyway
    return std::unique_ptr<VideoSource>(new VideoSource(path, options));
}

VideoSource::VideoSource(std::unique_ptr<VideoDecoder> decoder, VideoSourceOptions options)
    : options_(options), decoder_(std::move(decoder)), width_(decoder_->width()), height_(decoder_->height()), open_(true) {
    seekTarget_ = options_.clipIn;
    if (!options_.offline) thread_ = std::thread([this] {
        run();
        closeOnThisThread();
    });
}

VideoSource::VideoSource(std::filesystem::path path, VideoSourceOptions options)
    : options_(options), path_(std::move(path)) {
    seekTarget_ = options_.clipIn;
    thread_ = std::thread([this] {
        // Decoding ahead runs beside the frame loop: at normal priority this thread and
        // FFmpeg's frame threads took a core from the render thread (and the software
        // renderer's), and frames drawn while a clip played went from 3.5 ms to 4.5-5.1 ms on
        // two cores. Below the frames but not idle: a clip must keep playing on a busy machine.
        // Lowered before the file is opened, so the codec's threads, which the open starts,
        // inherit it.
        lowerThisThreadPriority(BackgroundPriority::BelowFrames);
        if (openOnThisThread()) run();
        closeOnThisThread();
    });
}

void VideoSource::closeOnThisThread() {
    // Closing frees the codec and the pooled frames: work for this thread, not the caller's.
    std::unique_ptr<VideoDecoder> closing;
    {
        std::lock_guard lock(mutex_);
        closing = std::move(decoder_);
    }
    closing.reset();
    std::lock_guard lock(mutex_);
    threadDone_ = true;
}

bool VideoSource::openOnThisThread() {
    // Opening reads the header and probes the stream (FFmpeg decodes a few pictures to do
    // it): the stall a clip's first frame had when the render thread opened it.
    auto opened = VideoDecoder::open(path_, options_.codecThreads);
    std::lock_guard lock(mutex_);
    if (!opened) {
        openError_ = opened.error();
        if (openError_->message.empty()) openError_->message = "cannot be opened";
        decoderEnded_ = true;  // waitForQueued() returns: nothing will come
        changed_.notify_all();
        return false;
    }
    decoder_ = std::move(*opened);
    width_ = decoder_->width();
    height_ = decoder_->height();
    open_ = true;
    return true;
}

VideoSource::~VideoSource() {
    requestStop();
    if (thread_.joinable()) thread_.join();
}

void VideoSource::requestStop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
}

bool VideoSource::finished() const {
    std::lock_guard lock(mutex_);
    return !thread_.joinable() || threadDone_;
}

void VideoSource::requestSeek(Micros target) {
    seekRequested_ = true;
    seekTarget_ = target;
    ++generation_;
    queue_.clear();
    queuedSinceSeek_ = 0;
    decoderEnded_ = false;
    shownLap_ = 0;
    shownStale_ = true;
    ++stats_.seeks;
    changed_.notify_all();
}

void VideoSource::run() {
    std::unique_lock lock(mutex_);
    const std::size_t capacity = std::max<std::size_t>(options_.queueFrames, 2);
    int lap = 0;
    while (!stopping_) {
        if (seekRequested_) {
            seekRequested_ = false;
            const Micros target = seekTarget_;
            const std::uint64_t generation = generation_;
            lock.unlock();
            decoder_->seek(target);
            lock.lock();
            if (generation == generation_) lap = 0;
            continue;
        }
        if (decoderEnded_ || queue_.size() >= capacity) {
            changed_.wait(lock, [&] { return stopping_ || seekRequested_ || (!decoderEnded_ && queue_.size() < capacity); });
            continue;
        }
        const std::uint64_t generation = generation_;
        lock.unlock();
        std::shared_ptr<const VideoFrame> frame = decoder_->next();
        const bool pastOut = frame && options_.clipOut &&
                             (looping() ? frame->pts >= *options_.clipOut : frame->pts > *options_.clipOut);
        bool wrapped = false;
        if ((!frame || pastOut) && looping()) {
            decoder_->seek(options_.clipIn);
            wrapped = true;
        }
        const VideoDecodeStats decoderStats = decoder_->stats();
        std::string problem = problem_.empty() ? decoder_->problem() : std::string();
        lock.lock();
        stats_.decoder = decoderStats;
        if (problem_.empty()) problem_ = std::move(problem);
        if (generation != generation_) continue;  // a seek came in while decoding
        if (wrapped) {
            // A file with no frame in [in, out) would wrap for ever: stop instead.
            if (!frame && queuedSinceSeek_ == 0) decoderEnded_ = true;
            ++lap;
            continue;
        }
        if (!frame || pastOut) {
            decoderEnded_ = true;
            changed_.notify_all();
            continue;
        }
        queue_.push_back(Queued{std::move(frame), lap});
        ++queuedSinceSeek_;
        changed_.notify_all();
    }
}

void VideoSource::waitForQueued(std::size_t frames) {
    std::unique_lock lock(mutex_);
    const std::size_t capacity = std::max<std::size_t>(options_.queueFrames, 2);
    changed_.wait(lock, [&] {
        return stopping_ || (!seekRequested_ && (queuedSinceSeek_ >= frames || decoderEnded_ || queue_.size() >= capacity));
    });
}

bool VideoSource::catchingUp() const {
    if (options_.offline) return false;
    std::lock_guard lock(mutex_);
    return seekRequested_ || (queuedSinceSeek_ == 0 && !decoderEnded_);
}

std::shared_ptr<const VideoFrame> VideoSource::frameAt(Micros mediaTime) {
    std::lock_guard lock(mutex_);
    if (options_.offline) {
        std::shared_ptr<const VideoFrame> frame = decoder_->frameAt(mediaTime);
        if (frame != shown_) ++stats_.shown;
        shown_ = frame;
        stats_.decoder = decoder_->stats();
        if (problem_.empty()) problem_ = decoder_->problem();
        return frame;
    }

    // While a seek is under way the decoder is heading for seekTarget_: only a time outside
    // what it will deliver soon is a new jump. The frame shown meanwhile is the old one.
    const bool seeking = seekRequested_ || (queuedSinceSeek_ == 0 && !decoderEnded_);
    if (seeking) {
        if (mediaTime < seekTarget_ || mediaTime > seekTarget_ + kForwardJump) requestSeek(mediaTime);
        return shown_;
    }
    // Backwards: either the loop wrapped (frames of the next lap are queued) or a jump.
    if (shown_ && !shownStale_ && mediaTime < shown_->pts) {
        const bool nextLapQueued =
            std::any_of(queue_.begin(), queue_.end(), [&](const Queued& q) { return q.lap > shownLap_; });
        if (!looping() || !nextLapQueued) {
            requestSeek(mediaTime);
            return shown_;
        }
        while (!queue_.empty() && queue_.front().lap == shownLap_) {
            queue_.pop_front();
            ++stats_.drops;
        }
        ++shownLap_;
    }
    // Forwards, far beyond what is decoded: a jump (seeking beats decoding the whole way).
    const Micros newest = !queue_.empty() ? queue_.back().frame->pts : shown_ ? shown_->pts : seekTarget_;
    if (mediaTime > newest + kForwardJump) {
        requestSeek(mediaTime);
        return shown_;
    }

    // Take the newest queued frame of this lap whose time has come; frames before it are dropped.
    std::shared_ptr<const VideoFrame> taken;
    while (!queue_.empty() && queue_.front().lap == shownLap_ && queue_.front().frame->pts <= mediaTime) {
        if (taken) ++stats_.drops;
        taken = std::move(queue_.front().frame);
        queue_.pop_front();
    }
    if (!taken && (!shown_ || shownStale_) && !queue_.empty()) {
        // Nothing due yet at a new place (a clip starting between frames): show the first.
        taken = std::move(queue_.front().frame);
        queue_.pop_front();
    }
    if (taken) {
        shown_ = std::move(taken);
        shownStale_ = false;
        ++stats_.shown;
        changed_.notify_all();  // room in the queue
    } else if (shown_ && mediaTime >= shown_->pts + shown_->duration && !decoderEnded_) {
        ++stats_.repeats;  // the next frame is due but not decoded yet
    }
    return shown_;
}

int VideoSource::width() const {
    std::lock_guard lock(mutex_);
    return width_;
}

int VideoSource::height() const {
    std::lock_guard lock(mutex_);
    return height_;
}

bool VideoSource::isOpen() const {
    std::lock_guard lock(mutex_);
    return open_;
}

std::optional<Error> VideoSource::openError() const {
    std::lock_guard lock(mutex_);
    return openError_;
}

std::size_t VideoSource::bytesHeld() const {
    std::lock_guard lock(mutex_);
    const std::size_t frames = options_.offline ? 1 : std::max<std::size_t>(options_.queueFrames, 2) + 2;
    return frames * static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4;
}

VideoSourceStats VideoSource::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

std::string VideoSource::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

}  // namespace vitrine
