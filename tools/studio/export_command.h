#pragma once
// `vitrine-studio export still|storyboard|video EXHIBIT.xml -o FILE [--at POS] [--from POS]
// [--to POS] [--stdin]`: one export, in a process of its own. The studio runs it as a child
// (with its unsaved texts on standard input: the exhibit's and its caption files') so the
// export draws on a GL context of its own while the studio keeps drawing, and reads its
// progress, one "progress DONE TOTAL" line per step; SIGTERM cancels it, leaving nothing at FILE.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::studio {

/// What the studio gives an export on standard input (--stdin): the texts as edited, unsaved
/// edits included. The caption files' texts stand for those files (CaptionCache::setText),
/// so the picture and the MP4's subtitle tracks show the cues as the preview does.
struct ExportTexts {
    std::string exhibit;
    std::map<std::string, std::string> captions;  // by the caption file's path as the show names it
};

/// `texts` as the bytes standard input carries: each string as its length in decimal, a
/// newline and its bytes; the exhibit's text first, then each caption file's path and text.
std::string packExportTexts(const ExportTexts& texts);
/// The texts packed by packExportTexts; nullopt when `bytes` are not such.
std::optional<ExportTexts> unpackExportTexts(std::string_view bytes);

/// Runs the command with `args` (the words after "export"); the exit status: 0 written,
/// 1 cancelled, 2 an exhibit that cannot be read, 3 nothing written, 64 a usage error.
int runExportCommand(const std::vector<std::string>& args);

}  // namespace vitrine::studio
