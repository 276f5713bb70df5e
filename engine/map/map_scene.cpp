#include "map/map_scene.h"

#include "base/asset_paths.h"

#include "map/map_state.h"
#include "map/map_view.h"
#include "map/projected_lines.h"
#include "map/projection_choice.h"
#include "timeline/item_contents.h"
#include "timeline/timing_attributes.h"

#include <algorithm>
#include <cmath>

namespace vitrine::map {
namespace {

constexpr Micros kDefaultFlight = 3 * kMicrosPerSecond;

const Color kDefaultMarkerColour{0xe3, 0xa6, 0x5a, 255};     // warm amber
const Color kFreeLabelColour{0xc9, 0xbd, 0xa8, 255};         // as MapPalette::freeLabel draws unstyled labels
const Color kWaterLabelColour{0x8f, 0xb3, 0xc9, 255};        // a light sea blue, quieter than the land's labels
// Layers: water drawn in a quiet blue line; a designer's own lines in the labels' light tone,
// a little heavier than the borders beneath, so that a historical boundary reads over them.
const Color kWaterLineColour{0x4f, 0x6f, 0x86, 255};
constexpr double kWaterLineWidth = 1.0;   // canvas px
const Color kOwnLayerColour{0xef, 0xe6, 0xd6, 255};
constexpr double kOwnLayerWidth = 2.0;    // canvas px
const Color kDefaultRouteColour{0xe9, 0xd2, 0xae, 235};      // warm light
const Color kDefaultHighlightColour{0xb0, 0x5e, 0x3a, 115};  // ochre-red, under half alpha
constexpr double kDefaultRouteWidth = 3.5;                   // canvas px

// Scale bars and graticules: quiet marks in the labels' light tone.
const Color kDefaultScaleBarColour{0xef, 0xe6, 0xd6, 230};
const Color kDefaultGraticuleColour{0xef, 0xe6, 0xd6, 255};
constexpr double kDefaultScaleBarWidth = 240;  // canvas px
constexpr double kMinScaleBarWidth = 20;
constexpr double kDefaultGraticuleStep = 10;    // degrees
constexpr double kMinGraticuleStep = 1;         // finer would need thousands of lines
constexpr double kMaxGraticuleStep = 90;
constexpr double kDefaultGraticuleOpacity = 0.25;
constexpr double kDefaultGraticuleWidth = 1;    // canvas px
constexpr double kKilometresPerMile = 1.609344;

struct ChildTiming {
    MapTiming timing;
    bool hasDuration = false;
};

// A child's time, read as the timeline reads every element's (one reader of begin, dur,
// end and fill); a child that says nothing of fill holds or not as its kind does.
ChildTiming parseTiming(const ScriptNode& n, bool freezeByDefault) {
    const TimingAttributes a = readTimingAttributes(n);
    ChildTiming out;
    MapTiming& t = out.timing;
    t.begin = a.begin;
    if (a.simple && !a.indefinite) {
        t.duration = *a.simple;
        out.hasDuration = true;
    }
    if (out.hasDuration && !a.freeze.value_or(freezeByDefault)) t.end = t.begin + t.duration;
    return out;
}

class SceneCompiler {
public:
    SceneCompiler(const Gazetteer& gazetteer, Diagnostics& diagnostics, const StyleOver& styles)
        : gazetteer_(gazetteer), diagnostics_(diagnostics), styles_(styles) {}

    MapScene compile(const ScriptNode& node, const std::optional<Box>& dataBounds) {
        MapScene scene;
        if (auto v = parseView(node.value("view"))) scene.view = boxFromView(*v);
        // Without a view the map first shows its data, so the projection is chosen for that.
        scene.projectionSpec = chooseProjection(node.value("projection", "auto"), scene.view ? scene.view : dataBounds);
        scene.projection = scene.projectionSpec.make();
        int order = 0;
        for (const ScriptNode& c : node.children) {
            if (c.isText()) continue;
            ++order;
            if (c.name == "marker") addMarker(scene, c, order);
            else if (c.name == "label") addLabel(scene, c, order);
            else if (c.name == "fly") addFly(scene, c);
            else if (c.name == "view") addView(scene, c);
            else if (c.name == "highlight") addHighlight(scene, c);
            else if (c.name == "route") addRoutes(scene, c, order);
            else if (c.name == "scalebar") addScaleBar(scene, c);
            else if (c.name == "graticule") addGraticule(scene, c);
            else if (c.name == "layer") addLayer(scene, c);
        }
        std::stable_sort(scene.moves.begin(), scene.moves.end(),
                         [](const MapCameraMove& a, const MapCameraMove& b) { return a.timing.begin < b.timing.begin; });
        return scene;
    }

private:
    std::optional<Point2> place(const ScriptNode& n, std::string_view attributeName) {
        const ScriptAttribute* a = n.attribute(attributeName);
        if (!a) {
            diagnostics_.error(n.where, "missing-attribute",
                               "<" + std::string(n.name) + "> needs " + std::string(attributeName) + "=\"lon,lat or a place name\"");
            return std::nullopt;
        }
        return placeNamed(a->value, a->where);
    }

    std::optional<Point2> placeNamed(std::string_view text, const SourceLocation& where) {
        std::string name = trim(text);
        if (auto ll = parseLonLat(name)) return Point2{ll->lon, ll->lat};
        if (auto p = gazetteer_.find(name)) return p->lonLat;
        std::string hint = "write lon,lat (e.g. 49.87,40.41) or a name from assets/maps/places.json";
        if (auto s = gazetteer_.suggest(name)) hint = "did you mean \"" + *s + "\"?";
        diagnostics_.error(where, "unknown-place", "unknown place \"" + name + "\"", hint);
        return std::nullopt;
    }

    static std::string trim(std::string_view s) {
        auto first = s.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) return {};
        auto last = s.find_last_not_of(" \t\r\n");
        return std::string(s.substr(first, last - first + 1));
    }

    void addMarker(MapScene& scene, const ScriptNode& n, int order) {
        auto at = place(n, "at");
        if (!at) return;
        MapMarker m;
        m.at = scene.projection.forward(*at);
        m.label = n.value("label");
        m.labelTranslations = translationsOf(n, "label");
        std::string shape = n.value("shape", "dot");
        m.shape = shape == "ring" ? MarkerShape::Ring : shape == "pulse" ? MarkerShape::Pulse : MarkerShape::Dot;
        m.color = parseColor(n.value("color")).value_or(kDefaultMarkerColour);
        m.timing = parseTiming(n, false).timing;
        m.order = order;
        m.where = n.where;
        scene.markers.push_back(std::move(m));
    }

    void addLabel(MapScene& scene, const ScriptNode& n, int order) {
        auto at = place(n, "at");
        if (!at) return;
        MapLabel l;
        l.at = scene.projection.forward(*at);
        l.text = n.value("text");
        if (l.text.empty()) l.text = n.plainText();
        l.textTranslations = translationsOf(n, "text");
        // <label at="Caspian Sea"/>: a named place's label is its name, and water is named
        // as cartographers name it, in italics of the water's colour.
        const std::optional<Place> named = gazetteer_.find(trim(n.value("at")));
        if (l.text.empty() && named) l.text = named->displayName("en");
        const bool water = named && named->kind == PlaceKind::Water;
        if (water) l.style = waterLabelLook();
        l.timing = parseTiming(n, false).timing;
        l.order = order;
        if (const ScriptAttribute* style = n.attribute("style"); style && styles_)
            l.style = styles_(water ? waterLabelLook() : freeLabelLook(), style->value, style->where);
        l.where = n.where;
        if (!l.text.empty()) scene.labels.push_back(std::move(l));
    }

    void addFly(MapScene& scene, const ScriptNode& n) {
        auto to = place(n, "to");
        if (!to) return;
        MapCameraMove m;
        m.target = MapCameraMove::Target::Place;
        m.place = scene.projection.forward(*to);
        if (auto z = parseNumber(n.value("zoom")); z && *z > 0) m.zoom = *z;
        ChildTiming ct = parseTiming(n, true);
        m.timing = ct.timing;
        if (!ct.hasDuration) m.timing.duration = kDefaultFlight;
        m.easing = parseEasing(n.value("easing", "sine-in-out")).value_or(linearEasing());
        scene.moves.push_back(m);
    }

    void addView(MapScene& scene, const ScriptNode& n) {
        auto v = parseView(n.value("box"));
        if (!v) {
            diagnostics_.error(n.where, "missing-attribute", "<view> needs box=\"lon,lat → lon,lat\"");
            return;
        }
        MapCameraMove m;
        m.target = MapCameraMove::Target::Box;
        m.box = boxFromView(*v);
        ChildTiming ct = parseTiming(n, true);
        m.timing = ct.timing;
        if (!ct.hasDuration) m.timing.duration = 0;  // a cut
        m.easing = parseEasing("sine-in-out").value_or(linearEasing());
        scene.moves.push_back(m);
    }

    void addHighlight(MapScene& scene, const ScriptNode& n) {
        const ScriptAttribute* f = n.attribute("feature");
        if (!f || f->value.empty()) {
            diagnostics_.error(n.where, "missing-attribute", "<highlight> needs feature=\"a country's name or id\"");
            return;
        }
        MapHighlight h;
        h.feature = trim(f->value);
        h.where = f->where;
        h.color = parseColor(n.value("color")).value_or(kDefaultHighlightColour);
        h.timing = parseTiming(n, false).timing;
        scene.highlights.push_back(std::move(h));
    }

    // One line per destination; with `via`, each passes through those places in order first.
    void addRoutes(MapScene& scene, const ScriptNode& n, int order) {
        auto from = place(n, "from");
        const ScriptAttribute* to = n.attribute("to");
        if (!to) {
            diagnostics_.error(n.where, "missing-attribute", "<route> needs to=\"places separated by ';'\"");
            return;
        }
        std::vector<Point2> stops;  // from, then the via places: the stops every line shares
        bool known = from.has_value();
        if (from) stops.push_back(*from);
        if (const ScriptAttribute* via = n.attribute("via"))
            for (const std::string& name : split(via->value)) {
                auto p = placeNamed(name, via->where);
                if (p) stops.push_back(*p);
                known = known && p.has_value();
            }
        const bool curved = n.value("legs", "curved") != "straight";
        std::vector<std::string> labels = split(n.value("label"));
        const Translations translations = translationsOf(n, "label");
        std::vector<std::string> names = split(to->value);
        ChildTiming ct = parseTiming(n, true);
        Color colour = parseColor(n.value("color")).value_or(kDefaultRouteColour);
        double width = parseNumber(n.value("width")).value_or(kDefaultRouteWidth);
        for (std::size_t i = 0; i < names.size(); ++i) {
            auto dest = placeNamed(names[i], to->where);
            if (!known || !dest) continue;
            std::vector<Point2> through = stops;
            through.push_back(*dest);
            MapRoute r;
            r.path = routePath(scene.projection, through, curved);
            r.cumulative.resize(r.path.size());
            for (std::size_t k = 1; k < r.path.size(); ++k)
                r.cumulative[k] = r.cumulative[k - 1] + std::hypot(r.path[k].x - r.path[k - 1].x, r.path[k].y - r.path[k - 1].y);
            // One label per destination when the list matches; a single label goes to the first.
            if (i < labels.size() && (labels.size() == names.size() || i == 0)) {
                r.label = labels[i];
                // A translation lists its labels as the attribute does, one per destination.
                for (const Translation& t : translations)
                    if (std::vector<std::string> parts = split(t.text); i < parts.size())
                        r.labelTranslations.push_back({t.lang, parts[i]});
            }
            r.color = colour;
            r.width = std::max(0.5, width);
            r.timing = ct.timing;
            r.order = order;
            r.where = n.where;
            scene.routes.push_back(std::move(r));
        }
    }

    void addScaleBar(MapScene& scene, const ScriptNode& n) {
        MapScaleBar b;
        std::string position = n.value("position", "bottom-left");
        b.corner = position == "top-left"    ? MapCorner::TopLeft
                   : position == "top-right" ? MapCorner::TopRight
                   : position == "bottom-right" ? MapCorner::BottomRight
                                                : MapCorner::BottomLeft;
        b.maxWidth = parseNumber(n.value("max-width")).value_or(kDefaultScaleBarWidth);
        if (b.maxWidth < kMinScaleBarWidth) {
            const ScriptAttribute* a = n.attribute("max-width");
            diagnostics_.error(a ? a->where : n.where, "bad-value", "<scalebar> max-width must be at least 20 px",
                               "give the bar room for a distance, e.g. max-width=\"240\"");
            b.maxWidth = kDefaultScaleBarWidth;
        }
        if (n.value("units", "km") == "mi") {
            b.kilometresPerUnit = kKilometresPerMile;
            b.unitName = "mi";
        }
        b.color = parseColor(n.value("color")).value_or(kDefaultScaleBarColour);
        b.timing = parseTiming(n, false).timing;
        scene.scaleBars.push_back(std::move(b));
    }

    // A layer of Natural Earth's (data="lakes") or of the designer's own (src="…"), in the
    // style its attributes give over its kind's look.
    void addLayer(MapScene& scene, const ScriptNode& n) {
        MapDataLayer l;
        const ScriptAttribute* src = n.attribute("src");
        l.where = src ? src->where : n.where;
        const std::string data = n.value("data");
        if ((src != nullptr) == !data.empty()) {
            diagnostics_.error(n.where, "layer-data", "<layer> takes one of src (your own map data) and data (Natural Earth's)",
                               "src=\"borders-1990.geojson\", or data=\"lakes\", \"rivers\" or \"coastline\"");
            return;
        }
        if (src) l.src = resolveElementPath(n, std::string(src->value)).string();  // relative to the script, as media are
        if (data == "lakes") {
            l.kind = MapDataLayer::Kind::Lakes;
            l.color = kWaterLineColour;
            l.width = kWaterLineWidth;
            l.waterFill = true;
        } else if (data == "rivers") {
            l.kind = MapDataLayer::Kind::Rivers;
            l.color = kWaterLineColour;
            l.width = kWaterLineWidth;
        } else if (data == "coastline") {
            l.kind = MapDataLayer::Kind::Coastline;
            l.color = kWaterLineColour;
            l.width = kWaterLineWidth;
        } else {
            l.color = kOwnLayerColour;
            l.width = kOwnLayerWidth;
        }
        if (auto c = parseColor(n.value("color"))) l.color = *c;
        if (auto w = parseNumber(n.value("width"))) l.width = std::max(0.0, *w);
        if (auto f = parseColor(n.value("fill-color"))) {
            l.fill = *f;
            l.waterFill = false;
        }
        l.opacity = std::clamp(parseNumber(n.value("opacity")).value_or(1.0), 0.0, 1.0);
        l.timing = parseTiming(n, false).timing;
        scene.layers.push_back(std::move(l));
    }

    void addGraticule(MapScene& scene, const ScriptNode& n) {
        MapGraticule g;
        g.step = parseNumber(n.value("step")).value_or(kDefaultGraticuleStep);
        if (!(g.step >= kMinGraticuleStep && g.step <= kMaxGraticuleStep)) {
            const ScriptAttribute* a = n.attribute("step");
            diagnostics_.error(a ? a->where : n.where, "bad-value", "<graticule> step must be between 1 and 90 degrees",
                               "e.g. step=\"10\"");
            g.step = kDefaultGraticuleStep;
        }
        g.color = parseColor(n.value("color")).value_or(kDefaultGraticuleColour);
        g.width = std::max(0.5, parseNumber(n.value("width")).value_or(kDefaultGraticuleWidth));
        g.opacity = std::clamp(parseNumber(n.value("opacity")).value_or(kDefaultGraticuleOpacity), 0.0, 1.0);
        g.timing = parseTiming(n, false).timing;
        g.lines = graticuleLines(scene.projectionSpec, scene.projection, g.step);
        scene.graticules.push_back(std::move(g));
    }


    static std::vector<std::string> split(std::string_view list) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (start <= list.size()) {
            std::size_t semi = list.find(';', start);
            std::string part = trim(list.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
            if (!part.empty()) out.push_back(part);
            if (semi == std::string_view::npos) break;
            start = semi + 1;
        }
        return out;
    }


    const Gazetteer& gazetteer_;
    Diagnostics& diagnostics_;
    const StyleOver& styles_;
};

}  // namespace


MapScene compileMapScene(const ScriptNode& mapNode, const Gazetteer& gazetteer, Diagnostics& diagnostics,
                         const StyleOver& styles, const std::optional<Box>& dataBounds) {
    return SceneCompiler(gazetteer, diagnostics, styles).compile(mapNode, dataBounds);
}

TextStyle freeLabelLook() {
    TextStyle look;
    look.font = "sans";
    look.size = MapMetrics::freeLabelSize;
    look.color = kFreeLabelColour;
    return look;
}

TextStyle waterLabelLook() {
    TextStyle look = freeLabelLook();
    look.italic = true;
    look.color = kWaterLabelColour;
    return look;
}

std::filesystem::path bundledMapsDirectory() { return assetsDirectory() / "maps"; }

}  // namespace vitrine::map
