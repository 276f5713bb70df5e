#pragma once
// The installation a player runs with, from what the loader made of the file, and the
// problems with it that a technician must find in /status (not only in the journal of
// the day it started): a configuration error that dropped a day's hours, a file that
// could not be read at all.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "installation/installation.h"

namespace vitrine::control {

/// Where /status answers when the installation file could not be used: loopback only,
/// so nothing is opened to the network that the site did not ask for.
inline constexpr int kFallbackHttpPort = 8080;

struct RunningInstallation {
    installation::Installation installation;
    std::vector<std::string> problems;  // one per diagnostic, in words, with file:line:col
};

/// `loaded` as the loader returned it for `file`, with its `diagnostics`. When nothing could
/// be used, the defaults (always open, no keystone) with the status API on
/// 127.0.0.1:kFallbackHttpPort, so the reason can be read from afar.
RunningInstallation runningInstallation(const std::filesystem::path& file,
                                        std::optional<installation::Installation> loaded,
                                        const Diagnostics& diagnostics);

}  // namespace vitrine::control
