#pragma once
// The video items of one show, with the images' lifecycle: opened and decoded ahead of
// need (each on its own decode thread, so the render thread never opens a file), held
// within a byte budget, and retired (closed, their decoders and frames freed) once they are
// neither on screen nor in the look-ahead window. Keyed by item, not path: one file shown
// by two items plays at two places.

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "media/video_source.h"

namespace vitrine {

/// How a video cache works.
struct VideoCacheOptions {
    /// Bytes of decoded pictures (VideoSource::bytesHeld) the videos held may reach before no
    /// more are opened ahead; a video on screen is opened whatever the budget. A 1080p source
    /// holds about 80 MB, a 720p one 37 MB.
    std::size_t memoryBudgetBytes = std::size_t{256} * 1024 * 1024;
};

/// What a video item plays: its file, and how.
struct VideoRequest {
    std::filesystem::path path;
    VideoSourceOptions options;  // offline: read exactly on the caller's thread (stills, export)
};

/// Opens, holds and retires the videos of one show's items.
class VideoCache {
public:
    explicit VideoCache(VideoCacheOptions options = {});
    /// Closes every video, waiting for their threads.
    ~VideoCache();
    VideoCache(const VideoCache&) = delete;
    VideoCache& operator=(const VideoCache&) = delete;

    /// The video items needed soon, first needed first: remembered as the window, and the
    /// first of them not yet held is opened ahead (in real time) unless another is still
    /// opening or the budget is spent, so opens take turns and the window fills in order.
    void lookAhead(const std::vector<std::pair<int, VideoRequest>>& window);

    /// The video of `item`, opened now if it is not held (real time: on its own thread, so
    /// the source decodes nothing yet; offline: on this thread). A held video asked for in
    /// the other mode is opened afresh in that one. The source is given while it opens too
    /// (frameAt() gives nothing yet); the error, when the file cannot be opened.
    Result<VideoSource*> lookup(int item, const VideoRequest& request);

    /// The video of `item` if it is held (opening, open or failed), without opening it.
    VideoSource* held(int item) const;

    /// Closes every video neither in `onScreen` nor in the last window, and returns their items.
    /// Their threads close their files: this never waits for one.
    std::vector<int> retire(const std::vector<int>& onScreen);

    /// Videos held, failed ones included.
    std::size_t heldCount() const { return entries_.size(); }
    /// Bytes of decoded pictures the videos held may reach.
    std::size_t bytesHeld() const;

private:
    struct Entry {
        std::unique_ptr<VideoSource> source;
        bool offline = false;
        std::optional<Error> error;  // an offline open's failure (a real-time one is the source's)
    };
    Entry open(const VideoRequest& request) const;
    void release(std::unique_ptr<VideoSource> source);
    bool anyOpening() const;

    const VideoCacheOptions options_;
    std::map<int, Entry> entries_;
    std::vector<int> window_;
    // Retired sources whose threads are still closing; freed once they have.
    std::vector<std::unique_ptr<VideoSource>> closing_;
};

}  // namespace vitrine
