#include "render/map_mesh.h"

#include <algorithm>

namespace vitrine::render {
namespace {

// The land fill is kept in chunks of this grid over the layer, so a frame sends only the
// chunks its view touches (a close view of one region skips most of the world).
constexpr int kFillChunksAcross = 16;

}  // namespace

std::unique_ptr<MapMesh> buildMapMesh(std::shared_ptr<const map::ProjectedLayer> layer, sf::Color land) {
    auto mesh = std::make_unique<MapMesh>();
    mesh->layer = std::move(layer);
    const map::Box& b = mesh->layer->projectedBounds;
    if (b.valid()) mesh->origin = {(b.west + b.east) / 2, (b.south + b.north) / 2};
    auto local = [&](const map::Point2& p) {
        return sf::Vector2f(static_cast<float>(p.x - mesh->origin.x), static_cast<float>(p.y - mesh->origin.y));
    };
    mesh->fillColour = land;
    // Each triangle goes to the grid cell of its first corner; a chunk's bounds hold
    // all its triangles' corners, so culling by them never drops a visible one.
    std::vector<std::vector<sf::Vertex>> cells(std::size_t(kFillChunksAcross) * kFillChunksAcross);
    const double cellWidth = (b.east - b.west) / kFillChunksAcross, cellHeight = (b.north - b.south) / kFillChunksAcross;
    auto cellOf = [&](const map::Point2& p) {
        auto index = [](double offset, double size) {
            return size > 0 ? std::clamp(int(offset / size), 0, kFillChunksAcross - 1) : 0;
        };
        return std::size_t(index(p.y - b.south, cellHeight)) * kFillChunksAcross + index(p.x - b.west, cellWidth);
    };
    for (const map::LayerFeature& f : mesh->layer->features) {
        sf::VertexArray va(sf::Triangles);
        for (std::size_t i = 0; i + 2 < f.triangles.size(); i += 3) {
            std::vector<sf::Vertex>& cell = cells[cellOf(f.triangles[i])];
            for (std::size_t k = i; k < i + 3; ++k) {
                va.append(sf::Vertex(local(f.triangles[k]), sf::Color::White));
                cell.push_back(sf::Vertex(local(f.triangles[k]), land));
            }
        }
        mesh->features.push_back(std::move(va));
    }
    for (const std::vector<sf::Vertex>& cell : cells) {
        MapMesh::Chunk chunk{mesh->fill.getVertexCount(), cell.size(), {}};
        if (!cell.empty()) {
            float left = cell.front().position.x, top = cell.front().position.y, right = left, bottom = top;
            for (const sf::Vertex& v : cell) {
                left = std::min(left, v.position.x), right = std::max(right, v.position.x);
                top = std::min(top, v.position.y), bottom = std::max(bottom, v.position.y);
                mesh->fill.append(v);
            }
            chunk.bounds = {left, top, right - left, bottom - top};
        }
        mesh->chunks.push_back(chunk);
    }
    return mesh;
}

}  // namespace vitrine::render
