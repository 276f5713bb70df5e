#pragma once
// Parses SubRip (.srt) caption text into a CaptionTrack, reporting problems as values.

#include <string>
#include <string_view>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"

namespace vitrine {

/// Parses SRT `text` read from `fileName` (used only in diagnostics and track.file):
/// blocks of an index line, "hh:mm:ss,mmm --> hh:mm:ss,mmm", and text with <i>, <b>,
/// <u> and <font> tags. Accepts CRLF, a byte-order mark, a missing index, '.' for ',',
/// omitted hours, and a missing blank line between or after blocks. A malformed block
/// is reported with its line and skipped; the rest still parses. Cues come back sorted
/// by start.
CaptionTrack parseSrt(std::string_view text, const std::string& fileName, Diagnostics& diagnostics);

}  // namespace vitrine
