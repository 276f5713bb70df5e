#include "map/map_library.h"

#include <algorithm>
#include <functional>
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

std::shared_ptr<const GazetteerFile> MapLibrary::worldPlaces(const fs::path& file) {
    std::lock_guard lock(mutex_);
    const Identity id = identityOf(file);
    Entry<GazetteerFile>& e = gazetteers_[file.string()];
    if (e.value && e.identity == id) return e.value;
    auto fresh = std::make_shared<GazetteerFile>();
    if (id.exists) {
        fresh->places = Gazetteer::loadWorld(file, fresh->problems);
        ++filesRead_;
    }
    e = {id, std::move(fresh)};
    return e.value;
}

std::shared_ptr<const GazetteerFile> MapLibrary::places(const fs::path& own, const fs::path& mapsDirectory) {
    // Copies of the small places files, each asking the next for what it lacks; the world
    // gazetteer is shared, and each chain holds the reading it asked for.
    auto chain = [](std::shared_ptr<const GazetteerFile> file, std::function<const Gazetteer*()> next) {
        auto linked = std::make_shared<GazetteerFile>(*file);
        linked->places.setFallback(std::move(next));
        return linked;
    };
    const fs::path worldFile = mapsDirectory / "natural-earth" / "world-places.tsv";
    // A broken world file's problems are not the exhibit's: it is only fewer places to find.
    auto bundled = chain(gazetteer(mapsDirectory / "places.json"),
                         [this, worldFile, held = std::shared_ptr<const GazetteerFile>()]() mutable {
                             if (!held) held = worldPlaces(worldFile);
                             return &held->places;
                         });
    std::error_code ec;
    if (own.empty() || !fs::is_regular_file(own, ec) || fs::equivalent(own, mapsDirectory / "places.json", ec))
        return bundled;
    auto linked = chain(gazetteer(own), [bundled] { return &bundled->places; });
    for (const Diagnostic& d : bundled->problems.all()) linked->problems.add(d);
    return linked;
}

std::shared_ptr<const GeoJsonFile> MapLibrary::geoJson(const fs::path& file, const std::string& object) {
    std::lock_guard lock(mutex_);
    return geoJsonLocked(file, object);
}

std::shared_ptr<const GeoJsonFile> MapLibrary::geoJsonLocked(const fs::path& file, const std::string& object) {
    const Identity id = identityOf(file);
    if (!id.exists) return nullptr;
    Entry<GeoJsonFile>& e = geoJson_[file.string() + '#' + object];
    if (e.value && e.identity == id) return e.value;
    auto fresh = std::make_shared<GeoJsonFile>();
    fresh->collection = loadMapData(file, fresh->problems, object);
    ++filesRead_;
    e = {id, std::move(fresh)};
    return e.value;
}

std::shared_ptr<const LayerFile> MapLibrary::layer(const fs::path& file, const ProjectionSpec& spec,
                                                   std::optional<Box> exclude, const std::string& object,
                                                   std::optional<Box> within, bool clippedToBounds) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<const GeoJsonFile> source = geoJsonLocked(file, object);
    if (!source) return nullptr;
    std::ostringstream key;
    key.precision(12);
    key << file.string() << '#' << object << '|' << spec.key();
    if (exclude) key << '|' << exclude->west << ',' << exclude->south << ',' << exclude->east << ',' << exclude->north;
    if (within) key << "|in " << within->west << ',' << within->south << ',' << within->east << ',' << within->north;
    if (!clippedToBounds) key << "|whole";
    LayerEntry& e = layers_[key.str()];
    if (e.value && e.source == source) return e.value;
    auto fresh = std::make_shared<LayerFile>();
    if (within) {
        // Only what the map can reach: triangulating the whole world at 1:10m for a map of
        // one region would take seconds. Polygon by polygon and line by line, as Natural
        // Earth's land is one feature of four thousand polygons.
        auto meets = [&](const std::vector<Point2>& points) {  // a line, or a polygon's exterior
            if (points.empty()) return false;
            Box b{points.front().x, points.front().y, points.front().x, points.front().y};
            for (const Point2& q : points)
                b = {std::min(b.west, q.x), std::min(b.south, q.y), std::max(b.east, q.x), std::max(b.north, q.y)};
            return b.west <= within->east && b.east >= within->west && b.south <= within->north && b.north >= within->south;
        };
        GeoCollection near;
        for (const GeoFeature& f : source->collection.features) {
            GeoFeature kept = f;
            kept.polygons.clear();
            kept.lines.clear();
            for (const Polygon& p : f.polygons)
                if (!p.rings.empty() && meets(p.rings.front())) kept.polygons.push_back(p);
            for (const std::vector<Point2>& line : f.lines)
                if (meets(line)) kept.lines.push_back(line);
            if (!kept.polygons.empty() || !kept.lines.empty()) near.features.push_back(std::move(kept));
        }
        fresh->layer = projectLayer(near, spec, fresh->problems, exclude, clippedToBounds);
    } else {
        fresh->layer = projectLayer(source->collection, spec, fresh->problems, exclude, clippedToBounds);
    }
    e = {std::move(source), std::move(fresh)};
    return e.value;
}

int MapLibrary::filesRead() const {
    std::lock_guard lock(mutex_);
    return filesRead_;
}

}  // namespace vitrine::map
