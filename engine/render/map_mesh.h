#pragma once
// A compiled map layer (projected, triangulated) as SFML vertices, kept while the layer
// lives: the land fill at full detail and at each of the layer's levels of detail
// (map/layer_levels.h), each in chunks of a grid over the layer, so a frame sends only the
// chunks its view touches at the detail its scale needs; and a feature's triangles for its
// highlight. A worker preparing a show makes every fill ahead; a drawer meeting a map cold
// makes only what its frame draws, so a first frame at a world's scale does not wait for
// every bay of 1:10m. Vertices are relative to the layer's centre, so floats stay precise.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/VertexBuffer.hpp>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "map/map_layer.h"
#include "render/map_strokes.h"

namespace vitrine::render {

/// A run of a fill's vertices that lie in one grid cell of the layer, and their bounds.
struct FillChunk {
    std::size_t first = 0, count = 0;
    sf::FloatRect bounds;  // in the layer's local units (relative to its origin); holds every corner
};

/// One fill (full or a level of detail), chunk by chunk in grid rows.
struct ChunkedFill {
    sf::VertexArray vertices{sf::Triangles};
    std::vector<FillChunk> chunks;
    // On the GPU side, made when first drawn (meshes are built off the GL thread): sending
    // 100k vertices a frame from memory costs the driver a copy each time.
    sf::VertexBuffer buffer{sf::Triangles, sf::VertexBuffer::Static};
    bool uploaded = false;
    sf::Color colour;  // the colour its vertices hold
};

/// The runs (first vertex, count) of `chunks` whose bounds meet `view` (local units):
/// chunks that follow each other in the buffer make one run, so one draw call.
std::vector<std::pair<std::size_t, std::size_t>> visibleRuns(const std::vector<FillChunk>& chunks, sf::FloatRect view);

struct MapMesh {
    std::shared_ptr<const map::ProjectedLayer> layer;
    map::Point2 origin;                   // subtracted from every vertex, so floats stay small
    sf::Color land;                       // the colour fills are made in
    // [0] all land at full detail, [k + 1] at layer->levels[k]; null until made (fillAt).
    std::vector<std::unique_ptr<ChunkedFill>> fills;
    std::map<std::size_t, sf::VertexArray> features;  // by feature, made for a highlight (featureVertices)
    // Borders stroked for the last camera; reused while it stands still.
    std::string strokeKey;
    Vertices strokes;
};

/// The vertices of `layer`, its land in `land`: with `everyFill`, every fill made now (a
/// worker's), else none until drawn. Touches no GL context.
std::unique_ptr<MapMesh> buildMapMesh(std::shared_ptr<const map::ProjectedLayer> layer, sf::Color land,
                                      bool everyFill = true);

/// The fill of `mesh` at `level` (one of its layer's levels; nullptr: full detail), made now
/// if it was not.
ChunkedFill& fillAt(MapMesh& mesh, const map::LayerLevel* level);

/// The triangles of the layer's `feature`th feature, made now if they were not.
sf::VertexArray& featureVertices(MapMesh& mesh, std::size_t feature);

}  // namespace vitrine::render
