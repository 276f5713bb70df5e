#pragma once
// The preview's select tool, as in a slide editor: a press selects the topmost item under
// the pointer and drags it; the eight handles of the selection resize it (Shift keeps its
// proportions); a drag snaps to the guides (Alt drags freely), the line it snapped to
// drawn; a picture's pan-zoom rectangles are dragged when they are shown. Dragging draws
// the item where the pointer has it without touching the document; the release is one edit.

#include <optional>

#include "canvas_tool.h"
#include "studio/canvas_guides.h"

namespace vitrine::studio {

class CanvasSelectTool : public CanvasTool {
public:
    CanvasRequest pointer(const CanvasContext& context, const CanvasPointer& pointer) override;
    void drawOverlay(const CanvasContext& context, const CanvasOnScreen& screen) const override;

    /// `frame` with the item being dragged where the pointer has it.
    void applyPreview(Frame& frame) const;
    bool dragging() const { return drag_.has_value(); }

    bool showSafeAreas = false;  // the title-safe overlay
    bool editPanZoom = false;    // a selected picture's pan-zoom rectangles shown and dragged

private:
    std::optional<CanvasDrag> drag_;
    SnapGuides guides_;  // of the frame at the press
};

/// The item selected, or -1.
int selectedItem(const StudioDocument& doc);

}  // namespace vitrine::studio
