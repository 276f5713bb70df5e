#include "map/map_check.h"

#include "map/gazetteer.h"
#include "map/geojson.h"
#include "map/map_scene.h"
#include "script/suggest.h"

#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vitrine::map {
namespace {

namespace fs = std::filesystem;

// One file's features and what parsing it found; loaded once however many maps use it.
struct LoadedData {
    GeoCollection collection;
    Diagnostics problems;
    fs::file_time_type modified;
    std::uintmax_t size = 0;
};

}  // namespace

// Files read by earlier checks, kept while they are unchanged on disk, so a studio
// reload does not parse the map data again.
struct MapCheckCache {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const LoadedData>> files;
    std::optional<Gazetteer> gazetteer;
    Diagnostics gazetteerProblems;
    fs::file_time_type gazetteerModified;
};

namespace {

class MapChecker {
public:
    MapChecker(const fs::path& mapsDirectory, Diagnostics& diagnostics, MapCheckCache& cache)
        : mapsDirectory_(mapsDirectory), diagnostics_(diagnostics), cache_(cache) {}

    void check(const Item& item) {
        if (!item.mapNode || !checked_.insert(item.mapNode.get()).second) return;
        const ScriptNode& node = *item.mapNode;
        compileMapScene(node, gazetteer(), diagnostics_);  // reports unknown places
        const ScriptAttribute* srcAttribute = node.attribute("src");
        const SourceLocation& srcWhere = srcAttribute ? srcAttribute->where : node.where;
        const LoadedData* own = item.src.empty() ? nullptr : data(item.src);
        if (own) reportDataProblems(*own, item.src, srcWhere);
        checkHighlights(node, item.src, own);
    }

private:
    const Gazetteer& gazetteer() {
        if (!gazetteerLooked_) {
            gazetteerLooked_ = true;
            fs::path places = mapsDirectory_ / "places.json";
            std::error_code ec;
            fs::file_time_type modified = fs::last_write_time(places, ec);
            if (!cache_.gazetteer || cache_.gazetteerModified != modified) {
                cache_.gazetteerProblems = Diagnostics();
                cache_.gazetteer = Gazetteer::load(places, cache_.gazetteerProblems);
                cache_.gazetteerModified = modified;
            }
            diagnostics_.append(cache_.gazetteerProblems);  // the bundled file's own problems, once
        }
        return *cache_.gazetteer;
    }

    // The data at `path`, or nullptr when there is no file (the media check reports that).
    const LoadedData* data(const std::string& path) {
        auto it = loaded_.find(path);
        if (it != loaded_.end()) return it->second.get();
        std::shared_ptr<const LoadedData> d;
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            fs::file_time_type modified = fs::last_write_time(path, ec);
            std::uintmax_t size = fs::file_size(path, ec);
            auto cached = cache_.files.find(path);
            if (cached != cache_.files.end() && cached->second->modified == modified && cached->second->size == size) {
                d = cached->second;
            } else {
                auto fresh = std::make_shared<LoadedData>();
                fresh->collection = loadGeoJson(path, fresh->problems);
                fresh->modified = modified;
                fresh->size = size;
                cache_.files[path] = fresh;
                d = std::move(fresh);
            }
        }
        return loaded_.emplace(path, std::move(d)).first->second.get();
    }

    // Each problem in the data file, at the map that uses it; the file's own place in the text.
    void reportDataProblems(const LoadedData& d, const std::string& path, const SourceLocation& srcWhere) {
        if (!reportedFor_.insert(path + '\n' + srcWhere.file + ':' + std::to_string(srcWhere.line)).second) return;
        for (const Diagnostic& p : d.problems.all()) {
            std::string at = fs::path(p.where.file.empty() ? path : p.where.file).filename().string();
            if (p.where.line > 0) at += ":" + std::to_string(p.where.line);
            if (p.where.column > 0) at += ":" + std::to_string(p.where.column);
            Diagnostic out = p;
            out.where = srcWhere;
            out.message = "map data " + at + ": " + p.message;
            if (out.hint.empty()) out.hint = "fix the GeoJSON file (" + path + "); the rest of the map still draws";
            diagnostics_.add(std::move(out));
        }
        if (d.problems.empty() && d.collection.features.empty())
            diagnostics_.warning(srcWhere, "map-data-empty", "map data " + fs::path(path).filename().string() +
                                                                 " holds no features",
                                 "give the map a GeoJSON FeatureCollection with the land to draw");
    }

    // A highlight names a feature of the map's data or of the world beneath it, as the
    // drawer looks them up.
    void checkHighlights(const ScriptNode& node, const std::string& src, const LoadedData* own) {
        const LoadedData* world = nullptr;
        bool worldLooked = false;
        for (const ScriptNode& c : node.children) {
            if (c.isText() || c.name != "highlight") continue;
            const ScriptAttribute* f = c.attribute("feature");
            if (!f || f->value.empty()) continue;  // compileMapScene has reported it
            std::string feature = trimmed(f->value);
            if (own && own->collection.find(feature)) continue;
            if (!worldLooked) {
                worldLooked = true;
                fs::path base = mapsDirectory_ / "world.geojson";
                std::error_code ec;
                if (src.empty() || !fs::equivalent(src, base, ec)) world = data(base.string());
            }
            if (world && world->collection.find(feature)) continue;
            if (!own && !world) continue;  // nothing to look in: the missing file is the problem
            std::vector<std::string> names;
            for (const LoadedData* d : {own, world})
                if (d)
                    for (const GeoFeature& g : d->collection.features)
                        if (!g.name.empty()) names.push_back(g.name);
            diagnostics_.error(f->where, "unknown-feature", "the map data has no feature \"" + feature + "\"",
                               didYouMean(feature, names, "name a country as the map data does (e.g. \"Armenia\") or its id"));
        }
    }

    static std::string trimmed(std::string_view s) {
        auto first = s.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) return {};
        return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
    }

    fs::path mapsDirectory_;
    Diagnostics& diagnostics_;
    MapCheckCache& cache_;
    bool gazetteerLooked_ = false;
    std::map<std::string, std::shared_ptr<const LoadedData>> loaded_;  // this check's files
    std::set<std::string> reportedFor_;
    std::set<const ScriptNode*> checked_;  // an element compiled into several items is checked once
};

}  // namespace

void checkMaps(const Show& show, const fs::path& mapsDirectory, Diagnostics& diagnostics) {
    MapCheckCache cache;
    checkMaps(show, mapsDirectory, diagnostics, cache);
}

void checkMaps(const Show& show, const fs::path& mapsDirectory, Diagnostics& diagnostics, MapCheckCache& cache) {
    std::lock_guard lock(cache.mutex);
    MapChecker checker(mapsDirectory, diagnostics, cache);
    for (const Item& item : show.items)
        if (item.kind == ItemKind::Map) checker.check(item);
}

CompileOptions withMapChecks(CompileOptions options, fs::path mapsDirectory) {
    options.checkShow = [previous = std::move(options.checkShow), dir = std::move(mapsDirectory),
                         cache = std::make_shared<MapCheckCache>()](const Show& show, Diagnostics& found) {
        if (previous) previous(show, found);
        checkMaps(show, dir, found, *cache);
    };
    return options;
}

CompileOptions withMapChecks(CompileOptions options) { return withMapChecks(std::move(options), bundledMapsDirectory()); }

}  // namespace vitrine::map
