#pragma once
// Proof of play: one line per scene start ("2026-01-20T09:00:12.000Z testimony"), the
// record a museum shows a funder or checks after a complaint. The file is rotated at
// a size limit, keeping a fixed number of old files, so months of play fit on disk.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

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

    /// Records that `sceneId` started at Unix time `unixMicros`. Returns an error message
    /// (the show goes on without the record), or nullopt.
    std::optional<std::string> sceneStarted(std::int64_t unixMicros, const std::string& sceneId);

    const std::filesystem::path& path() const { return path_; }

private:
    void rotate();

    std::filesystem::path path_;
    std::uintmax_t maxBytes_;
    int keep_;
    std::ofstream out_;
    std::uintmax_t size_ = 0;
};

}  // namespace vitrine::control
