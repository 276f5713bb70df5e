#pragma once
// The studio's timeline: a ruler, named lanes (scenes with their transitions, then text,
// pictures, video, sound with its waveform and caption cues, maps and their markers, labels,
// routes and flights), and the playhead. Clicking or dragging empty space scrubs; clicking a
// chip selects it; dragging its body moves it, either edge trims it, snapping to scene
// edges, other chips and the playhead (Alt: no snapping). It changes nothing itself: it
// returns what the designer asked for, and the studio applies it as one edit on release.
// The layout, hit testing and snapping are data (studio/timeline_layout.h).

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "studio/studio_document.h"
#include "captions/caption_cache.h"
#include "studio/timeline_layout.h"
#include "studio/waveform.h"

namespace vitrine::studio {

/// A chip dragged and let go.
struct ChipDragRequest {
    Chip chip;
    ChipPart part = ChipPart::Body;
    Micros delta = 0;
};

/// What the designer did on the timeline this frame.
struct TimelineRequest {
    std::optional<Micros> seek;
    std::optional<Selection> select;
    std::optional<ChipDragRequest> drag;
    bool toggleCueList = false;  // the "Cue list" button in the corner
    bool contextMenu = false;    // right-click: the commands for what is selected (`select`)
    std::optional<std::pair<std::string, Micros>> dropMedia;  // a file from the media bin, and the show time it was let go at
};

/// Draws the timeline inside the current ImGui window and reads the mouse over it.
class TimelinePanel {
public:
    /// Draws `doc`'s show with the playhead at `t`; `cueListShown` lights the cue list's button.
    /// Caption cues are looked up in `captionFiles` (the preview's cache of caption files;
    /// none before the preview has one).
    TimelineRequest draw(const StudioDocument& doc, Micros t, bool cueListShown, CaptionCache* captionFiles);

    /// The lanes and chips as last drawn (the cue list lists them too).
    const TimelineLayout& layout() const { return layout_; }

    /// Where something dropped at screen x (as the last frame drew) lands: the scene and
    /// the time into it. For media dragged onto the timeline; nullopt outside every scene.
    std::optional<DropPlace> dropPlaceAt(const Show& show, float x) const { return studio::dropPlaceAt(show, scale_, x); }

private:
    void relayout(const StudioDocument& doc, CaptionCache* captionFiles);
    void drawChip(const Chip& chip, const ChipRect& r, bool selected, const Show& show);
    void drawCaptionCues(const Item& item, const ChipRect& r);

    int laidOutGeneration_ = -1;
    TimelineLayout layout_;
    TimelineScale scale_;
    float pixelsPerSecond_ = 0;  // 0 = fit the show to the width
    float scrollSeconds_ = 0;
    WaveformCache waveforms_;
    std::map<std::string, std::shared_ptr<const CaptionFile>> captions_;  // by file, looked up per layout

    enum class Drag { None, Scrub, Pending, Chip };
    Drag drag_ = Drag::None;
    int dragChip_ = -1;
    ChipPart dragPart_ = ChipPart::Body;
    float pressX_ = 0;
    Micros grab_ = 0;   // the time under the pointer when pressed
    DragDelta dragDelta_;
};

}  // namespace vitrine::studio
