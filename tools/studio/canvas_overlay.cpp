#include "canvas_overlay.h"

#include "studio/canvas_guides.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {

const ImU32 kSelection = theme::kAccent;
const ImU32 kSnapLine = IM_COL32(236, 84, 170, 255);  // magenta, as layout tools draw smart guides
const ImU32 kTitleSafe = IM_COL32(120, 200, 230, 150);
const ImU32 kActionSafe = IM_COL32(120, 200, 230, 80);
const ImU32 kPanStart = IM_COL32(110, 200, 120, 255);
const ImU32 kPanEnd = IM_COL32(240, 150, 70, 255);

void outline(ImDrawList* list, const CanvasOnScreen& s, const Rect& r, ImU32 colour, float thickness) {
    list->AddRect(s.at({r.x, r.y}), s.at({r.x + r.width, r.y + r.height}), colour, 0, 0, thickness);
}

void handles(ImDrawList* list, const CanvasOnScreen& s, const Rect& r, ImU32 colour) {
    for (Handle h : allHandles()) {
        const ImVec2 c = s.at(handlePoint(r, h));
        const float half = kHandleSize / 2;
        list->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), IM_COL32(250, 250, 250, 255));
        list->AddRect(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), colour, 0, 0, 1.5f);
    }
}

void label(ImDrawList* list, ImVec2 at, ImU32 colour, const char* text) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    list->AddRectFilled(ImVec2(at.x, at.y), ImVec2(at.x + size.x + 10, at.y + size.y + 4), IM_COL32(20, 22, 26, 210), 3);
    list->AddText(ImVec2(at.x + 5, at.y + 2), colour, text);
}

}  // namespace

void drawSelectionBox(ImDrawList* list, const CanvasOnScreen& screen, const Rect& box, bool withHandles) {
    outline(list, screen, box, kSelection, 1.5f);
    if (withHandles) handles(list, screen, box, kSelection);
}

void drawSnapLines(ImDrawList* list, const CanvasOnScreen& screen, const AxisSnap& x, const AxisSnap& y) {
    const double w = screen.canvas.width, h = screen.canvas.height;
    if (x.guide) list->AddLine(screen.at({*x.guide, 0}), screen.at({*x.guide, h}), kSnapLine, 1.0f);
    if (y.guide) list->AddLine(screen.at({0, *y.guide}), screen.at({w, *y.guide}), kSnapLine, 1.0f);
}

void drawSafeAreas(ImDrawList* list, const CanvasOnScreen& screen) {
    const Rect action = safeArea(screen.canvas, kActionSafeShare);
    const Rect title = safeArea(screen.canvas, kTitleSafeShare);
    outline(list, screen, action, kActionSafe, 1.0f);
    outline(list, screen, title, kTitleSafe, 1.0f);
    label(list, screen.at({title.x, title.y}), kTitleSafe, "title safe 80%");
    label(list, screen.at({action.x, action.y}), kActionSafe, "action safe 90%");
}

void drawPanZoom(ImDrawList* list, const CanvasOnScreen& screen, const PanZoomShown& shown) {
    outline(list, screen, shown.start, kPanStart, 2.0f);
    handles(list, screen, shown.start, kPanStart);
    outline(list, screen, shown.end, kPanEnd, 2.0f);
    handles(list, screen, shown.end, kPanEnd);
    label(list, screen.at({shown.start.x, shown.start.y}), kPanStart, "pan-zoom start");
    ImVec2 endAt = screen.at({shown.end.x, shown.end.y + shown.end.height});
    label(list, ImVec2(endAt.x, endAt.y - ImGui::GetTextLineHeight() - 6), kPanEnd, "pan-zoom end");
}

}  // namespace vitrine::studio
