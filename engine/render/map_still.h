#pragma once
// A map's still part (water, land, borders, highlights, graticules and <layer>s: what does
// not move while the camera rests) drawn from its meshes, straight onto a target or into
// the picture the map drawer keeps of it.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <vector>

#include "map/map_state.h"
#include "render/map_mesh.h"
#include "render/map_palette.h"
#include "render/viewport.h"

namespace vitrine::render {

/// The meshes of one map; nullptr where it has none (no data file, a <layer> without data).
/// Drawing recolours and uploads them, and keeps their borders stroked for the camera.
struct StillMeshes {
    MapMesh* data = nullptr;
    MapMesh* base = nullptr;
    const std::vector<MapMesh*>& layers;
    // Every fill chunk at full detail, culled by nothing: a test's reference for the culling
    // and the levels of detail a frame normally draws.
    bool fullDetail = false;
};

/// Draws the still part of `s` into `out` (output px) on `target`, borders `borderWidth` px wide.
void drawMapStill(const StillMeshes& p, const map::MapState& s, float borderWidth, const MapPalette& palette,
                  sf::RenderTarget& target, const Viewport& v, sf::FloatRect out);

}  // namespace vitrine::render
