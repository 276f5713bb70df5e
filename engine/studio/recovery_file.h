#pragma once
// The recovery file: the designer's unsaved text, kept beside the exhibit while the studio
// runs (".NAME.recovery", hidden as editors' swap files are), so that a crash, a kill or a
// power cut loses at most a few seconds of work. The studio offers it back on the next start,
// after setting it aside (".NAME.YYYYMMDD-HHMMSS.recovery"): the session's own edits then
// get a recovery file of their own while the old one waits to be decided ("Decide later"
// keeps it for the start after), so a crash loses neither.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace vitrine::studio {

/// Where the recovery file of `exhibit` is: ".NAME.recovery" in the same folder.
std::filesystem::path recoveryFileOf(const std::filesystem::path& exhibit);

/// A recovery file found on disk.
struct Recovery {
    std::string text;                         // the unsaved text, whole
    std::chrono::system_clock::time_point written;
    std::filesystem::path file;               // where it lies
};

/// Writes `text` as the recovery of `exhibit`, atomically (never half a file).
std::optional<Error> writeRecovery(const std::filesystem::path& exhibit, std::string_view text);

/// The recovery of `exhibit`, or nullopt when there is none (or it cannot be read).
std::optional<Recovery> readRecovery(const std::filesystem::path& exhibit);

/// Removes the recovery of `exhibit`, if there is one.
void removeRecovery(const std::filesystem::path& exhibit);

/// Moves the recovery of `exhibit` aside, named by when it was written; none is no error.
std::optional<Error> setRecoveryAside(const std::filesystem::path& exhibit);

/// The recoveries of `exhibit` set aside by setRecoveryAside, oldest first.
std::vector<Recovery> recoveriesSetAside(const std::filesystem::path& exhibit);

/// Removes a recovery set aside (one of recoveriesSetAside's), once restored or discarded.
void removeSetAside(const Recovery& recovery);

/// How many lines differ between `a` and `b`: the lines of the longer side that are not in
/// their longest common sequence of lines (a line changed counts once).
int changedLines(std::string_view a, std::string_view b);

/// "at 14:03 on 2026-12-07", in local time, for telling the designer when it was written.
std::string describeTime(std::chrono::system_clock::time_point when);

}  // namespace vitrine::studio
