#pragma once
// The `vitrine` program's commands. Each takes its arguments (after the command name)
// and returns the process exit status.

#include <string>
#include <vector>

namespace vitrine::app {

using Arguments = std::vector<std::string>;

int runCheck(const Arguments& args);
int runScenes(const Arguments& args);
int runStill(const Arguments& args);
int runRender(const Arguments& args);
int runPlay(const Arguments& args);

/// Exit status for a wrong command line, as most Unix tools use.
inline constexpr int kUsageError = 2;

/// Prints "vitrine: message" and a pointer to --help on stderr; returns kUsageError.
int usageError(const std::string& message);

}  // namespace vitrine::app
