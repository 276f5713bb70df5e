#pragma once
// Caption files read once and kept: a plain lookup from a file's path to its parsed cues,
// read again only when the file's size or modification time changes. The preview's caption
// drawer and the studio's timeline read through one cache (each edit used to read every
// caption file again, twice). Text given directly (a caption file's unsaved edits in the
// studio) stands for the file until taken back: the studio's preview and its exports (burned
// in and as subtitle tracks) read the edited cues through this one mechanism.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/recent_map.h"
#include "captions/caption_track.h"
#include "diag/diagnostic.h"

namespace vitrine {

/// A caption file as read: its cues, and the problems met reading it.
struct CaptionFile {
    CaptionTrack track;
    std::vector<Diagnostic> problems;
    bool unusable = false;  // errors and no cue: nothing to show
};

class CaptionCache {
public:
    /// Far more caption files than an exhibit has; they are small.
    static constexpr std::size_t kDefaultCapacity = 256;

    explicit CaptionCache(std::size_t capacity = kDefaultCapacity) : files_(capacity) {}

    /// The caption file at `path`, parsed: read the first time, and again only when its
    /// size or modification time has changed since; the text given by setText() instead.
    std::shared_ptr<const CaptionFile> get(const std::filesystem::path& path);

    /// `text` stands for the file at `path` (parsed now) until forgetText(path).
    void setText(const std::filesystem::path& path, const std::string& text);
    void forgetText(const std::filesystem::path& path);

    /// Counts setText() and forgetText(): a reader that keeps what get() gave asks again when
    /// it changes.
    std::uint64_t givenChanges() const { return givenChanges_; }

    /// How many times a file was read from disk, for tests.
    std::size_t reads() const { return reads_; }

private:
    struct Entry {
        std::filesystem::file_time_type modified{};
        std::uintmax_t size = 0;
        bool given = false;  // setText(): never read from disk
        std::shared_ptr<const CaptionFile> file;
    };

    RecentMap<std::string, Entry> files_;
    std::size_t reads_ = 0;
    std::uint64_t givenChanges_ = 0;
};

}  // namespace vitrine
