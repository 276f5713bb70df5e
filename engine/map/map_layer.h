#pragma once
// Map data made ready to draw in one projection: every feature's polygons projected and
// triangulated once, and its rings kept as projected outlines for stroking. Per frame
// only the camera transform changes, so nothing here is recomputed while the map moves.

#include "diag/diagnostic.h"
#include "map/geojson.h"
#include "map/geometry.h"
#include "map/map_scene.h"
#include "map/projection.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::map {

/// One feature's fill: triangles in projected units, three points each.
struct LayerFeature {
    std::string id;
    std::string name;
    std::vector<Point2> triangles;
};

/// One ring as a closed line in projected units, with its projected bounds for culling.
/// Pieces along the edge of the data's clip box or the projection's seam are left out
/// (they are cuts, not borders), so a ring may become several open lines.
struct LayerOutline {
    std::vector<Point2> points;
    Box bounds;
};

/// The whole layer's fill at a coarser level of detail: every ring simplified within
/// `tolerance` projected units before it was triangulated (map/layer_levels.h).
struct LayerLevel {
    double tolerance = 0;
    std::vector<Point2> triangles;
};

/// A GeoJSON collection projected and triangulated.
struct ProjectedLayer {
    std::vector<LayerFeature> features;
    // Coarser fills, finest first; only those that save a good part of the triangles of the
    // one before (coarse data has none). A frame fills from levelFor its scale.
    std::vector<LayerLevel> levels;
    std::vector<LayerOutline> outlines;
    Box lonLatBounds;                // of the data on the globe (GlobeBounds); invalid when it holds nothing
    Box projectedBounds;             // of every triangle
    /// The feature whose id or name is `idOrName` (case as written), or nullptr.
    const LayerFeature* find(std::string_view idOrName) const;
};

/// The lon/lat bounds of `collection` on the globe (GlobeBounds: across 180°, the smallest
/// interval); invalid when it holds nothing.
Box globeBounds(const GeoCollection& collection);

/// Projects and triangulates `collection` with `spec`; its lines (LineString) become outlines. Rings that cross the projection's
/// seam (the meridian opposite its centre) are cut there; rings around a pole and land
/// a conic cannot show (beyond 60° S) are left out. Tessellation failures are reported
/// in `diagnostics` at the feature, and the rest of the layer is kept. With `exclude`
/// (lon/lat), the fill leaves that box empty, for a more detailed layer drawn there.
/// Edges along ±180° are cuts (RFC 7946 cuts there); with `clippedToBounds`, so are edges
/// along the data's own bounds, as in data clipped to a box (the bundled caucasus.geojson).
ProjectedLayer projectLayer(const GeoCollection& collection, const ProjectionSpec& spec, Diagnostics& diagnostics,
                            std::optional<Box> exclude = std::nullopt, bool clippedToBounds = true);

}  // namespace vitrine::map
