#include "media/video_cache.h"

#include <algorithm>
#include <numeric>

namespace vitrine {

VideoCache::VideoCache(VideoCacheOptions options) : options_(options) {}

VideoCache::~VideoCache() {
    // Every thread is told first, so they close their files together rather than in turn.
    for (auto& [item, entry] : entries_)
        if (entry.source) entry.source->requestStop();
    for (auto& source : closing_) source->requestStop();
}

void VideoCache::lookAhead(const std::vector<std::pair<int, VideoRequest>>& window) {
    window_.clear();
    for (const auto& [item, request] : window) window_.push_back(item);
    for (const auto& [item, request] : window) {
        if (entries_.count(item)) continue;
        if (anyOpening() || bytesHeld() >= options_.memoryBudgetBytes) return;
        VideoRequest realTime = request;
        realTime.options.offline = false;
        entries_.emplace(item, open(realTime));
    }
}

Result<VideoSource*> VideoCache::lookup(int item, const VideoRequest& request) {
    auto found = entries_.find(item);
    if (found != entries_.end() && found->second.offline != request.options.offline) {
        release(std::move(found->second.source));
        entries_.erase(found);
        found = entries_.end();
    }
    if (found == entries_.end()) found = entries_.emplace(item, open(request)).first;
    const Entry& entry = found->second;
    if (!entry.source) return *entry.error;
    if (std::optional<Error> error = entry.source->openError()) return *error;
    return entry.source.get();
}

VideoSource* VideoCache::held(int item) const {
    auto found = entries_.find(item);
    return found != entries_.end() ? found->second.source.get() : nullptr;
}

std::vector<int> VideoCache::retire(const std::vector<int>& onScreen) {
    auto wanted = [&](int item) {
        return std::find(onScreen.begin(), onScreen.end(), item) != onScreen.end() ||
               std::find(window_.begin(), window_.end(), item) != window_.end();
    };
    std::vector<int> retired;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (wanted(it->first)) {
            ++it;
            continue;
        }
        retired.push_back(it->first);
        release(std::move(it->second.source));
        it = entries_.erase(it);
    }
    std::erase_if(closing_, [](const std::unique_ptr<VideoSource>& source) { return source->finished(); });
    return retired;
}

std::size_t VideoCache::bytesHeld() const {
    return std::accumulate(entries_.begin(), entries_.end(), std::size_t{0}, [](std::size_t sum, const auto& e) {
        return sum + (e.second.source ? e.second.source->bytesHeld() : 0);
    });
}

VideoCache::Entry VideoCache::open(const VideoRequest& request) const {
    Entry entry;
    entry.offline = request.options.offline;
    if (!entry.offline) {
        entry.source = VideoSource::openAhead(request.path, request.options);
        return entry;
    }
    auto opened = VideoSource::open(request.path, request.options);
    if (opened) entry.source = std::move(*opened);
    else entry.error = opened.error();
    return entry;
}

void VideoCache::release(std::unique_ptr<VideoSource> source) {
    if (!source) return;
    // Destroying a source joins its thread, which may be decoding a picture or opening the
    // file: asked to stop now and freed on a later call, it costs the render thread no wait.
    source->requestStop();
    if (!source->finished()) closing_.push_back(std::move(source));
}

bool VideoCache::anyOpening() const {
    return std::any_of(entries_.begin(), entries_.end(), [](const auto& e) {
        const VideoSource* source = e.second.source.get();
        return source && !source->isOpen() && !source->openError();
    });
}

}  // namespace vitrine
