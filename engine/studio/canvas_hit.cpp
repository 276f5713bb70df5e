#include "studio/canvas_hit.h"

#include <cmath>
#include <numbers>

namespace vitrine::studio {

std::vector<CanvasItem> visibleItems(const Show& show, const Frame& frame) {
    std::vector<CanvasItem> out;
    for (const Layer& layer : frame.layers) {
        if (layer.opacity <= 0) continue;
        for (const DrawItem& d : layer.draws) {
            if (d.opacity <= 0 || d.item < 0 || show.items[static_cast<std::size_t>(d.item)].kind == ItemKind::Audio)
                continue;
            // The renderer scales about the box centre, then the layer is drawn at its offset.
            const double cx = d.box.x + d.box.width / 2 + layer.offsetX;
            const double cy = d.box.y + d.box.height / 2 + layer.offsetY;
            const double w = d.box.width * d.scale, h = d.box.height * d.scale;
            out.push_back({d.item, Rect{cx - w / 2, cy - h / 2, w, h}, d.rotation});
        }
    }
    return out;
}

bool contains(const CanvasItem& c, CanvasPoint p) {
    double x = p.x, y = p.y;
    if (c.rotation != 0) {
        // Turn the point back about the centre, so the test is against the unrotated box.
        const double cx = c.box.x + c.box.width / 2, cy = c.box.y + c.box.height / 2;
        const double a = -c.rotation * std::numbers::pi / 180;
        const double dx = x - cx, dy = y - cy;
        x = cx + dx * std::cos(a) - dy * std::sin(a);
        y = cy + dx * std::sin(a) + dy * std::cos(a);
    }
    return x >= c.box.x && x < c.box.x + c.box.width && y >= c.box.y && y < c.box.y + c.box.height;
}

std::optional<int> topmostItemAt(const std::vector<CanvasItem>& items, CanvasPoint p) {
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        if (contains(*it, p)) return it->item;
    return std::nullopt;
}

std::optional<CanvasItem> findVisible(const std::vector<CanvasItem>& items, int item) {
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        if (it->item == item) return *it;
    return std::nullopt;
}

}  // namespace vitrine::studio
