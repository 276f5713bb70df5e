#include "studio/canvas_guides.h"

#include <algorithm>
#include <cmath>

namespace vitrine::studio {

namespace {

void addEdgesAndCentre(SnapGuides& g, const Rect& r) {
    g.xs.insert(g.xs.end(), {r.x, r.x + r.width / 2, r.x + r.width});
    g.ys.insert(g.ys.end(), {r.y, r.y + r.height / 2, r.y + r.height});
}

}  // namespace

SnapGuides snapGuides(PixelSize canvas, const std::vector<Rect>& regions, const std::vector<CanvasItem>& visible,
                      int moving) {
    SnapGuides g;
    const double w = canvas.width, h = canvas.height;
    addEdgesAndCentre(g, {0, 0, w, h});
    g.xs.insert(g.xs.end(), {w / 3, 2 * w / 3});
    g.ys.insert(g.ys.end(), {h / 3, 2 * h / 3});
    for (double share : {kActionSafeShare, kTitleSafeShare}) {
        const Rect safe = safeArea(canvas, share);
        g.xs.insert(g.xs.end(), {safe.x, safe.x + safe.width});
        g.ys.insert(g.ys.end(), {safe.y, safe.y + safe.height});
    }
    for (const Rect& region : regions) addEdgesAndCentre(g, region);
    for (const CanvasItem& c : visible)
        if (c.item != moving) addEdgesAndCentre(g, c.box);
    return g;
}

std::vector<Rect> regionsInUse(const Show& show) {
    const Rect canvas{0, 0, static_cast<double>(show.canvas.width), static_cast<double>(show.canvas.height)};
    std::vector<Rect> out;
    for (const Item& item : show.items)
        if (item.area != canvas && item.area.width > 0 && std::find(out.begin(), out.end(), item.area) == out.end())
            out.push_back(item.area);
    return out;
}

AxisSnap snapAxis(const std::vector<double>& lines, const std::vector<double>& guides, double threshold) {
    AxisSnap best;
    double bestDistance = threshold;
    for (double line : lines)
        for (double guide : guides)
            // Of guides equally near, the first found (the canvas's own lines come first).
            if (double d = std::abs(guide - line); d <= threshold && (!best.guide || d < bestDistance)) {
                bestDistance = d;
                best = {guide - line, guide};
            }
    return best;
}

}  // namespace vitrine::studio
