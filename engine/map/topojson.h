#pragma once
// TopoJSON (https://github.com/topojson/topojson-specification) Topologies read into the
// same plain features as GeoJSON: Natural Earth's layers come packaged this way (npm
// world-atlas), a third of the size of the same data as GeoJSON, because borders shared by
// two countries are stored once as arcs. Bad JSON or a bad geometry becomes a diagnostic
// with file, line and column; every geometry that can still be read is kept.

#include "diag/diagnostic.h"
#include "map/geojson.h"
#include "map/located_json.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace vitrine::map {

/// The features of `doc`, a parsed Topology: every geometry of the object named `object`,
/// or of every object (in name order) when `object` is empty. Arcs are decoded as the
/// specification says: with a "transform", positions are quantised and each arc's
/// positions after the first are deltas from the one before; an arc index i < 0 means arc
/// ~i reversed; the arcs of a line or ring are joined end to start.
GeoCollection readTopoJson(const LocatedJson& doc, Diagnostics& diagnostics, std::string_view object = {});

/// Map data in either format, told by its top-level "type" ("Topology" is TopoJSON,
/// anything else is read as GeoJSON); `object` picks one TopoJSON object (see readTopoJson)
/// and is ignored for GeoJSON. `file` names it in diagnostics.
GeoCollection parseMapData(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                           std::string_view object = {});

/// Reads the file at `path` (GeoJSON or TopoJSON); an unreadable file is one
/// "file-unreadable" error.
GeoCollection loadMapData(const std::filesystem::path& path, Diagnostics& diagnostics, std::string_view object = {});

}  // namespace vitrine::map
