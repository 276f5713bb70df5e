#include "map/map_library.h"

#include <sstream>
#include <system_error>

namespace vitrine::map {

namespace fs = std::filesystem;

MapLibrary::Identity MapLibrary::identityOf(const fs::path& file) {
    std::error_code ec;
    Identity id;
    if (!fs::is_regular_file(file, ec)) return id;
    id.exists = true;
    id.modified = fs::last_write_time(file, ec);
    id.size = fs::file_size(file, ec);
    return id;
}

std::shared_ptr<const GazetteerFile> MapLibrary::gazetteer(const fs::path& file) {
    std::lock_guard lock(mutex_);
    const Identity id = identityOf(file);
    Entry<GazetteerFile>& e = gazetteers_[file.string()];
    if (e.value && e.identity == id) return e.value;
    auto fresh = std::make_shared<GazetteerFile>();
    fresh->places = Gazetteer::load(file, fresh->problems);
    ++filesRead_;
    e = {id, std::move(fresh)};
    return e.value;
}

std::shared_ptr<const GeoJsonFile> MapLibrary::geoJson(const fs::path& file) {
    std::lock_guard lock(mutex_);
    return geoJsonLocked(file);
}

std::shared_ptr<const GeoJsonFile> MapLibrary::geoJsonLocked(const fs::path& file) {
    const Identity id = identityOf(file);
    if (!id.exists) return nullptr;
    Entry<GeoJsonFile>& e = geoJson_[file.string()];
    if (e.value && e.identity == id) return e.value;
    auto fresh = std::make_shared<GeoJsonFile>();
    fresh->collection = loadGeoJson(file, fresh->problems);
    ++filesRead_;
    e = {id, std::move(fresh)};
    return e.value;
}

std::shared_ptr<const LayerFile> MapLibrary::layer(const fs::path& file, const ProjectionSpec& spec,
                                                   std::optional<Box> exclude) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<const GeoJsonFile> source = geoJsonLocked(file);
    if (!source) return nullptr;
    std::ostringstream key;
    key.precision(12);
    key << file.string() << '|' << spec.key();
    if (exclude) key << '|' << exclude->west << ',' << exclude->south << ',' << exclude->east << ',' << exclude->north;
    LayerEntry& e = layers_[key.str()];
    if (e.value && e.source == source) return e.value;
    auto fresh = std::make_shared<LayerFile>();
    fresh->layer = projectLayer(source->collection, spec, fresh->problems, exclude);
    e = {std::move(source), std::move(fresh)};
    return e.value;
}

int MapLibrary::filesRead() const {
    std::lock_guard lock(mutex_);
    return filesRead_;
}

}  // namespace vitrine::map
