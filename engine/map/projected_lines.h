#pragma once
// The lines a map computes from its projection rather than reads from data: a graticule's
// meridians and parallels, and a route's path through its stops.

#include "map/geometry.h"
#include "map/map_scene.h"
#include "map/projection.h"

#include <vector>

namespace vitrine::map {

/// Meridians and parallels every `step` degrees across the strip of one turn around the
/// central meridian, each sampled finely and projected.
std::vector<GraticuleLine> graticuleLines(const ProjectionSpec& spec, const Projection& projection, double step);

/// The projected line through `stops` (lon/lat) in order, leg after leg: each leg bowed to
/// one side when `curved`, else the straight chord.
std::vector<Point2> routePath(const Projection& projection, const std::vector<Point2>& stops, bool curved);

}  // namespace vitrine::map
