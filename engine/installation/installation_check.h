#pragma once
// `vitrine check` on a technician's file: the same file:line:col report as for an exhibit,
// with a summary of what the file sets up. The check command tells the two kinds of file
// apart by their root element.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "installation/installation.h"

namespace vitrine::installation {

/// Whether `text` is XML whose root element is <installation>.
bool isInstallationText(std::string_view text);

/// An installation file as `vitrine check` reads it.
struct InstallationCheck {
    std::filesystem::path file;
    std::optional<Installation> installation;  // nullopt: not usable at all
    Diagnostics diagnostics;
};

InstallationCheck checkInstallationFile(const std::filesystem::path& file);

/// Exit status of `vitrine check`: 0 clean, 1 warnings only, 2 errors.
int checkExitCode(const InstallationCheck& check);

/// "2 outputs, open 5 days a week (3 openings), 2 dated exceptions; 0 errors, 1 warning".
std::string checkSummary(const InstallationCheck& check);

/// Diagnostics one per line (with hints), then the summary line.
std::string checkReportText(const InstallationCheck& check);

/// The same as JSON: {"file", "diagnostics": [...], "summary": {...}}, as for exhibits.
std::string checkReportJson(const InstallationCheck& check);

}  // namespace vitrine::installation
