#pragma once
// Caption cues retimed in the text of their file: the studio's one way of changing when a
// cue shows, used by a drag on the timeline, the script's move-cue and trim-cue actions and
// the caption tapper. Only the two timestamps of a cue's timing line change, each written
// in the file's own form ("00:01.000" stays without hours, an SRT keeps its comma), so the
// cue's text, settings and every other byte of the file are kept.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "base/error.h"
#include "captions/caption_track.h"
#include "diag/diagnostic.h"
#include "studio/text_edit.h"

namespace vitrine::studio {

/// The caption file `file`'s text parsed as the player parses it (WebVTT or SRT, by its
/// extension, else sniffed). Cues in track order: a cue's index in it names the cue.
CaptionTrack parseCaptionText(std::string_view text, const std::string& file, Diagnostics& diagnostics);

/// `t` as a cue timestamp in the form of `written` (another timestamp of the same file):
/// hours only when `written` has them (with as many digits) or `t` needs them, and its
/// separator before the milliseconds ('.' or SRT's ',').
std::string formatCueTimestampLike(std::string_view written, Micros t);

/// The edit of `text` that gives `cue` (read from that text: its `where` is its timing line)
/// the times `start` and `end`, in the form the line has. An error when the line is not
/// there or is not a timing line.
Result<TextEdit> cueTimingEdit(std::string_view text, const CaptionCue& cue, Micros start, Micros end);

/// A cue as an edit finds it again: its index in the track, and the times it had when the
/// edit was made (so an edit made again after another program changed the file only moves
/// the cue if it is still the same one).
struct CueRef {
    std::size_t index = 0;
    Micros start = 0;
    Micros end = 0;
};

/// How to make an edit on a caption file's text: the characters to change, or why not.
using CaptionRecipe = std::function<Result<TextEdit>(std::string_view text)>;

/// The recipe that moves the cue `cue` of `file` to `start`..`end`.
CaptionRecipe cueTimingRecipe(std::string file, CueRef cue, Micros start, Micros end);

/// What a change of a cue's times does.
enum class CueDrag {
    Move,       // start and end together
    TrimStart,  // the start only
    TrimEnd,    // the end only
};

/// The times cue `index` of `track` may have: from the end of the cue before it (or 0) to
/// the start of the one after it (or `soundEnd`, the end of the sound it captions). A cue is
/// never dragged over its neighbours, so the order of the file never changes silently.
struct CueLimits {
    Micros earliest = 0;
    Micros latest = 0;
};
CueLimits cueLimits(const CaptionTrack& track, std::size_t index, Micros soundEnd);

/// The new start and end of `cue` after `drag` by `delta`, clamped into `limits`: a move
/// keeps the cue's length, a trim leaves at least kShortestCaption (the caption tapper's
/// shortest line) on screen, or the cue's own length when it is shorter already.
std::pair<Micros, Micros> draggedCue(const CaptionCue& cue, CueDrag drag, Micros delta, const CueLimits& limits);

}  // namespace vitrine::studio
