#include "map/compiled_map.h"

#include "map/natural_earth.h"
#include "map/natural_earth_layers.h"
#include "script/suggest.h"

#include <algorithm>
#include <vector>

namespace vitrine::map {
namespace {

namespace fs = std::filesystem;

// Adds what is not already there: the gazetteer's own problems are met by every map.
void appendOnce(Diagnostics& to, const Diagnostics& found) {
    for (const Diagnostic& d : found.all()) {
        bool known = std::any_of(to.all().begin(), to.all().end(), [&](const Diagnostic& e) {
            return e.code == d.code && e.message == d.message && e.where.file == d.where.file &&
                   e.where.line == d.where.line && e.where.column == d.where.column;
        });
        if (!known) to.add(d);
    }
}

// Each problem in the data file, at the map that uses it; the file's own place in the text.
void reportDataProblems(const Diagnostics& problems, const std::string& path, const SourceLocation& srcWhere,
                        Diagnostics& diagnostics) {
    for (const Diagnostic& p : problems.all()) {
        std::string at = fs::path(p.where.file.empty() ? path : p.where.file).filename().string();
        if (p.where.line > 0) at += ":" + std::to_string(p.where.line);
        if (p.where.column > 0) at += ":" + std::to_string(p.where.column);
        Diagnostic out = p;
        out.where = srcWhere;
        out.message = "map data " + at + ": " + p.message;
        if (out.hint.empty()) out.hint = "fix the GeoJSON file (" + path + "); the rest of the map still draws";
        diagnostics.add(std::move(out));
    }
}

// A highlight names a feature of the map's data or of the world beneath it.
void checkHighlights(const CompiledMap& m, Diagnostics& diagnostics) {
    if (!m.data && !m.base) return;  // nothing to look in: the missing file is the problem
    for (const MapHighlight& h : m.scene.highlights) {
        if ((m.data && m.data->find(h.feature)) || (m.base && m.base->find(h.feature))) continue;
        std::vector<std::string> names;
        for (const ProjectedLayer* layer : {m.data.get(), m.base.get()})
            if (layer)
                for (const LayerFeature& f : layer->features)
                    if (!f.name.empty()) names.push_back(f.name);
        diagnostics.error(h.where, "unknown-feature", "the map data has no feature \"" + h.feature + "\"",
                          didYouMean(h.feature, names, "name a country as the map data does (e.g. \"Armenia\") or its id"));
    }
}

// The <layer> children's data: the designer's own file, or Natural Earth's at the scale the
// map's views need. One that cannot be had is reported and left out; the map still draws.
void compileLayers(CompiledMap& m, MapLibrary& library, const fs::path& mapsDirectory, Diagnostics& diagnostics) {
    for (const MapDataLayer& l : m.scene.layers) {
        std::shared_ptr<const LayerFile> file;
        if (l.kind == MapDataLayer::Kind::Own) {
            if (std::shared_ptr<const GeoJsonFile> read = library.geoJson(l.src)) {
                // A designer's layer is whole: its edges along its own bounds are drawn.
                file = library.layer(l.src, m.scene.projectionSpec, std::nullopt, {}, std::nullopt, false);
                reportDataProblems(read->problems, l.src, l.where, diagnostics);
                reportDataProblems(file->problems, l.src, l.where, diagnostics);
            } else {
                diagnostics.error(l.where, "missing-file", "map data not found: " + l.src,
                                  "check the path; it is relative to the script");
            }
        } else if (auto source = naturalEarthLayer(l.kind, m.scene, m.dataBounds(), mapsDirectory)) {
            file = library.layer(source->file, m.scene.projectionSpec, std::nullopt, source->object, source->within, false);
        } else {
            diagnostics.warning(l.where, "map-data-missing",
                                "Natural Earth's lakes, rivers and coastline are not installed: this layer is not drawn",
                                "install the world's map data: tools/setup (or tools/install-map-data)");
        }
        m.layers.push_back(file ? std::shared_ptr<const ProjectedLayer>(file, &file->layer) : nullptr);
    }
}

}  // namespace

std::optional<Box> CompiledMap::dataBounds() const {
    if (data && data->lonLatBounds.valid()) return data->lonLatBounds;
    if (base && base->lonLatBounds.valid()) return base->lonLatBounds;
    return std::nullopt;
}

std::shared_ptr<const CompiledMap> compileMap(const ScriptNode& mapElement, const std::string& src, MapLibrary& library,
                                              const fs::path& mapsDirectory, Diagnostics& diagnostics,
                                              const StyleOver& styles) {
    auto out = std::make_shared<CompiledMap>();
    // The exhibit's own places file, beside it, wins over the bundled and world gazetteers.
    const fs::path ownPlaces =
        mapElement.where.file.empty() ? fs::path() : fs::path(mapElement.where.file).parent_path() / "places.json";
    std::shared_ptr<const GazetteerFile> places = library.places(ownPlaces, mapsDirectory);
    appendOnce(diagnostics, places->problems);
    std::shared_ptr<const GeoJsonFile> file = src.empty() ? nullptr : library.geoJson(src);
    std::optional<Box> ownBounds;
    if (file && !mapElement.attribute("view")) ownBounds = globeBounds(file->collection);
    if (ownBounds && !ownBounds->valid()) ownBounds.reset();
    out->scene = compileMapScene(mapElement, places->places, diagnostics, styles, ownBounds);  // reports unknown places

    const ScriptAttribute* srcAttribute = mapElement.attribute("src");
    const SourceLocation& srcWhere = srcAttribute ? srcAttribute->where : mapElement.where;
    if (!src.empty()) {
        if (file) {
            std::shared_ptr<const LayerFile> own = library.layer(src, out->scene.projectionSpec);
            reportDataProblems(file->problems, src, srcWhere, diagnostics);
            reportDataProblems(own->problems, src, srcWhere, diagnostics);
            if (file->problems.empty() && file->collection.features.empty())
                diagnostics.warning(srcWhere, "map-data-empty",
                                    "map data " + fs::path(src).filename().string() + " holds no features",
                                    "give the map a GeoJSON FeatureCollection with the land to draw");
            out->data = std::shared_ptr<const ProjectedLayer>(own, &own->layer);
        }
    }
    // The world beneath fills only around the data's own area (drawn in more detail).
    const fs::path world = mapsDirectory / "world.geojson";
    std::error_code ec;
    const bool srcIsWorld = !src.empty() && fs::equivalent(src, world, ec);
    if (!srcIsWorld) {
        std::optional<Box> exclude;
        if (out->data && out->data->lonLatBounds.valid()) exclude = out->data->lonLatBounds;
        const MapDataSource beneath = worldBeneath(out->scene, exclude, mapsDirectory);  // its scale from the view
        if (std::shared_ptr<const LayerFile> base =
                library.layer(beneath.file, out->scene.projectionSpec, exclude, beneath.object, beneath.within))
            out->base = std::shared_ptr<const ProjectedLayer>(base, &base->layer);
    }
    compileLayers(*out, library, mapsDirectory, diagnostics);
    checkHighlights(*out, diagnostics);
    return out;
}

CompileOptions withMaps(CompileOptions options, std::shared_ptr<MapLibrary> library, fs::path mapsDirectory) {
    options.compileMap = [library = std::move(library), dir = std::move(mapsDirectory)](
                             const ScriptNode& element, const std::string& src, const StyleOver& styles,
                             Diagnostics& found) { return compileMap(element, src, *library, dir, found, styles);
    };
    return options;
}

CompileOptions withMaps(CompileOptions options) {
    return withMaps(std::move(options), std::make_shared<MapLibrary>(), bundledMapsDirectory());
}

}  // namespace vitrine::map
