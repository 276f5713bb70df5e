#pragma once
// The recovery file: the designer's unsaved text, kept beside the exhibit while the studio
// runs (".NAME.recovery", hidden as editors' swap files are), so that a crash, a kill or a
// power cut loses at most a few seconds of work. The exhibit and each caption file it holds
// with unsaved cue edits have one. The studio offers them back on the next start, after
// setting them aside together (".NAME.YYYYMMDD-HHMMSS.recovery", one stamp for the session's
// files): the session's own edits then get recovery files of their own while the old ones
// wait to be decided ("Decide later" keeps them for the start after), so a crash loses neither.

#include <chrono>
#include <filesystem>
#include <map>
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

/// The recoveries one session left, set aside together: offered, restored, discarded or left
/// for later as one.
struct RecoverySet {
    std::map<std::filesystem::path, Recovery> recoveries;  // by the file each recovers
    std::chrono::system_clock::time_point written;        // when the newest was written
};

/// Moves the recoveries of `files` (the exhibit and the caption files it holds) aside
/// together, under one stamp (when the newest was written; numbered when that name is taken
/// for any of them), so the next start finds them as one set; none is no error.
std::optional<Error> setRecoveriesAside(const std::vector<std::filesystem::path>& files);

/// The recoveries of `file` set aside by setRecoveriesAside, oldest first.
std::vector<Recovery> recoveriesSetAside(const std::filesystem::path& file);

/// The recoveries of `files` set aside, one set per stamp, oldest first.
std::vector<RecoverySet> recoverySetsAside(const std::vector<std::filesystem::path>& files);

/// Removes a recovery set aside (one of recoveriesSetAside's), once restored or discarded.
void removeSetAside(const Recovery& recovery);
/// Removes every recovery of `set`.
void removeSetAside(const RecoverySet& set);

/// How many lines differ between `a` and `b`: the lines of the longer side that are not in
/// their longest common sequence of lines (a line changed counts once).
int changedLines(std::string_view a, std::string_view b);

/// "at 14:03 on 2026-12-07", in local time, for telling the designer when it was written.
std::string describeTime(std::chrono::system_clock::time_point when);

}  // namespace vitrine::studio
