#pragma once
// Proof of play: one line per scene start ("2026-01-20T09:00:12.000Z testimony"), the
// record a museum shows a funder or checks after a complaint, with the player's own
// events in parentheses ("2026-01-20T18:00:00.000Z (closed)"), so a night's black gap or
// a calibration's test patterns never read as testimony. The file is rotated at
// a size limit, keeping a fixed number of old files, so months of play fit on disk.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "base/error.h"

namespace vitrine::control {

/// An append-only, size-rotated log of scene starts.
class ProofOfPlayLog {
public:
    static constexpr std::uintmax_t kDefaultMaxBytes = 1 << 20;  // ~15 000 lines
    static constexpr int kDefaultKeep = 10;

    /// Appends to `path`; when it would pass `maxBytes` it becomes path.1 (path.1 becomes
    /// path.2 …) and files beyond `keep` old ones are deleted.
    explicit ProofOfPlayLog(std::filesystem::path path, std::uintmax_t maxBytes = kDefaultMaxBytes,
                            int keep = kDefaultKeep);

    /// Records that `sceneId` started at Unix time `unixMicros`. Returns the Error
    /// (the show goes on without the record), or nullopt.
    std::optional<Error> sceneStarted(std::int64_t unixMicros, const std::string& sceneId);
    /// Records an event of the player's ("started", "closed", "opened", "calibration
    /// started"…), written in parentheses; returns as sceneStarted() does.
    std::optional<Error> event(std::int64_t unixMicros, const std::string& what);
    /// The last line recorded or tried, without its newline.
    const std::string& lastLine() const { return lastLine_; }

    const std::filesystem::path& path() const { return path_; }

private:
    void rotate();
    std::optional<Error> write(std::int64_t unixMicros, const std::string& text);

    std::filesystem::path path_;
    std::uintmax_t maxBytes_;
    int keep_;
    std::ofstream out_;
    std::uintmax_t size_ = 0;
    std::string lastLine_;
};

}  // namespace vitrine::control
