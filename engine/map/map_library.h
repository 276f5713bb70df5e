#pragma once
// Map data read once per process and shared: GeoJSON collections, gazetteers, and layers
// projected and triangulated in one projection. Each is immutable once made and kept by its
// file's path and identity (size and modification time), so an edited file is read again
// and an unchanged one never is: a studio edit or a player reload compiles its maps again
// without reading or triangulating their data again. The caller owns the library and hands
// it to every compile (map::withMaps); it may be used from several threads.

#include "diag/diagnostic.h"
#include "map/gazetteer.h"
#include "map/geojson.h"
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

/// A GeoJSON file as read, with what reading it found.
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
    /// The features in `file`; nullptr when it is not a file (the media check reports that).
    std::shared_ptr<const GeoJsonFile> geoJson(const std::filesystem::path& file);
    /// `file`'s features projected with `spec` (see projectLayer, `exclude` included);
    /// nullptr when it is not a file.
    std::shared_ptr<const LayerFile> layer(const std::filesystem::path& file, const ProjectionSpec& spec,
                                           std::optional<Box> exclude = std::nullopt);

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
    std::shared_ptr<const GeoJsonFile> geoJsonLocked(const std::filesystem::path& file);

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
    std::map<std::string, Entry<GazetteerFile>> gazetteers_;
    std::map<std::string, Entry<GeoJsonFile>> geoJson_;
    std::map<std::string, LayerEntry> layers_;  // by path, projection and exclusion
    int filesRead_ = 0;
};

}  // namespace vitrine::map
