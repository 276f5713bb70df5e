#pragma once
// The values a drag on the timeline writes. A chip moved, trimmed at either edge or nudged
// by frames changes begin, dur, end or in by one amount, each written in the form the
// designer used ("2s" stays seconds, "2500ms" milliseconds, "0:02.5" a clock), and a
// syncbase such as "intro.end+1s" keeps its base while its offset changes. The recipes are
// pure functions of the text and its script, made through StudioDocument::edit.

#include <string>
#include <string_view>

#include "base/error.h"
#include "base/time_value.h"
#include "studio/element_path.h"
#include "studio/studio_document.h"
#include "studio/timeline_layout.h"

namespace vitrine::studio {

/// `value` written in the form of `like`, a time as the designer wrote it: the same unit
/// ("ms", "s", "min", "h", a bare number of seconds, or a clock "m:ss"); the shortest clear
/// form when `like` is empty or says nothing of a unit.
std::string formatTimeLike(std::string_view like, Micros value);

/// `written` (a begin, dur, end or in value) moved by `delta`, in the same form. A syncbase
/// ("intro.end+1s", "intro.end") keeps its base and changes its offset. An error saying why
/// when `written` is neither.
Result<std::string> shiftTimeValue(std::string_view written, Micros delta);

/// What a drag on a chip changes.
enum class TimingDrag {
    Move,       // the body: begin, and end when written, by delta (never before the parent's start)
    TrimStart,  // the left edge: begin by delta, dur by -delta when written; media also start
                // later in the file (`in` by delta)
    TrimEnd,    // the right edge: dur by delta, or end when that is written instead
};

/// The recipe that makes `drag` by `delta` on the element at `path`. `length` is how long
/// the element lasts now: what TrimEnd writes as dur when neither dur nor end is written.
EditRecipe timingRecipe(ElementPath path, TimingDrag drag, Micros delta, Micros length);

/// The recipe that lengthens the transition a scene's `transition` attribute writes
/// ("fade 1.5s") by `delta`, its kind and unit kept.
EditRecipe transitionLengthRecipe(ElementPath scene, Micros delta);

/// Makes the edit that dragging `part` of `chip` by `delta` asks for on `doc`: an item's or a
/// map child's begin or length, a scene's length, a transition's length. One undoable
/// command; an error message saying why not (nothing changed), or nullopt.
std::optional<Error> dragChip(StudioDocument& doc, const Chip& chip, ChipPart part, Micros delta);

/// What dragging `part` of a caption cue does: its body moves it, an edge trims it.
CueDrag cueDragOf(ChipPart part);

/// The cue as dragging `part` by `delta` leaves it: moved or trimmed, clamped between its
/// neighbours, 0 and its sound's end as StudioDocument::dragCue clamps it (what the timeline
/// draws while the pointer is down).
CueChip draggedCueChip(const StudioDocument& doc, const CueChip& cue, ChipPart part, Micros delta);

/// Makes the edit that dragging `part` of caption cue `cue` by `delta` asks for on `doc`, as
/// one undoable command of its caption file; an error saying why not, or nullopt.
std::optional<Error> dragCueChip(StudioDocument& doc, const CueChip& cue, ChipPart part, Micros delta);

}  // namespace vitrine::studio
