#include "canvas_select_tool.h"

#include "timeline/evaluate.h"

namespace vitrine::studio {

namespace {

// Within this many window pixels of a guide, a dragged line snaps to it.
constexpr double kSnapPixels = 8;

std::vector<CanvasItem> visibleAt(const CanvasContext& c) { return visibleItems(*c.doc.show(), evaluate(*c.doc.show(), c.t)); }

}  // namespace

int selectedItem(const StudioDocument& doc) {
    return doc.selection().kind == Selection::Kind::Item ? doc.selection().index : -1;
}

CanvasRequest CanvasSelectTool::pointer(const CanvasContext& c, const CanvasPointer& p) {
    CanvasRequest request;
    if (!c.doc.show()) return request;
    const DragOptions options{p.shift, !p.alt, kSnapPixels * c.canvasPerScreenPixel};
    switch (p.kind) {
        case CanvasPointer::Kind::Press: {
            const auto visible = visibleAt(c);
            CanvasPress press = pressCanvas(*c.doc.show(), visible, selectedItem(c.doc), p.at,
                                            kHandleGrab * c.canvasPerScreenPixel, editPanZoom);
            request.selectItem = press.select;
            request.clearSelection = press.clearSelection;
            drag_ = press.drag;
            if (drag_) guides_ = snapGuides(c.doc.show()->canvas, regionsInUse(*c.doc.show()), visible, drag_->item);
            break;
        }
        case CanvasPointer::Kind::Move:
            if (!drag_) break;
            dragTo(*drag_, p.at, guides_, options);
            request.redraw = drag_->moved;
            break;
        case CanvasPointer::Kind::Release:
            if (!drag_) break;
            dragTo(*drag_, p.at, guides_, options);
            request.edit = releaseEdit(*drag_, c.doc);
            request.redraw = drag_->moved;
            drag_.reset();
            break;
    }
    return request;
}

void CanvasSelectTool::applyPreview(Frame& frame) const {
    if (drag_) applyDrag(*drag_, frame);
}

void CanvasSelectTool::drawOverlay(const CanvasContext& c, const CanvasOnScreen& screen) const {
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (showSafeAreas) drawSafeAreas(list, screen);
    if (!c.doc.show()) return;
    const auto drawn = findVisible(visibleAt(c), selectedItem(c.doc));
    if (!drawn) return;
    const bool dragged = drag_ && drag_->item == drawn->item;
    std::optional<PanZoomShown> shown = editPanZoom ? panZoomShown(*c.doc.show(), *drawn) : std::nullopt;
    if (shown && dragged && drag_->kind == CanvasDrag::Kind::PanZoom)
        (drag_->end == PanZoomEnd::Start ? shown->start : shown->end) = drag_->now;
    const Rect box = dragged && drag_->kind != CanvasDrag::Kind::PanZoom ? drawnNow(*drag_) : drawn->box;
    drawSelectionBox(list, screen, box, !shown);
    if (shown) drawPanZoom(list, screen, *shown);
    if (dragged && drag_->moved) drawSnapLines(list, screen, drag_->snapX, drag_->snapY);
}

}  // namespace vitrine::studio
