#pragma once
// Parses WebVTT caption text (W3C WebVTT) into a CaptionTrack, reporting problems as values.

#include <string>
#include <string_view>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"

namespace vitrine {

/// Whether `text` (after an optional byte-order mark) starts with the "WEBVTT" signature.
bool hasWebVttSignature(std::string_view text);

/// Parses WebVTT `text` read from `fileName` (used only in diagnostics and track.file).
/// A missing "WEBVTT" first line is one error at line 1 and an empty track. A malformed
/// cue (bad timing line, end before start, a block that is not a cue) is reported with
/// its line and column and skipped; the rest of the file still parses. NOTE, STYLE and
/// REGION blocks are skipped. Unknown or invalid cue settings are warned about and ignored.
/// As the spec's decoder does, NUL and bytes that are not UTF-8 become U+FFFD (with a
/// warning at the first); a UTF-16 file is one error.
/// Cues come back sorted by start; overlapping cues are kept.
CaptionTrack parseWebVtt(std::string_view text, const std::string& fileName, Diagnostics& diagnostics);

}  // namespace vitrine
