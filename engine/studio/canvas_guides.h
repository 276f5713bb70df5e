#pragma once
// The lines a box snaps to on the canvas, and the safe areas drawn over it. The project
// defines no safe area of its own, so the broadcast ones are used: SMPTE RP 2046-1 / EBU R95
// action-safe (90 % of the width and height, centred) and title-safe (80 %): text kept
// inside title-safe is not lost at the edge of a projector's overscan or a wall's frame.

#include <optional>
#include <vector>

#include "base/geometry.h"
#include "base/values.h"
#include "studio/canvas_hit.h"

namespace vitrine::studio {

constexpr double kActionSafeShare = 0.90;
constexpr double kTitleSafeShare = 0.80;

/// The centred rectangle of `canvas` holding `share` of its width and height.
Rect safeArea(PixelSize canvas, double share);

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
