#pragma once
// The captions of a show as one flat subtitle track for an export: every cue of every audio
// item's caption file, placed on the show's timeline and cut to the exported range.

#include <string>
#include <vector>

#include "captions/caption_cache.h"
#include "diag/diagnostic.h"
#include "timeline/show.h"

namespace vitrine::output {

/// One subtitle sample: plain text shown over [start, end), times relative to the export's start.
struct SubtitleCue {
    Micros start = 0;
    Micros end = 0;
    std::string text;  // lines joined by '\n'

    bool operator==(const SubtitleCue&) const = default;
};

/// Which of an audio item's caption files: `captions`, or `second-captions` (another
/// language, drawn below the first on screen; in an MP4, a track of its own).
enum class CaptionLayer { First, Second };

/// The cues of every audio item's captions within [from, to): shifted by where the item
/// plays its file, clipped to the item's active time and to the range, and flattened so no
/// two overlap (cues on screen together share one sample, one per line, in document order).
/// Sorted by start. Caption files are read through `files`, so text given to it (the
/// studio's unsaved cue edits) is what an export writes, as its picture draws it. Unreadable
/// caption files are reported to `diagnostics` and skipped.
std::vector<SubtitleCue> subtitleCuesFor(const Show& show, Micros from, Micros to, Diagnostics& diagnostics,
                                         CaptionCache& files, CaptionLayer layer = CaptionLayer::First);

/// The language of a layer's captions as an ISO 639-2 code for a container's track
/// ("arm" for `testimony.hy.vtt`), read from the first such file name. A first-layer file
/// whose name carries no language is in the exhibit's `lang` ("eng" for lang="en"); "und"
/// when nothing tells.
std::string captionLanguage(const Show& show, CaptionLayer layer);

}  // namespace vitrine::output
