#pragma once
// A map's marks as triangles in output px, from what evaluateMap placed in canvas px:
// routes (a dark casing, the line, an arrowhead at the drawn end), markers (dot, ring,
// pulse), scale bars (a bar with end ticks) and labels' leader lines. Text is the drawer's.

#include <SFML/Graphics/Vertex.hpp>

#include <vector>

#include "map/map_state.h"
#include "render/map_palette.h"
#include "render/viewport.h"

namespace vitrine::render {

/// Routes, then markers above them.
std::vector<sf::Vertex> routeAndMarkerVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette);

/// A thin line on a dark casing from each label placed away from its place to that place.
std::vector<sf::Vertex> labelLeaderVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette);

/// Scale bars' bars and ticks on their dark casing.
std::vector<sf::Vertex> scaleBarVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette);

}  // namespace vitrine::render
