#pragma once
// The studio's timeline: a ruler, the scenes as blocks with their ids, the items on tracks
// under them, and the playhead. Clicking or dragging scrubs; clicking a block selects it;
// dragging a block's right edge proposes a new duration. It changes nothing itself: it
// returns what the designer asked for, and the studio applies it as a command.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "studio/studio_document.h"

namespace vitrine::studio {

/// What the designer did on the timeline this frame.
struct TimelineRequest {
    std::optional<Micros> seek;
    std::optional<Selection> select;
    std::optional<std::pair<Selection, Micros>> resize;  // block and its new duration
    bool contextMenu = false;  // right-click: the commands for what is selected (`select`)
    std::optional<std::pair<std::string, Micros>> dropMedia;  // a file from the media bin, and the time it was let go at
};

/// Draws the timeline inside the current ImGui window and reads the mouse over it.
class TimelinePanel {
public:
    /// Draws `doc`'s show with the playhead at `t`.
    TimelineRequest draw(const StudioDocument& doc, Micros t);

private:
    void layoutTracks(const Show& show);

    int laidOutGeneration_ = -1;
    std::vector<int> trackOf_;  // by item index
    int trackCount_ = 0;
    float pixelsPerSecond_ = 0;  // 0 = fit the show to the width
    float scrollSeconds_ = 0;
    enum class Drag { None, Scrub, Resize };
    Drag drag_ = Drag::None;
    Selection dragTarget_;
    Micros dragBegin_ = 0;     // the dragged block's start
    Micros dragDuration_ = 0;  // its duration under the mouse
};

}  // namespace vitrine::studio
