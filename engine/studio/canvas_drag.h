#pragma once
// A gesture on the canvas, as data: what a press grabs (a handle of the selected item's
// box, a pan-zoom rectangle of a selected picture, or the topmost item under the pointer),
// where the dragged box is as the pointer moves (snapped to the guides unless Alt is held),
// and the one edit the release makes. While dragging, the document is not touched: the
// frame the renderer draws is given the dragged box instead (applyDrag), so the preview
// follows the pointer for the cost of one frame, and the release is one undoable edit.

#include <optional>
#include <string>
#include <vector>

#include "studio/canvas_edits.h"
#include "studio/canvas_guides.h"
#include "studio/canvas_hit.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// Something held by the pointer.
struct CanvasDrag {
    enum class Kind { Move, Resize, PanZoom };
    Kind kind = Kind::Move;
    int item = -1;
    std::optional<Handle> handle;  // Resize; PanZoom when a corner or edge of the rectangle is held
    PanZoomEnd end = PanZoomEnd::Start;  // PanZoom
    CanvasPoint from;  // where the press was
    Rect drawnStart;   // the item's box as drawn at the press (what the guides are matched against)
    Rect start;        // what the gesture changes, at the press: the layout box, or the pan-zoom rectangle on the canvas
    Rect now;          // the same, as the pointer has it now
    AxisSnap snapX, snapY;  // the guides it is snapped to now, to draw
    bool moved = false;
};

/// What a press does: select an item (or clear the selection), and maybe start a drag.
struct CanvasPress {
    std::optional<int> select;  // the item to select
    bool clearSelection = false;
    std::optional<CanvasDrag> drag;
};

/// The pan-zoom rectangles of a picture, shown over its drawn box (which stands for the
/// whole picture): nullopt unless `item` is an <image> with a pan-zoom.
struct PanZoomShown {
    Rect start, end;
};
std::optional<PanZoomShown> panZoomShown(const Show& show, const CanvasItem& drawn);

/// What a press at `p` grabs. `selected` is the selected item (-1 for none); `grab` is how
/// near a handle the press must be, canvas px; `editPanZoom` says the pan-zoom rectangles
/// of a selected picture are being edited.
CanvasPress pressCanvas(const Show& show, const std::vector<CanvasItem>& visible, int selected, CanvasPoint p,
                        double grab, bool editPanZoom);

/// How the pointer drags.
struct DragOptions {
    bool keepProportions = false;  // Shift
    bool snap = true;              // not while Alt is held
    double threshold = 8;          // canvas px within which a line snaps to a guide
};

/// Follows the pointer to `p`.
void dragTo(CanvasDrag& drag, CanvasPoint p, const SnapGuides& guides, const DragOptions& options);

/// The drawn box of the dragged item now (its box at the press, changed as the drag changed it).
Rect drawnNow(const CanvasDrag& drag);

/// `frame` with the dragged item drawn where the drag has it (moves and resizes).
void applyDrag(const CanvasDrag& drag, Frame& frame);

/// An edit to make, described for the status line and the undo menu.
struct CanvasEdit {
    std::string description;
    EditRecipe recipe;
};

/// The edit a release makes, or nullopt when nothing moved.
std::optional<CanvasEdit> releaseEdit(const CanvasDrag& drag, const StudioDocument& doc);

/// The edit that moves `item` by (dx, dy) canvas px (the arrow keys).
std::optional<CanvasEdit> nudgeEdit(const StudioDocument& doc, int item, double dx, double dy);

}  // namespace vitrine::studio
