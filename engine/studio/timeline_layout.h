#pragma once
// The timeline as data: named lanes, the chips on them (scenes, their transitions, items,
// a map's markers, labels, routes and flights), where each lies at a zoom, what is under the
// pointer, where a drag snaps, and the time a drop lands at. No window: the timeline panel
// draws this and turns a drag into an edit (studio/timing_edits.h); tests check it directly.

#include <optional>
#include <string>
#include <vector>

#include "studio/element_path.h"
#include "studio/studio_document.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// Sizes of the timeline's rows, in pixels.
inline constexpr float kRulerHeight = 26;
inline constexpr float kSceneLaneHeight = 34;
inline constexpr float kLaneHeight = 26;
inline constexpr float kSoundLaneHeight = 44;  // room for a waveform under the file's name
inline constexpr float kLaneGap = 3;
inline constexpr float kEdgeGrabPixels = 6;   // how near an edge a press trims instead of moving
inline constexpr float kSnapPixels = 8;       // how near a snap target a dragged edge jumps to it

/// Where times lie across the screen: x = left + (seconds - scroll) × pixelsPerSecond.
struct TimelineScale {
    float left = 0;
    float pixelsPerSecond = 100;
    float scrollSeconds = 0;

    float xOf(Micros t) const;
    /// The time at `x`, unclamped.
    Micros timeAt(float x) const;
    /// How many microseconds `pixels` span.
    Micros span(float pixels) const;
};

enum class ChipKind { Scene, Transition, Item, MapChild };

/// A named row of the timeline.
struct Lane {
    std::string name;  // "Scenes", "Text", "Text 2", "Pictures", "Sound", "Map marks"…
    float top = 0;     // relative to the timeline's top
    float height = kLaneHeight;
};

/// One block on a lane.
struct Chip {
    ChipKind kind = ChipKind::Item;
    Selection target;          // the scene or item; for a map child, its map item
    ElementPath element;       // the element a drag edits
    int lane = 0;
    Micros begin = 0, end = 0;
    std::string label;         // a scene's id, a text's first words, a file's name, a marker's label
    ItemKind itemKind = ItemKind::Text;
    bool movable = true;       // its body can be dragged
    bool trimsStart = true;    // its left edge can be dragged
    bool trimsEnd = true;      // its right edge can be dragged
};

/// Every lane and chip of a show, at no zoom in particular.
struct TimelineLayout {
    std::vector<Lane> lanes;
    std::vector<Chip> chips;
    float height = 0;  // of everything below the ruler's top
};

/// Lays out the document's show (its script gives the elements' paths and a map's children).
/// Items are packed onto the fewest lanes of their kind, first fit in time order, so none
/// overlap. With `previous` (the layout before an edit), each chip keeps the lane it was on
/// where it still fits there, so that moving one chip does not reshuffle the others.
TimelineLayout layoutTimeline(const StudioDocument& doc, const TimelineLayout* previous = nullptr);

/// The words a chip shows: the id when there is one, a text's words, a file's name.
std::string itemLabel(const Item& item);

/// A chip's rectangle on screen (x0, y0, x1, y1), with the timeline's top at `top`.
struct ChipRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
ChipRect chipRect(const TimelineLayout& layout, const Chip& chip, const TimelineScale& scale, float top);

/// Which part of a chip the pointer is on.
enum class ChipPart { Body, StartEdge, EndEdge };
struct ChipHit {
    int chip = -1;
    ChipPart part = ChipPart::Body;
};
/// The chip under (x, y), the last drawn (topmost) first, and whether an edge is grabbed;
/// nullopt over empty timeline.
std::optional<ChipHit> hitChip(const TimelineLayout& layout, const TimelineScale& scale, float top, float x, float y);

/// Times a dragged edge snaps to: scene edges, the other chips' starts and ends, the playhead.
std::vector<Micros> snapTargets(const TimelineLayout& layout, int draggedChip, Micros playhead);

/// A time after snapping, and the target it snapped to (where the snap line is drawn).
struct Snapped {
    Micros time = 0;
    std::optional<Micros> line;
};
/// `t` moved to the nearest target within `threshold`, or left as it is.
Snapped snapTime(Micros t, const std::vector<Micros>& targets, Micros threshold);

/// A drag in progress: `grab` is the time under the pointer when it was pressed, `now` the
/// time under it now. The amount the chip's begin (Body, StartEdge) or end (EndEdge) moves:
/// whole steps of `grid` (a frame: a pixel at a small zoom is a ragged 23.7 ms), or exactly
/// onto a target within `threshold` (a moved body snaps by whichever of its edges is nearer
/// one) unless `snapping` is off; and the snap line.
struct DragDelta {
    Micros delta = 0;
    std::optional<Micros> line;
};
DragDelta dragDelta(const Chip& chip, ChipPart part, Micros grab, Micros now, const std::vector<Micros>& targets,
                    Micros threshold, Micros grid, bool snapping);

/// Where something dropped at x lands: the scene there and the time into it. The drop
/// target for media dragged from the bin; nullopt outside every scene.
struct DropPlace {
    int scene = -1;
    Micros offset = 0;  // from the scene's start
    Micros time = 0;    // show time
};
std::optional<DropPlace> dropPlaceAt(const Show& show, const TimelineScale& scale, float x);

/// One row of the cue list: a scene, or one of its items (in the order they start).
struct CueRow {
    int chip = -1;       // into TimelineLayout::chips
    bool scene = false;  // a scene's row; else an item's, under its scene
    Micros start = 0;    // a scene's: show time; an item's: from its scene's start
    Micros length = 0;
};
/// The cue list of a layout: each scene, then its items by start (document order when equal).
std::vector<CueRow> cueList(const Show& show, const TimelineLayout& layout);

/// A caption cue on its sound's (or video's) chip, from the document's caption text: a strip
/// along the chip's foot, dragged as a chip is (its body moves it, its edges trim it).
struct CueChip {
    int chip = -1;           // the sound's chip, into TimelineLayout::chips
    std::string file;        // its caption file
    std::size_t index = 0;   // the cue, in the file's track
    Micros begin = 0, end = 0;  // show time
    Micros offset = 0;       // show time less the sound's own time (begin less clip-in)
};
inline constexpr float kCueHeight = 11;  // the strip's height, at the chip's foot

/// The cues of every captioned sound and video of the layout, in show time (cut to the
/// chip: a cue outside the part of the sound that plays is not drawn).
std::vector<CueChip> cueChips(const StudioDocument& doc, const TimelineLayout& layout);
/// A cue's rectangle on screen.
ChipRect cueRect(const TimelineLayout& layout, const CueChip& cue, const TimelineScale& scale, float top);
/// The cue under (x, y) and which part of it, as hitChip does for chips; nullopt when none.
std::optional<ChipHit> hitCue(const TimelineLayout& layout, const std::vector<CueChip>& cues,
                              const TimelineScale& scale, float top, float x, float y);
/// Times a dragged cue's edge snaps to: what a chip's snaps to (snapTargets), and the other
/// cues' edges.
std::vector<Micros> cueSnapTargets(const TimelineLayout& layout, const std::vector<CueChip>& cues, int draggedCue,
                                   Micros playhead);
/// The cue as a chip, for dragDelta.
Chip asChip(const CueChip& cue);

/// The chip of a scene or item, or nullptr.
const Chip* chipOf(const TimelineLayout& layout, const Selection& target);

}  // namespace vitrine::studio
