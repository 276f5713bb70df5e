#pragma once
// `vitrine-studio export still|storyboard|video EXHIBIT.xml -o FILE [--at POS] [--from POS]
// [--to POS] [--stdin]`: one export, in a process of its own. The studio runs it as a child
// (with its unsaved text on standard input) so the export draws on a GL context of its own
// while the studio keeps drawing, and reads its progress, one "progress DONE TOTAL" line per
// step; SIGTERM cancels it, leaving nothing at FILE.

#include <string>
#include <vector>

namespace vitrine::studio {

/// Runs the command with `args` (the words after "export"); the exit status: 0 written,
/// 1 cancelled, 2 an exhibit that cannot be read, 3 nothing written, 64 a usage error.
int runExportCommand(const std::vector<std::string>& args);

}  // namespace vitrine::studio
