#include "control/running_installation.h"

namespace vitrine::control {

RunningInstallation runningInstallation(const std::filesystem::path& file,
                                        std::optional<installation::Installation> loaded,
                                        const Diagnostics& diagnostics) {
    RunningInstallation running;
    for (const auto& d : diagnostics.all())
        if (d.severity != Severity::Note) running.problems.push_back("installation: " + formatDiagnostic(d));
    if (loaded) {
        running.installation = std::move(*loaded);
    } else {
        running.installation.control.httpPort = kFallbackHttpPort;
        running.problems.push_back("installation: " + file.string() +
                                   " could not be used; playing on defaults (always open, no keystone, no proof of "
                                   "play, status on 127.0.0.1:" + std::to_string(kFallbackHttpPort) + " only)");
    }
    if (running.installation.file.empty()) running.installation.file = file;  // calibration still saves for it
    return running;
}

}  // namespace vitrine::control
