#pragma once
// A compiled map layer (projected, triangulated) as SFML vertices, made once per layer and
// kept while the layer lives: the land fill in chunks of a grid over the layer, so a frame
// sends only the chunks its view touches, and each feature's triangles for highlights.
// Vertices are relative to the layer's centre, so floats stay precise.

#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/VertexBuffer.hpp>

#include <memory>
#include <string>
#include <vector>

#include "map/map_layer.h"
#include "render/map_strokes.h"

namespace vitrine::render {

struct MapMesh {
    /// A run of the fill's vertices that lie in one grid cell of the layer, and their bounds.
    struct Chunk {
        std::size_t first = 0, count = 0;
        sf::FloatRect bounds;  // in the layer's local units (relative to origin)
    };
    std::shared_ptr<const map::ProjectedLayer> layer;
    map::Point2 origin;                     // subtracted from every vertex, so floats stay small
    sf::VertexArray fill{sf::Triangles};    // all land, chunk by chunk in grid rows
    std::vector<Chunk> chunks;
    // The fill on the GPU side, made when first drawn (meshes are built off the GL thread):
    // sending 100k vertices a frame from memory costs the driver a copy each time.
    sf::VertexBuffer fillBuffer{sf::Triangles, sf::VertexBuffer::Static};
    bool fillUploaded = false;
    sf::Color fillColour;                   // the colour fill's vertices hold
    std::vector<sf::VertexArray> features;  // per feature, recoloured for highlights
    // Borders stroked for the last camera; reused while it stands still.
    std::string strokeKey;
    Vertices strokes;
};

/// The vertices of `layer`, its land in `land`. Touches no GL context.
std::unique_ptr<MapMesh> buildMapMesh(std::shared_ptr<const map::ProjectedLayer> layer, sf::Color land);

}  // namespace vitrine::render
