#include "studio/canvas_drag.h"

#include <cmath>

namespace vitrine::studio {

std::optional<PanZoomShown> panZoomShown(const Show& show, const CanvasItem& drawn) {
    const Item& item = show.items[static_cast<std::size_t>(drawn.item)];
    if (item.kind != ItemKind::Image || !item.hasPanZoom) return std::nullopt;
    return PanZoomShown{panZoomOnCanvas(item.panFrom, drawn.box), panZoomOnCanvas(item.panTo, drawn.box)};
}

namespace {

bool inside(const Rect& r, CanvasPoint p) {
    return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

CanvasDrag startDrag(CanvasDrag::Kind kind, const CanvasItem& drawn, const Rect& start, CanvasPoint p) {
    CanvasDrag d;
    d.kind = kind;
    d.item = drawn.item;
    d.from = p;
    d.drawnStart = drawn.box;
    d.start = d.now = start;
    return d;
}

std::optional<CanvasDrag> grabPanZoom(const PanZoomShown& shown, const CanvasItem& drawn, CanvasPoint p, double grab) {
    // A handle of either rectangle first (the end's when both are under the pointer, as it is
    // drawn over the start), then the smaller rectangle under the pointer.
    const std::pair<PanZoomEnd, Rect> ends[] = {{PanZoomEnd::End, shown.end}, {PanZoomEnd::Start, shown.start}};
    for (const auto& [end, rect] : ends)
        if (auto handle = handleAt(rect, p, grab)) {
            CanvasDrag d = startDrag(CanvasDrag::Kind::PanZoom, drawn, rect, p);
            d.end = end;
            d.handle = handle;
            return d;
        }
    const auto& smaller = shown.end.width * shown.end.height <= shown.start.width * shown.start.height ? ends[0] : ends[1];
    const auto& larger = &smaller == &ends[0] ? ends[1] : ends[0];
    for (const auto* candidate : {&smaller, &larger})
        if (inside(candidate->second, p)) {
            CanvasDrag d = startDrag(CanvasDrag::Kind::PanZoom, drawn, candidate->second, p);
            d.end = candidate->first;
            return d;
        }
    return std::nullopt;
}

}  // namespace

CanvasPress pressCanvas(const Show& show, const std::vector<CanvasItem>& visible, int selected, CanvasPoint p,
                        double grab, bool editPanZoom) {
    CanvasPress press;
    if (auto drawn = findVisible(visible, selected)) {
        const Item& item = show.items[static_cast<std::size_t>(selected)];
        if (editPanZoom)
            if (auto shown = panZoomShown(show, *drawn))
                if (auto d = grabPanZoom(*shown, *drawn, p, grab)) {
                    press.drag = d;
                    return press;
                }
        if (auto handle = handleAt(drawn->box, p, grab)) {
            press.drag = startDrag(CanvasDrag::Kind::Resize, *drawn, item.box, p);
            press.drag->handle = handle;
            return press;
        }
    }
    auto hit = topmostItemAt(visible, p);
    if (!hit) {
        press.clearSelection = true;
        return press;
    }
    press.select = *hit;
    press.drag = startDrag(CanvasDrag::Kind::Move, *findVisible(visible, *hit), show.items[static_cast<std::size_t>(*hit)].box, p);
    return press;
}

namespace {

// The lines of `r` on each axis that snap: all three for a move, the held side for a resize.
std::vector<double> xLines(const Rect& r, std::optional<Handle> handle) {
    if (!handle) return {r.x, r.x + r.width / 2, r.x + r.width};
    const AnchorPoint a = parseAnchor(handleName(*handle));
    if (a.x == 0) return {r.x};
    if (a.x == 1) return {r.x + r.width};
    return {};
}

std::vector<double> yLines(const Rect& r, std::optional<Handle> handle) {
    if (!handle) return {r.y, r.y + r.height / 2, r.y + r.height};
    const AnchorPoint a = parseAnchor(handleName(*handle));
    if (a.y == 0) return {r.y};
    if (a.y == 1) return {r.y + r.height};
    return {};
}

// `start` changed as the pointer moved by (dx, dy).
Rect changed(const CanvasDrag& drag, double dx, double dy, bool keepProportions) {
    if (!drag.handle) return {drag.start.x + dx, drag.start.y + dy, drag.start.width, drag.start.height};
    return resizedBox(drag.start, *drag.handle, dx, dy, keepProportions);
}

// The change from `start` to `now`, applied to `r`.
Rect carried(const CanvasDrag& drag, const Rect& r) {
    return {r.x + drag.now.x - drag.start.x, r.y + drag.now.y - drag.start.y, r.width + drag.now.width - drag.start.width,
            r.height + drag.now.height - drag.start.height};
}

}  // namespace

void dragTo(CanvasDrag& drag, CanvasPoint p, const SnapGuides& guides, const DragOptions& options) {
    double dx = p.x - drag.from.x, dy = p.y - drag.from.y;
    if (dx != 0 || dy != 0) drag.moved = true;
    drag.now = changed(drag, dx, dy, options.keepProportions);
    drag.snapX = drag.snapY = {};
    if (options.snap) {
        // Matched as drawn (the guides are what the designer sees). Whichever side a handle
        // holds, moving the pointer by the shift moves that side by it.
        const Rect seen = drag.kind == CanvasDrag::Kind::PanZoom ? drag.now : carried(drag, drag.drawnStart);
        drag.snapX = snapAxis(xLines(seen, drag.handle), guides.xs, options.threshold);
        drag.snapY = snapAxis(yLines(seen, drag.handle), guides.ys, options.threshold);
        dx += drag.snapX.shift;
        dy += drag.snapY.shift;
        drag.now = changed(drag, dx, dy, options.keepProportions);
    }
}

Rect drawnNow(const CanvasDrag& drag) { return carried(drag, drag.drawnStart); }

void applyDrag(const CanvasDrag& drag, Frame& frame) {
    if (drag.kind == CanvasDrag::Kind::PanZoom || !drag.moved) return;
    for (Layer& layer : frame.layers)
        for (DrawItem& d : layer.draws)
            if (d.item == drag.item) d.box = carried(drag, d.box);
}

namespace {

std::string described(const StudioDocument& doc, int item, const std::string& what) {
    const ScriptNode* node = doc.nodeOf({Selection::Kind::Item, item});
    return what + " <" + (node ? std::string(node->name) : "item") + ">" +
           (node ? " at line " + std::to_string(node->where.line) : "");
}

}  // namespace

std::optional<CanvasEdit> releaseEdit(const CanvasDrag& drag, const StudioDocument& doc) {
    if (!drag.moved || !doc.show()) return std::nullopt;
    auto path = doc.pathOf({Selection::Kind::Item, drag.item});
    if (!path) return std::nullopt;
    const Item& item = doc.show()->items[static_cast<std::size_t>(drag.item)];
    switch (drag.kind) {
        case CanvasDrag::Kind::Move:
            return CanvasEdit{described(doc, drag.item, "Moved"), placeRecipe(*path, item.area, drag.now, false)};
        case CanvasDrag::Kind::Resize:
            return CanvasEdit{described(doc, drag.item, "Resized"), placeRecipe(*path, item.area, drag.now, true)};
        case CanvasDrag::Kind::PanZoom: {
            const std::string end = drag.end == PanZoomEnd::Start ? "start" : "end";
            return CanvasEdit{described(doc, drag.item, "Pan-zoom " + end + " of"),
                              panZoomRecipe(*path, drag.end, panZoomFromCanvas(drag.now, drag.drawnStart))};
        }
    }
    return std::nullopt;
}

std::optional<CanvasEdit> nudgeEdit(const StudioDocument& doc, int item, double dx, double dy) {
    if (!doc.show() || item < 0 || item >= static_cast<int>(doc.show()->items.size())) return std::nullopt;
    auto path = doc.pathOf({Selection::Kind::Item, item});
    if (!path) return std::nullopt;
    const Item& it = doc.show()->items[static_cast<std::size_t>(item)];
    const Rect box{it.box.x + dx, it.box.y + dy, it.box.width, it.box.height};
    return CanvasEdit{described(doc, item, "Nudged"), placeRecipe(*path, it.area, box, false)};
}

}  // namespace vitrine::studio
