#pragma once
// The lines a box snaps to on the canvas, among them the safe areas (base/safe_area.h)
// drawn over it.

#include <optional>
#include <vector>

#include "base/geometry.h"
#include "base/safe_area.h"
#include "base/values.h"
#include "studio/canvas_hit.h"

namespace vitrine::studio {

/// Where a box may snap: vertical lines (x) and horizontal lines (y), canvas px.
struct SnapGuides {
    std::vector<double> xs, ys;
};

/// The guides of a canvas: its edges, centre lines and thirds, the title-safe and
/// action-safe margins, the edges and centres of `regions`, and the edges and centres of
/// the `visible` items other than `moving`.
SnapGuides snapGuides(PixelSize canvas, const std::vector<Rect>& regions, const std::vector<CanvasItem>& visible,
                      int moving);

/// The distinct areas items of `show` are laid out in other than the whole canvas: the
/// regions in use.
std::vector<Rect> regionsInUse(const Show& show);

/// How far to move, on one axis, so that one of a box's lines lands on a guide.
struct AxisSnap {
    double shift = 0;             // add to the box's position
    std::optional<double> guide;  // the guide it landed on, to draw; nullopt when none was near
};

/// The guide nearest to any of `lines` (the box's edges or centre on this axis) within
/// `threshold` px, and the shift that puts that line on it.
AxisSnap snapAxis(const std::vector<double>& lines, const std::vector<double>& guides, double threshold);

}  // namespace vitrine::studio
