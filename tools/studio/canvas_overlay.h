#pragma once
// What is drawn over the preview's picture while editing on it: the selection box and its
// eight handles, the guides a drag has snapped to, the title-safe and action-safe frames,
// and a picture's pan-zoom rectangles. Drawn with ImGui over the picture, in window pixels.

#include <imgui.h>

#include <optional>

#include "studio/canvas_drag.h"

namespace vitrine::studio {

/// Where the canvas is shown: its top-left corner in window pixels and the scale.
struct CanvasOnScreen {
    ImVec2 origin;
    double scale = 1;  // window px per canvas px
    PixelSize canvas;
    ImVec2 at(CanvasPoint p) const {
        return {static_cast<float>(origin.x + p.x * scale), static_cast<float>(origin.y + p.y * scale)};
    }
};

/// Handles are drawn this size (window px); a press this near one grabs it.
constexpr float kHandleSize = 8;
constexpr float kHandleGrab = 7;

void drawSelectionBox(ImDrawList* list, const CanvasOnScreen& screen, const Rect& box, bool handles);
void drawSnapLines(ImDrawList* list, const CanvasOnScreen& screen, const AxisSnap& x, const AxisSnap& y);
void drawSafeAreas(ImDrawList* list, const CanvasOnScreen& screen);
void drawPanZoom(ImDrawList* list, const CanvasOnScreen& screen, const PanZoomShown& shown);

}  // namespace vitrine::studio
