#include "render/map_mesh.h"

#include <algorithm>

namespace vitrine::render {
namespace {

// A fill is kept in chunks of this grid over the layer, so a frame sends only the chunks
// its view touches (a close view of one region skips most of the world).
constexpr int kFillChunksAcross = 16;

// `triangles` (projected, three points each) in chunks of the grid over `b`, relative to `origin`.
ChunkedFill chunkedFill(const std::vector<map::Point2>& triangles, const map::Box& b, map::Point2 origin, sf::Color land) {
    ChunkedFill out;
    out.colour = land;
    // Each triangle goes to the grid cell of its first corner; a chunk's bounds hold
    // all its triangles' corners, so culling by them never drops a visible one.
    std::vector<std::vector<sf::Vertex>> cells(std::size_t(kFillChunksAcross) * kFillChunksAcross);
    const double cellWidth = (b.east - b.west) / kFillChunksAcross, cellHeight = (b.north - b.south) / kFillChunksAcross;
    auto index = [](double offset, double size) {
        return size > 0 ? std::clamp(int(offset / size), 0, kFillChunksAcross - 1) : 0;
    };
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const map::Point2& p = triangles[i];
        std::vector<sf::Vertex>& cell =
            cells[std::size_t(index(p.y - b.south, cellHeight)) * kFillChunksAcross + index(p.x - b.west, cellWidth)];
        for (std::size_t k = i; k < i + 3; ++k)
            cell.push_back(sf::Vertex({float(triangles[k].x - origin.x), float(triangles[k].y - origin.y)}, land));
    }
    for (const std::vector<sf::Vertex>& cell : cells) {
        FillChunk chunk{out.vertices.getVertexCount(), cell.size(), {}};
        if (cell.empty()) continue;
        float left = cell.front().position.x, top = cell.front().position.y, right = left, bottom = top;
        for (const sf::Vertex& v : cell) {
            left = std::min(left, v.position.x), right = std::max(right, v.position.x);
            top = std::min(top, v.position.y), bottom = std::max(bottom, v.position.y);
            out.vertices.append(v);
        }
        chunk.bounds = {left, top, right - left, bottom - top};
        out.chunks.push_back(chunk);
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> visibleRuns(const std::vector<FillChunk>& chunks, sf::FloatRect view) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (const FillChunk& c : chunks) {
        if (c.count == 0) continue;
        const bool visible = c.bounds.left <= view.left + view.width && c.bounds.left + c.bounds.width >= view.left &&
                             c.bounds.top <= view.top + view.height && c.bounds.top + c.bounds.height >= view.top;
        if (!visible) continue;
        if (!runs.empty() && runs.back().first + runs.back().second == c.first) runs.back().second += c.count;
        else runs.push_back({c.first, c.count});
    }
    return runs;
}

std::unique_ptr<MapMesh> buildMapMesh(std::shared_ptr<const map::ProjectedLayer> layer, sf::Color land, bool everyFill) {
    auto mesh = std::make_unique<MapMesh>();
    mesh->layer = std::move(layer);
    mesh->land = land;
    const map::Box& b = mesh->layer->projectedBounds;
    if (b.valid()) mesh->origin = {(b.west + b.east) / 2, (b.south + b.north) / 2};
    mesh->fills.resize(mesh->layer->levels.size() + 1);
    if (everyFill) {
        fillAt(*mesh, nullptr);
        for (const map::LayerLevel& level : mesh->layer->levels) fillAt(*mesh, &level);
    }
    return mesh;
}

ChunkedFill& fillAt(MapMesh& mesh, const map::LayerLevel* level) {
    const std::size_t index = level ? std::size_t(level - mesh.layer->levels.data()) + 1 : 0;
    std::unique_ptr<ChunkedFill>& fill = mesh.fills.at(index);
    if (fill) return *fill;
    if (level) {
        fill = std::make_unique<ChunkedFill>(chunkedFill(level->triangles, mesh.layer->projectedBounds, mesh.origin, mesh.land));
        return *fill;
    }
    std::vector<map::Point2> all;
    for (const map::LayerFeature& f : mesh.layer->features) all.insert(all.end(), f.triangles.begin(), f.triangles.end());
    fill = std::make_unique<ChunkedFill>(chunkedFill(all, mesh.layer->projectedBounds, mesh.origin, mesh.land));
    return *fill;
}

sf::VertexArray& featureVertices(MapMesh& mesh, std::size_t feature) {
    auto [it, made] = mesh.features.try_emplace(feature, sf::Triangles);
    if (made)
        for (const map::Point2& p : mesh.layer->features.at(feature).triangles)
            it->second.append(sf::Vertex({float(p.x - mesh.origin.x), float(p.y - mesh.origin.y)}, sf::Color::White));
    return it->second;
}

}  // namespace vitrine::render
