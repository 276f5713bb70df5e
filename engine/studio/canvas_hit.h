#pragma once
// What is on the canvas at an instant, as the renderer draws it: each visible item's box
// taken from the frame evaluate() gives (the display list the renderer draws, with the
// layer's slide offset and the item's scale and rotation about its centre), and which of
// them a click lands on.

#include <optional>
#include <vector>

#include "timeline/frame.h"
#include "timeline/show.h"
#include "studio/canvas_point.h"

namespace vitrine::studio {


/// An item drawn at an instant.
struct CanvasItem {
    int item = -1;          // index into Show::items
    Rect box;               // canvas px: the frame's box, moved by its layer's offset and scaled about its centre
    double rotation = 0;    // degrees, clockwise, about the box centre
};

/// The items `frame` draws, back to front, leaving out sounds and what is fully transparent
/// (an item faded to 0, or in a layer at 0 opacity): what a designer can see and click.
std::vector<CanvasItem> visibleItems(const Show& show, const Frame& frame);

/// True when `p` is inside `c`'s drawn box (its rotation considered).
bool contains(const CanvasItem& c, CanvasPoint p);

/// The topmost of `items` (back to front) under `p`, or nullopt when none is.
std::optional<int> topmostItemAt(const std::vector<CanvasItem>& items, CanvasPoint p);

/// The drawn box of `item` among `items`, or nullopt when it is not on screen.
std::optional<CanvasItem> findVisible(const std::vector<CanvasItem>& items, int item);

}  // namespace vitrine::studio
