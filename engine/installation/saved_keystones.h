#pragma once
// Where calibration saves keystone corners, and how saved corners come back at start.
// Installed, the player runs as the service user and /etc/vitrine is root's: corners go
// to a file that user owns (systemd's StateDirectory), and that file's corners replace
// the installation file's own at start. Run by hand, they go into the installation file.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "installation/installation.h"
#include "installation/keystone_file.h"

namespace vitrine::installation {

/// The saved-corners file's name inside the state folder.
inline constexpr const char* kSavedKeystonesName = "keystone.xml";

/// Reads an environment variable (nullptr when unset); std::getenv, or a test's own.
using EnvironmentLookup = std::function<const char*(const char*)>;

/// Where calibration saves the corners of `installationFile`'s outputs:
/// `$STATE_DIRECTORY/keystone.xml` when systemd gives the unit a state folder (its first,
/// when it lists several); else the installation file itself when `writable` says it can
/// be written; else `$XDG_STATE_HOME/vitrine/keystone.xml` (`~/.local/state/vitrine/…`).
/// Falls back to the installation file when none of those is known.
std::filesystem::path keystoneSaveFile(const std::filesystem::path& installationFile,
                                       const EnvironmentLookup& environment,
                                       const std::function<bool(const std::filesystem::path&)>& writable);

/// keystoneSaveFile with the process's environment and access(2).
std::filesystem::path keystoneSaveFile(const std::filesystem::path& installationFile);

/// Saves `edits` into `file` (an installation file, or a saved-corners file made with its
/// folder when missing) in one atomic save. Returns the Error, or nullopt when saved.
std::optional<Error> saveCalibration(const std::filesystem::path& file, const std::vector<KeystoneEdit>& edits);

/// Replaces the keystone of each of `inst`'s outputs whose id has corners in `file` (when
/// it exists and is not `inst.file` itself). Problems in that file go to `diagnostics` at
/// its file:line; a broken saved file changes nothing.
void applySavedKeystones(Installation& inst, const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace vitrine::installation
