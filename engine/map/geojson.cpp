#include "map/geojson.h"

#include "files/bounded_read.h"
#include "map/located_json.h"

#include <cmath>
#include <optional>

namespace vitrine::map {

using nlohmann::json;

namespace {

// Fewer than this many positions cannot close a ring with area (RFC 7946 §3.1.6).
constexpr std::size_t minRingPositions = 4;

// The string member `key` of `object`, or "" when absent or not a string
// (json::value() would throw on a wrong type).
std::string stringMember(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

class GeometryReader {
public:
    GeometryReader(const LocatedJson& doc, Diagnostics& diagnostics)
        : doc_(doc), diagnostics_(diagnostics) {}

    void feature(const json& value, GeoCollection& out) {
        const SourceLocation at = doc_.where(value);
        if (!value.is_object()) {
            error(at, "geojson-feature", "a feature must be a JSON object");
            return;
        }
        if (stringMember(value, "type") != "Feature") {
            error(at, "geojson-feature", "expected an object with \"type\": \"Feature\"");
            return;
        }
        GeoFeature feature;
        feature.where = at;
        if (auto id = value.find("id"); id != value.end()) feature.id = scalarText(*id);
        if (auto props = value.find("properties"); props != value.end() && props->is_object()) {
            for (const auto& [key, v] : props->items()) {
                if (!v.is_null()) feature.properties[key] = scalarText(v);
            }
        }
        if (auto name = feature.properties.find("name"); name != feature.properties.end()) {
            feature.name = name->second;
        }
        auto geometry = value.find("geometry");
        if (geometry == value.end()) {
            error(at, "geojson-geometry", "feature has no \"geometry\" member",
                  "use \"geometry\": null for a feature without a location");
        } else if (!geometry->is_null()) {
            this->geometry(*geometry, at, feature);
        }
        out.features.push_back(std::move(feature));
    }

private:
    static std::string scalarText(const json& v) {
        if (v.is_string()) return v.get<std::string>();
        return v.dump();
    }

    void error(SourceLocation at, std::string code, std::string message, std::string hint = {}) {
        diagnostics_.error(std::move(at), std::move(code), std::move(message), std::move(hint));
    }

    SourceLocation at(const json& v, const SourceLocation& fallback) const {
        SourceLocation where = doc_.where(v);
        return where.line > 0 ? where : fallback;
    }

    void geometry(const json& g, const SourceLocation& near, GeoFeature& f) {
        const SourceLocation where = at(g, near);
        if (!g.is_object()) {
            error(where, "geojson-geometry", "a geometry must be a JSON object or null");
            return;
        }
        const std::string type = stringMember(g, "type");
        if (type == "GeometryCollection") {
            auto parts = g.find("geometries");
            if (parts == g.end() || !parts->is_array()) {
                error(where, "geojson-geometry", "GeometryCollection needs a \"geometries\" array");
                return;
            }
            for (const json& part : *parts) geometry(part, where, f);
            return;
        }
        auto coords = g.find("coordinates");
        if (coords == g.end() || !coords->is_array()) {
            error(where, "geojson-geometry", type + " needs a \"coordinates\" array");
            return;
        }
        if (type == "Point") {
            if (auto p = position(*coords, where)) f.points.push_back(*p);
        } else if (type == "MultiPoint") {
            for (const json& c : *coords) {
                if (auto p = position(c, where)) f.points.push_back(*p);
            }
        } else if (type == "LineString") {
            lineString(*coords, where, f);
        } else if (type == "MultiLineString") {
            for (const json& c : *coords) lineString(c, where, f);
        } else if (type == "Polygon") {
            polygon(*coords, where, f);
        } else if (type == "MultiPolygon") {
            for (const json& c : *coords) polygon(c, where, f);
        } else {
            error(where, "geojson-geometry", "unknown geometry type \"" + type + "\"",
                  "use Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon "
                  "or GeometryCollection");
        }
    }

    std::optional<Point2> position(const json& c, const SourceLocation& near) {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
            error(at(c, near), "geojson-position",
                  "a position must be an array of at least two numbers [longitude, latitude]");
            return std::nullopt;
        }
        const Point2 p{c[0].get<double>(), c[1].get<double>()};
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            error(at(c, near), "geojson-position", "a position must hold finite numbers");
            return std::nullopt;
        }
        // Off the globe, a projection gives no point (NaN or a huge number), and GLU's
        // tessellator crashed on a ring holding one (a latitude of 99, found by fuzzing).
        // RFC 7946 keeps longitudes within ±180 by cutting at the antimeridian.
        if (p.x < -180 || p.x > 180 || p.y < -90 || p.y > 90) {
            error(at(c, near), "geojson-position",
                  "a position must be [longitude, latitude] with a longitude from -180 to 180 and a latitude "
                  "from -90 to 90");
            return std::nullopt;
        }
        return p;
    }

    // Reads every position of an array; false (after one diagnostic) when any is bad.
    bool positions(const json& c, const SourceLocation& near, std::vector<Point2>& out) {
        if (!c.is_array()) {
            error(at(c, near), "geojson-geometry", "expected an array of positions");
            return false;
        }
        for (const json& p : c) {
            auto point = position(p, at(c, near));
            if (!point) return false;
            out.push_back(*point);
        }
        return true;
    }

    void lineString(const json& c, const SourceLocation& near, GeoFeature& f) {
        std::vector<Point2> line;
        if (!positions(c, near, line)) return;
        if (line.size() < 2) {
            error(at(c, near), "geojson-geometry", "a LineString needs at least two positions");
            return;
        }
        f.lines.push_back(std::move(line));
    }

    std::optional<Ring> ring(const json& c, const SourceLocation& near) {
        Ring r;
        if (!positions(c, near, r)) return std::nullopt;
        if (!r.empty() && !(r.front() == r.back())) {
            diagnostics_.warning(at(c, near), "geojson-ring-open",
                                 "polygon ring does not end where it starts; closing it",
                                 "repeat the first position at the end of the ring");
            r.push_back(r.front());
        }
        if (r.size() < minRingPositions) {
            error(at(c, near), "geojson-ring-short",
                  "a polygon ring needs at least four positions (the last repeating the first)");
            return std::nullopt;
        }
        return r;
    }

    void polygon(const json& c, const SourceLocation& near, GeoFeature& f) {
        const SourceLocation where = at(c, near);
        if (!c.is_array() || c.empty()) {
            error(where, "geojson-geometry", "a Polygon needs an array of rings");
            return;
        }
        Polygon poly;
        for (std::size_t i = 0; i < c.size(); ++i) {
            auto r = ring(c[i], where);
            if (!r) {
                // Without its exterior the holes mean nothing; a lost hole only loses the hole.
                if (i == 0) return;
                continue;
            }
            poly.rings.push_back(std::move(*r));
        }
        f.polygons.push_back(std::move(poly));
    }

    const LocatedJson& doc_;
    Diagnostics& diagnostics_;
};

}  // namespace

const GeoFeature* GeoCollection::find(std::string_view idOrName) const {
    for (const GeoFeature& f : features) {
        if (f.id == idOrName || f.name == idOrName) return &f;
    }
    return nullptr;
}

GeoCollection parseGeoJson(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    return readGeoJson(LocatedJson::parse(text, file, diagnostics), diagnostics);
}

GeoCollection readGeoJson(const LocatedJson& doc, Diagnostics& diagnostics) {
    GeoCollection out;
    const json& root = doc.root();
    if (root.is_null()) return out;  // the syntax error said why
    GeometryReader reader(doc, diagnostics);
    const SourceLocation rootAt = doc.where(root);
    if (!root.is_object()) {
        diagnostics.error(rootAt, "geojson-root", "a GeoJSON file must hold a JSON object");
        return out;
    }
    const std::string type = stringMember(root, "type");
    if (type == "Feature") {
        if (doc.finished(root)) reader.feature(root, out);
        return out;
    }
    if (type != "FeatureCollection") {
        diagnostics.error(rootAt, "geojson-root",
                          "expected \"type\": \"FeatureCollection\" at the top level",
                          "wrap geometries in Features inside a FeatureCollection");
        return out;
    }
    auto features = root.find("features");
    if (features == root.end() || !features->is_array()) {
        if (doc.complete()) {
            diagnostics.error(rootAt, "geojson-root", "a FeatureCollection needs a \"features\" array");
        }
        return out;
    }
    for (const json& feature : *features) {
        // A feature the syntax error cut in half is dropped; its neighbours load.
        if (doc.finished(feature)) reader.feature(feature, out);
    }
    return out;
}

GeoCollection loadGeoJson(const std::filesystem::path& path, Diagnostics& diagnostics) {
    auto text = readTextFile(path);
    if (!text) {
        diagnostics.error(SourceLocation{path.string(), 0, 0}, "file-unreadable",
                          "cannot read GeoJSON file " + path.string());
        return {};
    }
    if (refuseTooLarge(*text, path.string(), kMaxMapFileBytes, "GeoJSON file", diagnostics)) return {};
    return parseGeoJson(*text, path.string(), diagnostics);
}

}  // namespace vitrine::map
