#pragma once
// The safe areas of a canvas, defined once for the studio's View ▸ Safe areas overlay and
// its snapping, and for `vitrine check`'s warning about text near the edges. The project
// defines no safe area of its own, so the broadcast ones are used: SMPTE RP 2046-1 / EBU R95
// action-safe (90 % of the width and height, centred) and title-safe (80 %): text kept
// inside title-safe is not lost at the edge of a projector's overscan or a wall's frame.

#include "base/geometry.h"
#include "base/values.h"

namespace vitrine {

constexpr double kActionSafeShare = 0.90;
constexpr double kTitleSafeShare = 0.80;

/// The centred rectangle of `canvas` holding `share` of its width and height.
Rect safeArea(PixelSize canvas, double share);

}  // namespace vitrine
