#pragma once
// A tool that works on the preview's picture: the preview panel gives it the pointer (in
// canvas pixels) and lets it draw over the picture; it answers with requests the studio
// carries out (select, edit), as every panel does. The select tool (canvas_select_tool.h)
// moves and resizes items; a map scene may route the pointer to a tool of its own.

#include <optional>
#include <string>

#include "canvas_overlay.h"
#include "studio/canvas_drag.h"
#include "studio/canvas_hit.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// The pointer on the picture.
struct CanvasPointer {
    enum class Kind { Press, Move, Release };
    Kind kind = Kind::Press;
    CanvasPoint at;      // canvas px
    bool shift = false;  // keep proportions
    bool alt = false;    // no snapping
};

/// What a tool sees: the document, the playhead, and how many canvas px a screen px is.
struct CanvasContext {
    const StudioDocument& doc;
    Micros t = 0;
    double canvasPerScreenPixel = 1;
};

/// What a tool asks of the studio.
struct CanvasRequest {
    std::optional<int> selectItem;
    bool clearSelection = false;
    std::optional<CanvasEdit> edit;
    bool redraw = false;  // the picture changed (a drag moved)
};

class CanvasTool {
public:
    virtual ~CanvasTool() = default;
    virtual CanvasRequest pointer(const CanvasContext& context, const CanvasPointer& pointer) = 0;
    /// Draws what the tool shows over the picture.
    virtual void drawOverlay(const CanvasContext& context, const CanvasOnScreen& screen) const = 0;
};

}  // namespace vitrine::studio
