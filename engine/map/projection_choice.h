#pragma once
// Which projection a map is drawn in: the automatic choice from the view's extent, a view's
// corners read as a box, and the projection a ProjectionSpec (map_scene.h) names.

#include "base/values.h"
#include "map/geometry.h"
#include "map/map_scene.h"

#include <optional>
#include <string>
#include <utility>

namespace vitrine::map {

/// A view's corners (west first, as GeoJSON's bounding boxes) as a box in lon/lat; a view
/// across the 180° meridian is held unwrapped (east beyond 180).
Box boxFromView(const std::pair<LonLat, LonLat>& view);

/// The projection `asked` for ("auto", "mercator", "equirectangular", "equal-earth",
/// "lambert"), fitted to `view` (lon/lat; none: a default regional box).
ProjectionSpec chooseProjection(const std::string& asked, const std::optional<Box>& view);

}  // namespace vitrine::map
