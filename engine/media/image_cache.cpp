#include "media/image_cache.h"

#include <algorithm>
#include <utility>

#include "media/background_thread.h"

namespace vitrine {

ImageCache::ImageCache(ImageCacheOptions options) : options_(std::move(options)) {
    const int count = std::max(1, options_.workerCount);
    workers_.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) workers_.emplace_back([this] { workerLoop(); });
}

ImageCache::~ImageCache() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    workAvailable_.notify_all();
    decodeFinished_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

std::string ImageCache::keyOf(const std::filesystem::path& path) {
    // Lexical only: the frame loop must not touch the file system to build a key.
    return path.lexically_normal().generic_string();
}

std::string ImageCache::keyOf(const std::filesystem::path& path, ImageDrawSize drawSize) {
    std::string key = keyOf(path);
    if (!drawSize.known()) return key;
    // '\n' cannot end a path the show names, so sized keys never collide with a file's.
    key += '\n' + std::to_string(drawSize.width) + 'x' + std::to_string(drawSize.height) + (drawSize.cover ? 'c' : 'f');
    return key;
}

void ImageCache::prefetch(const std::filesystem::path& path, ImageDrawSize drawSize) {
    std::lock_guard lock(mutex_);
    const std::string key = keyOf(path, drawSize);
    auto found = entries_.find(key);
    if (found == entries_.end()) {
        enqueueLocked(key, path, drawSize, false);
    } else if (found->second.state == EntryState::Ready) {
        // Wanted again soon: keep it away from eviction.
        touchLocked(found->second);
    }
}

ImageLookup ImageCache::lookup(const std::filesystem::path& path, ImageDrawSize drawSize) {
    std::lock_guard lock(mutex_);
    return lookupLocked(keyOf(path, drawSize), path, drawSize, true);
}

ImageLookup ImageCache::lookupLocked(const std::string& key, const std::filesystem::path& path, ImageDrawSize drawSize,
                                     bool urgent) {
    auto found = entries_.find(key);
    if (found == entries_.end()) {
        enqueueLocked(key, path, drawSize, urgent);
        return {};
    }
    Entry& entry = found->second;
    switch (entry.state) {
        case EntryState::Ready:
            touchLocked(entry);
            return {ImageState::Ready, entry.image, {}};
        case EntryState::Failed:
            return {ImageState::Failed, nullptr, entry.error};
        case EntryState::Queued:
            if (urgent) {
                // Needed on screen now: move ahead of mere prefetches.
                auto queued = std::find(queue_.begin(), queue_.end(), key);
                if (queued != queue_.end() && queued != queue_.begin()) {
                    queue_.erase(queued);
                    queue_.push_front(key);
                }
            }
            return {};
        case EntryState::Decoding:
            return {};
    }
    return {};
}

void ImageCache::holdNewDecodes() {
    std::lock_guard lock(mutex_);
    if (held_) return;
    held_ = true;
    // Decodes already let go may still start on the workers idle now: a frame loop running
    // late holds again microseconds after letting go, before those workers have woken to
    // take them. A worker busy now takes nothing new until the hold ends.
    holdBeganAtTicket_ = nextTicket_;
    const std::size_t idle = workers_.size() - decoding_;
    startableWhileHeld_ = std::min(queue_.size(), idle);
}

std::deque<std::string>::iterator ImageCache::nextToStartLocked() {
    if (!held_) return queue_.begin();
    if (startableWhileHeld_ == 0) return queue_.end();
    // Only one asked for before the hold began, though lookups during it go to the front.
    return std::find_if(queue_.begin(), queue_.end(),
                        [this](const std::string& key) { return entries_.at(key).ticket < holdBeganAtTicket_; });
}

void ImageCache::startHeldDecodes() {
    {
        std::lock_guard lock(mutex_);
        if (!held_) return;
        held_ = false;
        if (queue_.empty()) return;
    }
    workAvailable_.notify_all();
}

std::vector<ImageFailure> ImageCache::takeFailures() {
    std::lock_guard lock(mutex_);
    return std::exchange(failures_, {});
}

void ImageCache::invalidate(const std::filesystem::path& path) {
    std::lock_guard lock(mutex_);
    const std::string pathKey = keyOf(path);
    for (auto it = entries_.begin(); it != entries_.end();) {
        Entry& entry = it->second;
        if (entry.pathKey != pathKey) {
            ++it;
            continue;
        }
        if (entry.state == EntryState::Ready) {
            bytesHeld_ -= entry.image->bytes();
            --readyCount_;
            lru_.erase(entry.lru);
        } else if (entry.state == EntryState::Queued) {
            queue_.erase(std::remove(queue_.begin(), queue_.end(), it->first), queue_.end());
        }
        // A Decoding entry's worker finds no entry with its ticket and drops the result.
        it = entries_.erase(it);
    }
}

std::uint64_t ImageCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

std::size_t ImageCache::readyCount() const {
    std::lock_guard lock(mutex_);
    return readyCount_;
}

std::size_t ImageCache::bytesHeld() const {
    std::lock_guard lock(mutex_);
    return bytesHeld_;
}

std::size_t ImageCache::pendingCount() const {
    std::lock_guard lock(mutex_);
    return queue_.size() + decoding_;
}

ImageCacheStats ImageCache::stats() const {
    std::lock_guard lock(mutex_);
    return {generation_, readyCount_, queue_.size() + decoding_, bytesHeld_};
}

ImageLookup ImageCache::waitFor(const std::filesystem::path& path, std::chrono::milliseconds timeout,
                                ImageDrawSize drawSize) {
    std::unique_lock lock(mutex_);
    const std::string key = keyOf(path, drawSize);
    ImageLookup result = lookupLocked(key, path, drawSize, true);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (result.state == ImageState::Pending && !stopping_) {
        if (decodeFinished_.wait_until(lock, deadline) == std::cv_status::timeout) {
            return lookupLocked(key, path, drawSize, true);
        }
        result = lookupLocked(key, path, drawSize, true);
    }
    return result;
}

bool ImageCache::waitUntilIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return decodeFinished_.wait_for(lock, timeout, [this] { return queue_.empty() && decoding_ == 0; });
}

void ImageCache::enqueueLocked(const std::string& key, const std::filesystem::path& path, ImageDrawSize drawSize,
                               bool urgent) {
    Entry entry;
    entry.path = path;
    entry.pathKey = keyOf(path);
    entry.drawSize = drawSize;
    entry.ticket = nextTicket_++;
    entries_.emplace(key, std::move(entry));
    if (urgent) {
        queue_.push_front(key);
    } else {
        queue_.push_back(key);
    }
    workAvailable_.notify_one();
}

void ImageCache::touchLocked(Entry& entry) {
    lru_.splice(lru_.begin(), lru_, entry.lru);
}

void ImageCache::evictLocked(const std::string& keep) {
    // The newest image stays even when it alone exceeds the budget: refusing it would leave
    // a placeholder on the wall and decode it again every time it was asked for.
    while (bytesHeld_ > options_.memoryBudgetBytes && !lru_.empty()) {
        const std::string victim = lru_.back();
        if (victim == keep) break;
        auto found = entries_.find(victim);
        bytesHeld_ -= found->second.image->bytes();
        --readyCount_;
        lru_.pop_back();
        entries_.erase(found);
    }
}

void ImageCache::workerLoop() {
    lowerThisThreadPriority();
    std::unique_lock lock(mutex_);
    for (;;) {
        workAvailable_.wait(lock, [this] { return stopping_ || nextToStartLocked() != queue_.end(); });
        if (stopping_) return;
        const auto next = nextToStartLocked();
        const std::string key = *next;
        queue_.erase(next);
        if (held_) --startableWhileHeld_;
        Entry& queued = entries_.at(key);
        queued.state = EntryState::Decoding;
        const std::uint64_t ticket = queued.ticket;
        const std::filesystem::path path = queued.path;
        ImageDecodeOptions decode = options_.decode;
        decode.drawSize = queued.drawSize;
        ++decoding_;

        lock.unlock();
        Result<DecodedImage> result = decodeImage(path, decode);
        lock.lock();

        --decoding_;
        ++generation_;
        auto found = entries_.find(key);
        if (found != entries_.end() && found->second.ticket == ticket) {
            Entry& entry = found->second;
            if (result.ok()) {
                entry.state = EntryState::Ready;
                entry.image = std::make_shared<const RgbaImage>(std::move(result->image));
                bytesHeld_ += entry.image->bytes();
                ++readyCount_;
                lru_.push_front(key);
                entry.lru = lru_.begin();
                evictLocked(key);
            } else {
                entry.state = EntryState::Failed;
                entry.error = result.error();
                failures_.push_back({path, result.error()});
            }
        }
        decodeFinished_.notify_all();
    }
}

}  // namespace vitrine
