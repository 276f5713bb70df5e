#pragma once
// A value worked out from a file (its duration, whether it decodes), kept until the file
// changes: the studio reloads the exhibit on every edit, and opening or decoding each of
// its media files again every time would make a live edit wait for all of them.

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <utility>

namespace vitrine {

/// Remembers `T` per file with the size and modification time it was worked out at; a file
/// whose size or time differs is worked out again. Safe to use from several threads.
template <typename T>
class FileVersionCache {
public:
    /// The value for `file`: remembered when the file is as it was, else `compute(file)`
    /// (remembered unless the file cannot be stat'ed, which a later call may find changed).
    template <typename Compute>
    T valueFor(const std::filesystem::path& file, Compute&& compute) {
        const std::optional<Version> version = versionOf(file);
        {
            std::lock_guard lock(mutex_);
            if (version)
                if (auto found = known_.find(file); found != known_.end() && found->second.first == *version)
                    return found->second.second;
        }
        T value = compute(file);  // outside the lock: decoding one file must not hold up another's answer
        if (version) {
            std::lock_guard lock(mutex_);
            known_.insert_or_assign(file, std::pair<Version, T>(*version, value));
        }
        return value;
    }

private:
    struct Version {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        friend bool operator==(const Version&, const Version&) = default;
    };

    static std::optional<Version> versionOf(const std::filesystem::path& file) {
        std::error_code sizeError, timeError;
        Version v{std::filesystem::file_size(file, sizeError), std::filesystem::last_write_time(file, timeError)};
        if (sizeError || timeError) return std::nullopt;
        return v;
    }

    std::mutex mutex_;
    std::map<std::filesystem::path, std::pair<Version, T>> known_;
};

}  // namespace vitrine
