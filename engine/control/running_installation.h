#pragma once
// The installation a player runs with, from what the loader made of the file: its
// problems (installation::problemLines) go with it into /status, and a file that could
// not be used at all still leaves a way to read why from afar.

#include <filesystem>
#include <optional>

#include "diag/diagnostic.h"
#include "installation/installation.h"

namespace vitrine::control {

/// Where /status answers when the installation file could not be used: loopback only,
/// so nothing is opened to the network that the site did not ask for.
inline constexpr int kFallbackHttpPort = 8080;

/// `loaded` as the loader returned it for `file`, with its `diagnostics` as its problems.
/// When nothing could be used: the defaults (always open, no keystone) with the status API
/// on 127.0.0.1:kFallbackHttpPort and a problem saying so.
installation::Installation runningInstallation(const std::filesystem::path& file,
                                               std::optional<installation::Installation> loaded,
                                               const Diagnostics& diagnostics);

}  // namespace vitrine::control
