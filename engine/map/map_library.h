#pragma once
// Map data read once per process and shared: GeoJSON and TopoJSON collections, gazetteers, and layers
// projected and triangulated in one projection. Each is immutable once made and kept by its
// file's path and identity (size and modification time), so an edited file is read again
// and an unchanged one never is: a studio edit or a player reload compiles its maps again
// without reading or triangulating their data again. The caller owns the library and hands
// it to every compile (map::withMaps); it may be used from several threads.

#include "diag/diagnostic.h"
#include "map/gazetteer.h"
#include "map/geojson.h"
#include "map/topojson.h"
#include "map/map_layer.h"
#include "map/map_scene.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace vitrine::map {

/// A gazetteer file as read, with what reading it found.
struct GazetteerFile {
    Gazetteer places;
    Diagnostics problems;
};

/// A map data file (GeoJSON or TopoJSON) as read, with what reading it found.
struct GeoJsonFile {
    GeoCollection collection;
    Diagnostics problems;
};

/// A GeoJSON file projected and triangulated, with what triangulating it found.
struct LayerFile {
    ProjectedLayer layer;
    Diagnostics problems;
};

class MapLibrary {
public:
    /// The places in `file`; a missing or unreadable file gives an empty gazetteer and its error.
    std::shared_ptr<const GazetteerFile> gazetteer(const std::filesystem::path& file);
    /// The places a map may name, each file winning over the next: the exhibit's own places
    /// file `own` (when it exists), the bundled `mapsDirectory`/places.json, then the world
    /// gazetteer `mapsDirectory`/natural-earth/world-places.tsv, read (once) at the first
    /// name the others lack. The problems are those of the places files.
    std::shared_ptr<const GazetteerFile> places(const std::filesystem::path& own,
                                                const std::filesystem::path& mapsDirectory);
    /// The world gazetteer in `file`; an empty one when it is not there (tools/setup installs it).
    std::shared_ptr<const GazetteerFile> worldPlaces(const std::filesystem::path& file);
    /// The features in `file` (GeoJSON, or TopoJSON's object `object`, every object when
    /// empty); nullptr when it is not a file (the media check reports that).
    std::shared_ptr<const GeoJsonFile> geoJson(const std::filesystem::path& file, const std::string& object = {});
    /// `file`'s features projected with `spec` (see projectLayer, `exclude` and
    /// `clippedToBounds` included); with `within` (lon/lat), only the polygons and lines that
    /// meet it. nullptr when it is not a file.
    std::shared_ptr<const LayerFile> layer(const std::filesystem::path& file, const ProjectionSpec& spec,
                                           std::optional<Box> exclude = std::nullopt,
                                           const std::string& object = {}, std::optional<Box> within = std::nullopt,
                                           bool clippedToBounds = true);

    /// How many times a file has been read from disk so far, for tests.
    int filesRead() const;

private:
    struct Identity {
        std::filesystem::file_time_type modified{};
        std::uintmax_t size = 0;
        bool exists = false;
        friend bool operator==(const Identity&, const Identity&) = default;
    };
    static Identity identityOf(const std::filesystem::path& file);
    std::shared_ptr<const GeoJsonFile> geoJsonLocked(const std::filesystem::path& file, const std::string& object);

    template <class T>
    struct Entry {
        Identity identity;
        std::shared_ptr<const T> value;
    };
    struct LayerEntry {
        std::shared_ptr<const GeoJsonFile> source;  // the reading it was made from
        std::shared_ptr<const LayerFile> value;
    };

    mutable std::mutex mutex_;
    std::map<std::string, Entry<GazetteerFile>> gazetteers_;  // places files and the world's
    std::map<std::string, Entry<GeoJsonFile>> geoJson_;  // by path and TopoJSON object
    std::map<std::string, LayerEntry> layers_;  // by path, projection and exclusion
    int filesRead_ = 0;
};

}  // namespace vitrine::map
