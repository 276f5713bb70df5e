#pragma once
// Levels of detail of a layer's fill: its rings simplified (Douglas–Peucker, measured in
// projected units) at tolerances from 500 m doubling to 16 km, each triangulated once when
// the layer is projected. A frame fills from the coarsest level whose tolerance is under
// half a pixel of its view, so a flight out to a continent does not send every bay of
// 1:10m to the rasteriser, and no coast moves by a visible amount.
// Rings are simplified before they are cut into fill cells, so neighbouring cells share
// their cut edges exactly; neighbouring countries may part by up to the tolerance (under
// half a pixel), which the border stroked over them covers.

#include "map/geometry.h"
#include "map/map_layer.h"

#include <vector>

namespace vitrine::map {

/// A level serves a view when its tolerance is at most this many of the view's pixels.
inline constexpr double kLevelPixels = 0.5;

/// The tolerances levels are made at, in projected units (metres), finest first.
const std::vector<double>& levelTolerances();

/// `rings` (an exterior then its holes, in any coordinates) with only the points kept when
/// each ring is simplified within `tolerance` as measured on `projected` (the same rings,
/// projected). A ring left with under 3 points is dropped; an exterior so dropped drops all.
std::vector<std::vector<Point2>> simplifiedRings(const std::vector<std::vector<Point2>>& rings,
                                                 const std::vector<std::vector<Point2>>& projected, double tolerance);

/// Keeps of `layer.levels` only those with at most 3/4 of the triangles of the finer level
/// kept before them (the full fill first): a level that saves little costs memory for nothing.
void keepUsefulLevels(ProjectedLayer& layer);

/// The coarsest level of `layer` whose tolerance is at most kLevelPixels of a view showing
/// `unitsPerPixel` projected units a pixel; nullptr when none is (the full fill serves).
const LayerLevel* levelFor(const ProjectedLayer& layer, double unitsPerPixel);

}  // namespace vitrine::map
