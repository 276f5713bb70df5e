#pragma once
// Map meshes kept across renderers: a reload or an edit makes a new FrameRenderer for the
// new show, but its map layers are the same objects (map::MapLibrary keeps them across
// compiles), so their vertices are found here instead of triangulated and uploaded again.
// Owned by RenderResources (one per GL context). Bounded: past its capacity the least
// recently used meshes go (a renderer still drawing one keeps it alive).

#include <cstddef>
#include <memory>
#include <mutex>

#include "base/recent_map.h"
#include "map/map_layer.h"

namespace vitrine::render {

struct MapMesh;

class MapMeshStore {
public:
    /// A few maps' worth: a world base and each map's own data.
    static constexpr std::size_t kDefaultCapacity = 8;

    explicit MapMeshStore(std::size_t capacity = kDefaultCapacity) : meshes_(capacity) {}

    /// The mesh kept for `layer`, or nullptr. Any thread: a reload worker prepares the next
    /// show's renderer while this one draws.
    std::shared_ptr<MapMesh> find(const map::ProjectedLayer* layer);

    /// Keeps `mesh` (by its layer). Any thread: a mesh dropped here may free its vertex
    /// buffer there, which SFML does in a context of its own.
    void keep(std::shared_ptr<MapMesh> mesh);

    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    // Each mesh holds its layer, so a key never outlives the layer it points to.
    RecentMap<const map::ProjectedLayer*, std::shared_ptr<MapMesh>> meshes_;
};

}  // namespace vitrine::render
