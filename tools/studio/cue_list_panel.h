#pragma once
// The cue list: the show as a list, as QLab shows it: each scene, then its items in the
// order they start, with start and length. A click selects a row and moves the playhead to
// it; start and length are edited in place (Enter applies), each change one edit as the
// same drag on the timeline would make it.

#include <optional>
#include <string>
#include <vector>

#include "timeline_panel.h"

namespace vitrine::studio {

/// What the designer did in the cue list this frame.
struct CueListRequest {
    std::optional<Selection> select;
    std::optional<Micros> seek;
    std::optional<ChipDragRequest> edit;  // a start or length typed in, as the drag that makes it
    std::optional<std::string> problem;   // what was typed is not a time
};

/// Draws the cue list of `layout` (the timeline's) inside a panel at (x, y), w × h.
CueListRequest drawCueList(const StudioDocument& doc, const TimelineLayout& layout, float x, float y, float w, float h);

}  // namespace vitrine::studio
