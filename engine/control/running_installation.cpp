#include "control/running_installation.h"

namespace vitrine::control {

installation::Installation runningInstallation(const std::filesystem::path& file,
                                               std::optional<installation::Installation> loaded,
                                               const Diagnostics& diagnostics) {
    installation::Installation running = loaded ? std::move(*loaded) : installation::Installation{};
    running.problems = installation::problemLines(diagnostics);  // shown in /status too
    if (!loaded) {
        running.control.httpPort = kFallbackHttpPort;
        running.problems.push_back(file.string() + " could not be used; playing on defaults (always open, no keystone, "
                                   "no proof of play, status on 127.0.0.1:" + std::to_string(kFallbackHttpPort) + " only)");
    }
    if (running.file.empty()) running.file = file;  // calibration still saves for it
    return running;
}

}  // namespace vitrine::control
