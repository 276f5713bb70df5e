#include "player/compile_options.h"

#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <utility>

#include "map/compiled_map.h"
#include "media/audio_decoder.h"

namespace vitrine {

namespace {

// Durations already probed, by file, with the modification time they were read at: a
// studio reloading on every save would otherwise open every audio and video file again.
class DurationCache {
public:
    std::optional<Micros> durationOf(const std::filesystem::path& file) {
        std::error_code ec;
        const auto modified = std::filesystem::last_write_time(file, ec);
        std::lock_guard lock(mutex_);
        if (!ec)
            if (auto found = known_.find(file); found != known_.end() && found->second.first == modified)
                return found->second.second;
        std::optional<Micros> duration = probeDuration(file);
        if (!ec) known_[file] = {modified, duration};
        return duration;
    }

private:
    std::mutex mutex_;
    std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::optional<Micros>>> known_;
};

}  // namespace

CompileOptions mediaAwareOptions() {
    CompileOptions o;
    // Audio and video without dur last as long as their files: ask the container.
    auto cache = std::make_shared<DurationCache>();
    o.mediaDuration = [cache](const std::filesystem::path& p) { return cache->durationOf(p); };
    return map::withMaps(std::move(o));  // maps compiled with the show, their data read once for every reload
}

}  // namespace vitrine
