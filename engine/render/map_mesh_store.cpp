#include "render/map_mesh_store.h"

#include <optional>

#include "render/map_mesh.h"

namespace vitrine::render {

std::shared_ptr<MapMesh> MapMeshStore::find(const map::ProjectedLayer* layer) {
    std::lock_guard lock(mutex_);
    auto* found = meshes_.find(layer);
    return found ? *found : nullptr;
}

void MapMeshStore::keep(std::shared_ptr<MapMesh> mesh) {
    std::optional<std::shared_ptr<MapMesh>> dropped;  // freed after the lock is let go
    std::lock_guard lock(mutex_);
    const map::ProjectedLayer* layer = mesh->layer.get();
    dropped = meshes_.put(layer, std::move(mesh));
}

KeptStill MapMeshStore::takeStill(const std::string& key) {
    std::lock_guard lock(mutex_);
    KeptStill* found = stills_.find(key);
    if (!found) return {};
    KeptStill taken = std::move(*found);
    stills_.erase(key);
    return taken;
}

void MapMeshStore::keepStill(std::string key, KeptStill still) {
    std::optional<KeptStill> dropped;  // freed after the lock is let go
    std::lock_guard lock(mutex_);
    dropped = stills_.put(std::move(key), std::move(still));
}

std::size_t MapMeshStore::size() const {
    std::lock_guard lock(mutex_);
    return meshes_.size();
}

}  // namespace vitrine::render
