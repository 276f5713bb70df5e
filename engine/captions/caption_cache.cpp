#include "captions/caption_cache.h"

#include <optional>
#include <system_error>

#include "captions/caption_loader.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const CaptionFile> parsed(const fs::path& path, const FileReader& reader) {
    Diagnostics d;
    auto file = std::make_shared<CaptionFile>();
    file->track = loadCaptions(path, d, reader);
    file->problems = d.all();
    file->unusable = d.hasErrors() && file->track.cues.empty();
    return file;
}

}  // namespace

std::shared_ptr<const CaptionFile> CaptionCache::get(const fs::path& path) {
    const std::string key = path.string();
    Entry* kept = files_.find(key);
    if (kept && kept->given) return kept->file;  // the disk is not looked at
    // A file that cannot be looked at (missing) has no time and size 0: read (and reported
    // unreadable) once, then again when it appears.
    std::error_code ec;
    const auto modified = fs::last_write_time(path, ec);
    const std::uintmax_t size = ec ? 0 : fs::file_size(path, ec);
    if (kept && kept->modified == modified && kept->size == size) return kept->file;
    ++reads_;
    Entry entry{modified, size, false, parsed(path, diskFileReader())};
    auto file = entry.file;
    files_.put(key, std::move(entry));
    return file;
}

void CaptionCache::setText(const fs::path& path, const std::string& text) {
    auto given = [&text](const fs::path&) { return std::optional<std::string>(text); };
    files_.put(path.string(), Entry{{}, 0, true, parsed(path, given)});
    ++givenChanges_;
}

void CaptionCache::forgetText(const fs::path& path) {
    const std::string key = path.string();
    if (Entry* kept = files_.find(key); kept && kept->given) {
        files_.erase(key);
        ++givenChanges_;
    }
}

}  // namespace vitrine
