#pragma once
// GeoJSON (RFC 7946) FeatureCollections loaded into plain structs for the map
// renderer. Bad JSON or a bad geometry becomes a diagnostic with file, line and
// column; every feature that can still be read is kept.

#include "diag/diagnostic.h"
#include "map/geometry.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::map {

/// One feature: its identity, its properties as text, and its geometry in lon/lat degrees.
struct GeoFeature {
    std::string id;    // the feature's "id" (string or number, as text); may be empty
    std::string name;  // properties.name; may be empty
    std::map<std::string, std::string> properties;  // scalars as text, objects/arrays as JSON
    std::vector<Polygon> polygons;                  // from Polygon and MultiPolygon
    std::vector<std::vector<Point2>> lines;         // from LineString and MultiLineString
    std::vector<Point2> points;                     // from Point and MultiPoint
    SourceLocation where;                           // where the feature's object opened
};

/// The features of one file, in file order.
struct GeoCollection {
    std::vector<GeoFeature> features;

    /// The feature whose id or name equals `idOrName` exactly; nullptr when none.
    const GeoFeature* find(std::string_view idOrName) const;
};

/// Reads a FeatureCollection (or a single Feature) from `text`; `file` names it in diagnostics.
GeoCollection parseGeoJson(std::string_view text, const std::string& file, Diagnostics& diagnostics);

class LocatedJson;
/// The same from a parsed document (which may have found a syntax error already).
GeoCollection readGeoJson(const LocatedJson& doc, Diagnostics& diagnostics);

/// Reads the file at `path`; an unreadable file is one "file-unreadable" error.
GeoCollection loadGeoJson(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace vitrine::map
