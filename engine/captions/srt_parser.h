#pragma once
// Parses SubRip (.srt) caption text into a CaptionTrack, reporting problems as values.

#include <string>
#include <string_view>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"

namespace vitrine {

/// Parses SRT `text` read from `fileName` (used only in diagnostics and track.file):
/// blocks of an index line, "hh:mm:ss,mmm --> hh:mm:ss,mmm", and text with <i>, <b>,
/// <u> and <font> tags. Accepts CRLF or CR, a byte-order mark, a missing index, '.' for ',',
/// omitted hours, and a missing blank line between or after blocks; as real files have
/// them, UTF-16 and Windows-1252 text and one- or two-digit milliseconds (each with a
/// warning), and blank lines inside a subtitle's text (it goes on until a line that
/// starts a block: an index and a timing line, or a timing line). A malformed block
/// is reported with its line and skipped; the rest still parses. Cues come back sorted
/// by start.
CaptionTrack parseSrt(std::string_view text, const std::string& fileName, Diagnostics& diagnostics);

}  // namespace vitrine
