#pragma once
// A <map> element compiled with the exhibit: its places, timing and projection (MapScene)
// and its data, projected and triangulated (the map's own file and the world beneath it).
// Made once when the exhibit is compiled and held by the Show (Item::map); `vitrine check`
// reports what compiling it found, and the renderer and the studio draw from it.

#include "diag/diagnostic.h"
#include "map/map_layer.h"
#include "map/map_library.h"
#include "map/map_scene.h"
#include "script/script.h"
#include "timeline/compile.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vitrine::map {

struct CompiledMap {
    MapScene scene;
    std::shared_ptr<const ProjectedLayer> data;  // the map's own file; null when it has none or it is missing
    std::shared_ptr<const ProjectedLayer> base;  // the world beneath, for views beyond the data; may be null
    /// The data of each of scene.layers, in the same order; null where it could not be read.
    std::vector<std::shared_ptr<const ProjectedLayer>> layers;

    /// Lon/lat bounds of the data (else of the world beneath): the first view when the map names none.
    std::optional<Box> dataBounds() const;
};

/// Compiles `mapElement`, whose data file is `src` (resolved; empty for none; its labels'
/// styles from `styles`), against the
/// gazetteer and world base layer in `mapsDirectory` (places.json, world.geojson), reading
/// files through `library`. Problems go to `diagnostics` at the exhibit's element or
/// attribute: unknown places, features a highlight names that the data lacks, and each
/// problem in the data file, at the map's `src` with the file's own line and column in the
/// message. Data that does not exist is left to the media check.
std::shared_ptr<const CompiledMap> compileMap(const ScriptNode& mapElement, const std::string& src, MapLibrary& library,
                                              const std::filesystem::path& mapsDirectory, Diagnostics& diagnostics,
                                              const StyleOver& styles = {});

/// `options` compiling maps through `library` against `mapsDirectory`: what `vitrine check`,
/// the player and the studio use. Copies of these options share the library.
CompileOptions withMaps(CompileOptions options, std::shared_ptr<MapLibrary> library,
                        std::filesystem::path mapsDirectory = bundledMapsDirectory());
/// The same with a library of its own.
CompileOptions withMaps(CompileOptions options = {});

}  // namespace vitrine::map
