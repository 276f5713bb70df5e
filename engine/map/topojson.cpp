#include "map/topojson.h"

#include "files/bounded_read.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace vitrine::map {

using nlohmann::json;

namespace {

constexpr std::size_t minRingPositions = 4;  // as GeoJSON's (RFC 7946 §3.1.6)

std::string stringMember(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::string scalarText(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Two finite numbers, the first two of a position array.
std::optional<Point2> numbers(const json& c) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) return std::nullopt;
    const Point2 p{c[0].get<double>(), c[1].get<double>()};
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
    return p;
}

// Off the globe a projection gives no point, and GLU's tessellator crashed on a ring
// holding one (see geojson.cpp); quantisation may overshoot ±180 by a rounding error.
bool onGlobe(Point2 p) {
    constexpr double slack = 1e-9;
    return std::abs(p.x) <= 180 + slack && std::abs(p.y) <= 90 + slack;
}

class TopologyReader {
public:
    TopologyReader(const LocatedJson& doc, Diagnostics& diagnostics) : doc_(doc), diagnostics_(diagnostics) {}

    GeoCollection read(std::string_view objectName) {
        GeoCollection out;
        const json& root = doc_.root();
        const SourceLocation rootAt = doc_.where(root);
        if (!transform(root, rootAt) || !decodeArcs(root, rootAt)) return out;
        auto objects = root.find("objects");
        if (objects == root.end() || !objects->is_object()) {
            if (doc_.complete()) error(rootAt, "topojson-root", "a Topology needs an \"objects\" object");
            return out;
        }
        bool found = objectName.empty();
        for (const auto& [name, object] : objects->items()) {
            if (!objectName.empty() && name != objectName) continue;
            found = true;
            if (doc_.finished(object)) this->object(object, rootAt, out);
        }
        if (!found && doc_.complete())
            error(rootAt, "topojson-object", "the Topology has no object \"" + std::string(objectName) + "\"");
        return out;
    }

private:
    void error(SourceLocation at, std::string code, std::string message, std::string hint = {}) {
        diagnostics_.error(std::move(at), std::move(code), std::move(message), std::move(hint));
    }

    SourceLocation at(const json& v, const SourceLocation& fallback) const {
        SourceLocation where = doc_.where(v);
        return where.line > 0 ? where : fallback;
    }

    // Reads "transform"; false (after a diagnostic) when it is there but malformed.
    bool transform(const json& root, const SourceLocation& rootAt) {
        auto t = root.find("transform");
        if (t == root.end()) return true;
        const auto scale = t->is_object() && t->contains("scale") ? numbers((*t)["scale"]) : std::nullopt;
        const auto translate = t->is_object() && t->contains("translate") ? numbers((*t)["translate"]) : std::nullopt;
        if (!scale || !translate) {
            error(at(*t, rootAt), "topojson-transform",
                  "a transform needs \"scale\" and \"translate\", each two finite numbers");
            return false;
        }
        scale_ = *scale;
        translate_ = *translate;
        quantised_ = true;
        return true;
    }

    Point2 dequantise(Point2 q) const {
        return quantised_ ? Point2{q.x * scale_.x + translate_.x, q.y * scale_.y + translate_.y} : q;
    }

    // Decodes every arc into lon/lat; an arc with a bad position is left empty (after one
    // diagnostic) and the geometries using it lose that line or ring.
    bool decodeArcs(const json& root, const SourceLocation& rootAt) {
        auto arcs = root.find("arcs");
        if (arcs == root.end() || !arcs->is_array()) {
            if (doc_.complete()) error(rootAt, "topojson-root", "a Topology needs an \"arcs\" array");
            return false;
        }
        arcs_.reserve(arcs->size());
        for (const json& arc : *arcs) {
            std::vector<Point2>& out = arcs_.emplace_back();
            if (!doc_.finished(arc)) continue;
            if (!arc.is_array() || arc.size() < 2) {
                error(at(arc, rootAt), "topojson-arc", "an arc must be an array of at least two positions");
                continue;
            }
            Point2 sum{};
            out.reserve(arc.size());
            for (const json& position : arc) {
                auto q = numbers(position);
                // Delta encoding: each quantised position after the first is added to the one before.
                if (q && quantised_) q = sum = Point2{sum.x + q->x, sum.y + q->y};
                const std::optional<Point2> p = q ? std::optional(dequantise(*q)) : std::nullopt;
                if (!p || !onGlobe(*p)) {
                    error(at(arc, rootAt), "topojson-arc",
                          "an arc's position must be two numbers giving a longitude from -180 to 180 and a "
                          "latitude from -90 to 90");
                    out.clear();
                    break;
                }
                out.push_back(*p);
            }
        }
        return true;
    }

    void object(const json& g, const SourceLocation& near, GeoCollection& out) {
        const SourceLocation where = at(g, near);
        if (!g.is_object()) {
            error(where, "topojson-geometry", "a geometry object must be a JSON object");
            return;
        }
        if (stringMember(g, "type") == "GeometryCollection") {
            auto parts = g.find("geometries");
            if (parts == g.end() || !parts->is_array()) {
                error(where, "topojson-geometry", "a GeometryCollection needs a \"geometries\" array");
                return;
            }
            for (const json& part : *parts)
                if (doc_.finished(part)) object(part, where, out);
            return;
        }
        GeoFeature feature;
        feature.where = where;
        if (auto id = g.find("id"); id != g.end()) feature.id = scalarText(*id);
        if (auto props = g.find("properties"); props != g.end() && props->is_object()) {
            for (const auto& [key, v] : props->items())
                if (!v.is_null()) feature.properties[key] = scalarText(v);
        }
        if (auto name = feature.properties.find("name"); name != feature.properties.end()) feature.name = name->second;
        geometry(g, where, feature);
        out.features.push_back(std::move(feature));
    }

    void geometry(const json& g, const SourceLocation& where, GeoFeature& f) {
        const std::string type = stringMember(g, "type");
        if (type.empty() || type == "null") return;  // a geometry without a location (spec §2.2)
        if (type == "Point" || type == "MultiPoint") {
            auto coords = g.find("coordinates");
            if (coords == g.end() || !coords->is_array()) {
                error(where, "topojson-geometry", type + " needs a \"coordinates\" array");
                return;
            }
            if (type == "Point") {
                point(*coords, where, f);
            } else {
                for (const json& c : *coords) point(c, where, f);
            }
            return;
        }
        auto arcs = g.find("arcs");
        if (arcs == g.end() || !arcs->is_array()) {
            if (type == "LineString" || type == "MultiLineString" || type == "Polygon" || type == "MultiPolygon") {
                error(where, "topojson-geometry", type + " needs an \"arcs\" array");
            } else {
                error(where, "topojson-geometry", "unknown geometry type \"" + type + "\"",
                      "use Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or "
                      "GeometryCollection");
            }
            return;
        }
        if (type == "LineString") {
            line(*arcs, where, f);
        } else if (type == "MultiLineString") {
            for (const json& l : *arcs) line(l, where, f);
        } else if (type == "Polygon") {
            polygon(*arcs, where, f);
        } else if (type == "MultiPolygon") {
            for (const json& p : *arcs) polygon(p, where, f);
        } else {
            error(where, "topojson-geometry", "unknown geometry type \"" + type + "\"");
        }
    }

    // A point's coordinates are quantised but never delta-encoded (spec §2.2.1).
    void point(const json& c, const SourceLocation& where, GeoFeature& f) {
        const auto q = numbers(c);
        const std::optional<Point2> p = q ? std::optional(dequantise(*q)) : std::nullopt;
        if (!p || !onGlobe(*p)) {
            error(at(c, where), "topojson-position",
                  "a position must be [longitude, latitude] with a longitude from -180 to 180 and a latitude "
                  "from -90 to 90");
            return;
        }
        f.points.push_back(*p);
    }

    // The arcs named by `indexes` joined into one line: each arc's first position is the
    // previous arc's last, so it is not repeated. nullopt (after a diagnostic) when an index
    // is not an integer naming an arc, or names an arc that could not be read.
    std::optional<std::vector<Point2>> join(const json& indexes, const SourceLocation& where) {
        if (!indexes.is_array()) {
            error(at(indexes, where), "topojson-geometry", "expected an array of arc indexes");
            return std::nullopt;
        }
        std::vector<Point2> out;
        const auto count = static_cast<std::int64_t>(arcs_.size());
        for (const json& index : indexes) {
            if (!index.is_number_integer()) {
                error(at(indexes, where), "topojson-arc-index", "an arc index must be an integer");
                return std::nullopt;
            }
            const std::int64_t i = index.get<std::int64_t>();
            const std::int64_t arc = i < 0 ? ~i : i;  // ~i: arc i < 0 is arc ~i reversed
            if (arc >= count) {
                error(at(indexes, where), "topojson-arc-index",
                      "arc index " + std::to_string(i) + " names no arc (the Topology has " +
                          std::to_string(count) + ")");
                return std::nullopt;
            }
            const std::vector<Point2>& points = arcs_[static_cast<std::size_t>(arc)];
            if (points.empty()) return std::nullopt;  // its own diagnostic said why
            const std::size_t from = out.empty() ? 0 : 1;
            if (i >= 0) {
                out.insert(out.end(), points.begin() + static_cast<std::ptrdiff_t>(from), points.end());
            } else {
                out.insert(out.end(), points.rbegin() + static_cast<std::ptrdiff_t>(from), points.rend());
            }
        }
        return out;
    }

    void line(const json& indexes, const SourceLocation& where, GeoFeature& f) {
        auto points = join(indexes, where);
        if (!points) return;
        if (points->size() < 2) {
            error(at(indexes, where), "topojson-geometry", "a LineString needs at least one arc");
            return;
        }
        f.lines.push_back(std::move(*points));
    }

    void polygon(const json& rings, const SourceLocation& where, GeoFeature& f) {
        if (!rings.is_array() || rings.empty()) {
            error(at(rings, where), "topojson-geometry", "a Polygon needs an array of rings");
            return;
        }
        Polygon poly;
        for (std::size_t i = 0; i < rings.size(); ++i) {
            auto ring = join(rings[i], at(rings, where));
            if (ring && !ring->empty() && !(ring->front() == ring->back())) {
                diagnostics_.warning(at(rings[i], where), "topojson-ring-open",
                                     "polygon ring does not end where it starts; closing it",
                                     "a ring's arcs must join into a closed line");
                ring->push_back(ring->front());
            }
            if (ring && ring->size() < minRingPositions) {
                // Quantising collapses an islet smaller than its grid into a ring without
                // area (nine in Natural Earth's 1:10m countries): nothing to draw, nothing wrong.
                if (!quantised_)
                    error(at(rings[i], where), "topojson-ring-short",
                          "a polygon ring needs at least four positions (the last repeating the first)");
                ring.reset();
            }
            if (!ring) {
                // Without its exterior the holes mean nothing; a lost hole only loses the hole.
                if (i == 0) return;
                continue;
            }
            poly.rings.push_back(std::move(*ring));
        }
        f.polygons.push_back(std::move(poly));
    }

    const LocatedJson& doc_;
    Diagnostics& diagnostics_;
    bool quantised_ = false;
    Point2 scale_{1, 1};
    Point2 translate_{};
    std::vector<std::vector<Point2>> arcs_;
};

}  // namespace

GeoCollection readTopoJson(const LocatedJson& doc, Diagnostics& diagnostics, std::string_view object) {
    const json& root = doc.root();
    if (root.is_null()) return {};  // the syntax error said why
    if (!root.is_object() || stringMember(root, "type") != "Topology") {
        diagnostics.error(doc.where(root), "topojson-root", "expected \"type\": \"Topology\" at the top level");
        return {};
    }
    return TopologyReader(doc, diagnostics).read(object);
}

GeoCollection parseMapData(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                           std::string_view object) {
    const LocatedJson doc = LocatedJson::parse(text, file, diagnostics);
    const json& root = doc.root();
    if (root.is_object() && stringMember(root, "type") == "Topology") return readTopoJson(doc, diagnostics, object);
    return readGeoJson(doc, diagnostics);
}

GeoCollection loadMapData(const std::filesystem::path& path, Diagnostics& diagnostics, std::string_view object) {
    auto text = readTextFile(path);
    if (!text) {
        diagnostics.error(SourceLocation{path.string(), 0, 0}, "file-unreadable", "cannot read map data " + path.string());
        return {};
    }
    if (refuseTooLarge(*text, path.string(), kMaxMapFileBytes, "map data file", diagnostics)) return {};
    return parseMapData(*text, path.string(), diagnostics, object);
}

}  // namespace vitrine::map
