#pragma once
// Map meshes kept across renderers: a reload or an edit makes a new FrameRenderer for the
// new show, but its map layers are the same objects (map::MapLibrary keeps them across
// compiles), so their vertices are found here instead of triangulated and uploaded again.
// Owned by RenderResources (one per GL context). Bounded: past its capacity the least
// recently used meshes go (a renderer still drawing one keeps it alive).
// It keeps the maps' still pictures too (MapDrawer): the first frame after an edit shows the
// map exactly as the frame before it, and drawing every land triangle of it again was most
// of that frame (40 ms of a 45 ms drag release on the Baku displacement map, llvmpipe).

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <SFML/Graphics/RenderTexture.hpp>

#include "base/recent_map.h"
#include "map/map_layer.h"

namespace vitrine::map {
struct CompiledMap;
}

namespace vitrine::render {

struct MapMesh;

/// A map's still part as a drawer that is gone last drew it.
struct KeptStill {
    // Holds the layers its key names, so no other layer can take their addresses.
    std::shared_ptr<const map::CompiledMap> model;
    std::unique_ptr<sf::RenderTexture> picture;
};

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

    /// A few pictures: the maps of the scenes a designer goes back and forth between.
    static constexpr std::size_t kStillCapacity = 4;

    /// Takes the still picture kept under `key` (MapDrawer's key, naming the map's layers), or
    /// an empty one. Taken, not shared: a drawer draws its next still into the same picture.
    KeptStill takeStill(const std::string& key);
    /// Keeps a drawer's still picture under `key`, for the next drawer (the next show's).
    void keepStill(std::string key, KeptStill still);

private:
    mutable std::mutex mutex_;
    // Each mesh holds its layer, so a key never outlives the layer it points to.
    RecentMap<const map::ProjectedLayer*, std::shared_ptr<MapMesh>> meshes_;
    RecentMap<std::string, KeptStill> stills_{kStillCapacity};
};

}  // namespace vitrine::render
