#pragma once
// Decodes images on worker threads and keeps them within a memory budget, so the frame
// loop can ask for a picture every frame without ever waiting for one (DESIGN.md: loading
// never blocks a frame; a broken file is reported once and the show goes on).

#include "media/image_decoder.h"
#include "media/rgba_image.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace vitrine {

/// How a cache works.
struct ImageCacheOptions {
    /// Decoding threads; at least one is started.
    int workerCount = 2;
    /// Bytes of decoded pixels the cache itself may hold; least recently used images go first.
    std::size_t memoryBudgetBytes = std::size_t{512} * 1024 * 1024;
    /// Passed to every decode (set maxDimension to the GPU's maximum texture size).
    ImageDecodeOptions decode;
};

/// Where an image stands.
enum class ImageState { Pending, Ready, Failed };

/// The answer to a lookup: the image when Ready, the reason when Failed.
struct ImageLookup {
    ImageState state = ImageState::Pending;
    std::shared_ptr<const RgbaImage> image;  // set when Ready
    std::optional<Error> error;              // set when Failed

    bool ready() const { return state == ImageState::Ready; }
};

/// A consistent snapshot of a cache's counters, taken at one instant.
struct ImageCacheStats {
    std::uint64_t generation = 0;  // decodes finished so far
    std::size_t readyCount = 0;    // images held and ready
    std::size_t pendingCount = 0;  // decodes queued or in progress
    std::size_t bytesHeld = 0;     // bytes of pixels the cache holds
};

/// One image that could not be decoded, handed out once.
struct ImageFailure {
    std::filesystem::path path;
    Error error;  // the reason without the file name (that is `path`)
};

/// An asynchronous, memory-bounded cache of decoded images keyed by path.
///
/// Images in use stay alive while a caller holds their shared_ptr, even when the cache
/// evicts them; the budget counts only what the cache holds. A failed image stays failed
/// (so a broken file is decoded once, not every frame) until invalidate() is called.
class ImageCache {
public:
    /// Starts the worker threads.
    explicit ImageCache(ImageCacheOptions options = {});
    /// Drops queued work, waits for decodes in progress to finish, and joins the workers.
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    /// Queues a decode of `path` drawn at `drawSize` unless it is cached, queued or failed;
    /// never blocks on decoding. Each draw size is a picture of its own.
    void prefetch(const std::filesystem::path& path, ImageDrawSize drawSize = {});

    /// The state of `path`, marking it most recently used; an unknown path is queued ahead of
    /// prefetches and reported Pending. Never blocks on decoding.
    ImageLookup lookup(const std::filesystem::path& path, ImageDrawSize drawSize = {});

    /// While held, decodes asked for wait and a worker that finishes takes no new one;
    /// decodes in progress go on, and those asked for before the hold may still start on a
    /// worker that was idle when it began. A frame loop holds them while it draws and starts
    /// them once the frame is on screen, as it does with uploads: on two cores shared with a
    /// software renderer, the frame a 6000x4000 JPEG began decoding in was the slowest of its
    /// arrival (1.23-1.39x the median frame, per-frame median of nine runs), and no later
    /// frame of the decode was. Never wait for a picture (waitFor, waitUntilIdle) while
    /// decodes are held: it would wait out its timeout.
    void holdNewDecodes();
    /// Lets held decodes start.
    void startHeldDecodes();

    /// Failures not yet handed out, oldest first; each failure is returned exactly once.
    std::vector<ImageFailure> takeFailures();

    /// Forgets `path` at every draw size (decoded, failed or queued) so the next request decodes it afresh,
    /// e.g. after the file was replaced; a decode in flight for it is discarded.
    void invalidate(const std::filesystem::path& path);

    /// Increases each time a decode finishes (ready or failed): compare with an earlier
    /// value to learn that something new arrived.
    std::uint64_t generation() const;
    /// Images held and ready.
    std::size_t readyCount() const;
    /// Bytes of pixels the cache holds (images evicted but still used by callers are not counted).
    std::size_t bytesHeld() const;
    /// Decodes queued or in progress.
    std::size_t pendingCount() const;

    /// All counters at once, consistent with each other.
    ImageCacheStats stats() const;

    /// Blocks until `path` is Ready or Failed (queuing it if unknown) or `timeout` passes;
    /// returns the final lookup or a Pending one. For offline rendering and tests, never the frame loop.
    ImageLookup waitFor(const std::filesystem::path& path, std::chrono::milliseconds timeout, ImageDrawSize drawSize = {});
    /// Blocks until no decode is queued or in progress, or `timeout` passes; true when idle.
    bool waitUntilIdle(std::chrono::milliseconds timeout);

private:
    enum class EntryState { Queued, Decoding, Ready, Failed };
    struct Entry {
        std::filesystem::path path;
        std::string pathKey;  // keyOf(path): what invalidate() matches
        ImageDrawSize drawSize;
        EntryState state = EntryState::Queued;
        std::shared_ptr<const RgbaImage> image;
        std::optional<Error> error;  // set when Failed
        std::uint64_t ticket = 0;              // tells a stale decode (after invalidate) from the current one
        std::list<std::string>::iterator lru;  // position in lru_ when Ready
    };

    static std::string keyOf(const std::filesystem::path& path);
    static std::string keyOf(const std::filesystem::path& path, ImageDrawSize drawSize);
    void enqueueLocked(const std::string& key, const std::filesystem::path& path, ImageDrawSize drawSize, bool urgent);
    void touchLocked(Entry& entry);
    void evictLocked(const std::string& keep);
    ImageLookup lookupLocked(const std::string& key, const std::filesystem::path& path, ImageDrawSize drawSize,
                             bool urgent);
    std::deque<std::string>::iterator nextToStartLocked();  // queue_.end() when none may start now
    void workerLoop();

    const ImageCacheOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable workAvailable_;
    std::condition_variable decodeFinished_;
    std::unordered_map<std::string, Entry> entries_;
    std::deque<std::string> queue_;
    std::list<std::string> lru_;  // Ready entries, most recently used first
    std::vector<ImageFailure> failures_;
    std::size_t bytesHeld_ = 0;
    std::size_t readyCount_ = 0;
    std::size_t decoding_ = 0;
    std::uint64_t generation_ = 0;
    std::uint64_t nextTicket_ = 1;
    bool held_ = false;
    std::uint64_t holdBeganAtTicket_ = 0;  // entries with a lower ticket were asked for before the hold
    std::size_t startableWhileHeld_ = 0;   // how many of those may still start during it
    bool stopping_ = false;
    std::vector<std::thread> workers_;  // last: started after every other member exists
};

}  // namespace vitrine
