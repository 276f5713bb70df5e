#include "map/map_scene.h"

#include "base/asset_paths.h"

#include "map/fly_path.h"
#include "map/map_view.h"
#include "text/utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <cstdio>
#include <sstream>

namespace vitrine::map {
namespace {

// A conic's standard parallels sit a sixth of the view's height inside its edges, which
// keeps the scale error of a regional map under a fraction of a percent.
constexpr double kStandardParallelInset = 1.0 / 6.0;
// The parallels' sum below which a conic degenerates into a cylinder (cone constant 0).
constexpr double kMinConeParallelSum = 1.0;
// With no view and no data, the world between these latitudes.
constexpr Box kWorldBox{-180.0, -58.0, 180.0, 78.0};

constexpr Micros kMarkerFade = 600 * kMicrosPerMillisecond;
constexpr Micros kHighlightFade = 800 * kMicrosPerMillisecond;
constexpr Micros kRouteLabelFade = 600 * kMicrosPerMillisecond;
constexpr Micros kDefaultFlight = 3 * kMicrosPerSecond;
constexpr Micros kPulsePeriod = 2 * kMicrosPerSecond;

// Routes: points along each line, and how far it bows away from its chord (a sine bump
// of this fraction of the chord's length).
constexpr int kRouteSamples = 96;
constexpr double kRouteBow = 0.14;
constexpr double kLineClearance = 4;  // canvas px kept between a route and any label

const Color kDefaultMarkerColour{0xe3, 0xa6, 0x5a, 255};     // warm amber
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
constexpr double kGraticuleSampleDegrees = 0.5;  // between a line's points: smooth curves at any zoom shown
constexpr double kKilometresPerMile = 1.609344;
constexpr double kSeamInsetDegrees = 1e-6;  // keeps a parallel's ends on their own side of the seam
// Latitudes a graticule spans: Web Mercator's square world; a conic's open side stops
// where the layers stop drawing land.
constexpr double kMercatorGraticuleLimit = 85.0;
constexpr double kConicFarLimit = 60.0;
constexpr double kConicNearLimit = 84.0;
constexpr double kPolarLimit = 90.0;

// The estimate used when no font metrics are given: an average sans advance per character.
constexpr double kEstimatedAdvancePerEm = 0.55;
constexpr double kEstimatedLineHeight = 1.25;

Box boxFromView(const std::pair<LonLat, LonLat>& v) {
    return Box{std::min(v.first.lon, v.second.lon), std::min(v.first.lat, v.second.lat),
               std::max(v.first.lon, v.second.lon), std::max(v.first.lat, v.second.lat)};
}

ProjectionSpec specFor(const std::string& name, const std::optional<Box>& view) {
    ProjectionSpec s;
    Box b = view.value_or(Box{-30.0, 30.0, 60.0, 60.0});
    s.centralMeridian = (b.west + b.east) / 2.0;
    s.originLatitude = (b.south + b.north) / 2.0;
    if (name == "mercator") {
        s.kind = ProjectionKind::WebMercator;
        s.centralMeridian = s.originLatitude = 0;
    } else if (name == "equirectangular") {
        s.kind = ProjectionKind::Equirectangular;
        s.parallel1 = s.originLatitude;
    } else {
        s.kind = ProjectionKind::LambertConformalConic;
        double inset = (b.north - b.south) * kStandardParallelInset;
        s.parallel1 = b.south + inset;
        s.parallel2 = b.north - inset;
        if (std::abs(s.parallel1 + s.parallel2) < kMinConeParallelSum) {
            s.kind = ProjectionKind::WebMercator;  // a view across the equator: a cylinder
            s.centralMeridian = s.originLatitude = s.parallel1 = s.parallel2 = 0;
        }
    }
    return s;
}

struct ChildTiming {
    MapTiming timing;
    bool hasDuration = false;
};

ChildTiming parseTiming(const ScriptNode& n, bool freezeByDefault) {
    ChildTiming out;
    MapTiming& t = out.timing;
    t.begin = parseTimeValue(n.value("begin")).value_or(0);
    std::string dur = n.value("dur");
    if (dur == "indefinite") {
        t.duration = MapTiming::kForever;
    } else if (auto d = parseTimeValue(dur); d && *d >= 0) {
        t.duration = *d;
        out.hasDuration = true;
    } else if (auto e = parseTimeValue(n.value("end")); e && *e >= t.begin) {
        t.duration = *e - t.begin;
        out.hasDuration = true;
    }
    std::string fill = n.value("fill");
    bool freeze = fill.empty() ? freezeByDefault : fill == "freeze";
    if (out.hasDuration && !freeze) t.end = t.begin + t.duration;
    return out;
}

// Opacity of something that fades in at its begin and, when it ends, out before its end.
double fadeOpacity(const MapTiming& t, Micros local, Micros fade) {
    if (local < t.begin || local >= t.end) return 0.0;
    double in = fade > 0 ? std::min(1.0, double(local - t.begin) / double(fade)) : 1.0;
    double out = 1.0;
    if (t.end != MapTiming::kForever) {
        Micros span = std::min(fade, (t.end - t.begin) / 2);
        if (span > 0) out = std::min(1.0, double(t.end - local) / double(span));
    }
    return std::clamp(std::min(in, out), 0.0, 1.0);
}

// Progress through an active duration: 0 before, 1 after (or when it has no length).
double activeProgress(const MapTiming& t, Micros local) {
    if (local < t.begin) return 0.0;
    if (t.duration == MapTiming::kForever || t.duration <= 0) return 1.0;
    return std::clamp(double(local - t.begin) / double(t.duration), 0.0, 1.0);
}

class SceneCompiler {
public:
    SceneCompiler(const Gazetteer& gazetteer, Diagnostics& diagnostics)
        : gazetteer_(gazetteer), diagnostics_(diagnostics) {}

    MapScene compile(const ScriptNode& node) {
        MapScene scene;
        if (auto v = parseView(node.value("view"))) scene.view = boxFromView(*v);
        scene.projectionSpec = specFor(node.value("projection", "lambert"), scene.view);
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
        std::string shape = n.value("shape", "dot");
        m.shape = shape == "ring" ? MarkerShape::Ring : shape == "pulse" ? MarkerShape::Pulse : MarkerShape::Dot;
        m.color = parseColor(n.value("color")).value_or(kDefaultMarkerColour);
        m.timing = parseTiming(n, false).timing;
        m.order = order;
        scene.markers.push_back(std::move(m));
    }

    void addLabel(MapScene& scene, const ScriptNode& n, int order) {
        auto at = place(n, "at");
        if (!at) return;
        MapLabel l;
        l.at = scene.projection.forward(*at);
        l.text = n.value("text");
        if (l.text.empty()) l.text = n.plainText();
        l.timing = parseTiming(n, false).timing;
        l.order = order;
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

    void addRoutes(MapScene& scene, const ScriptNode& n, int order) {
        auto from = place(n, "from");
        const ScriptAttribute* to = n.attribute("to");
        if (!to) {
            diagnostics_.error(n.where, "missing-attribute", "<route> needs to=\"places separated by ';'\"");
            return;
        }
        std::vector<std::string> labels = split(n.value("label"));
        std::vector<std::string> names = split(to->value);
        ChildTiming ct = parseTiming(n, true);
        Color colour = parseColor(n.value("color")).value_or(kDefaultRouteColour);
        double width = parseNumber(n.value("width")).value_or(kDefaultRouteWidth);
        for (std::size_t i = 0; i < names.size(); ++i) {
            auto dest = placeNamed(names[i], to->where);
            if (!from || !dest) continue;
            MapRoute r;
            r.path = routePath(scene.projection, *from, *dest);
            r.cumulative.resize(r.path.size());
            for (std::size_t k = 1; k < r.path.size(); ++k)
                r.cumulative[k] = r.cumulative[k - 1] + std::hypot(r.path[k].x - r.path[k - 1].x, r.path[k].y - r.path[k - 1].y);
            // One label per destination when the list matches; a single label goes to the first.
            if (i < labels.size() && (labels.size() == names.size() || i == 0)) r.label = labels[i];
            r.color = colour;
            r.width = std::max(0.5, width);
            r.timing = ct.timing;
            r.order = order;
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

    // Meridians and parallels every `step` degrees across the strip of one turn around the
    // central meridian, each sampled finely and projected.
    static std::vector<GraticuleLine> graticuleLines(const ProjectionSpec& spec, const Projection& projection, double step) {
        double south = -kPolarLimit, north = kPolarLimit;
        if (spec.kind == ProjectionKind::WebMercator) south = -kMercatorGraticuleLimit, north = kMercatorGraticuleLimit;
        if (spec.kind == ProjectionKind::LambertConformalConic) {
            bool northern = spec.parallel1 + spec.parallel2 >= 0;
            south = northern ? -kConicFarLimit : -kConicNearLimit;
            north = northern ? kConicNearLimit : kConicFarLimit;
        }
        const double west = spec.centralMeridian - 180 + kSeamInsetDegrees, east = spec.centralMeridian + 180 - kSeamInsetDegrees;
        std::vector<GraticuleLine> lines;
        auto finish = [&](GraticuleLine& line) {
            std::erase_if(line.points, [](const Point2& p) { return !std::isfinite(p.x) || !std::isfinite(p.y); });
            if (line.points.size() < 2) return;
            line.bounds = {line.points[0].x, line.points[0].y, line.points[0].x, line.points[0].y};
            for (const Point2& p : line.points) {
                line.bounds.west = std::min(line.bounds.west, p.x);
                line.bounds.east = std::max(line.bounds.east, p.x);
                line.bounds.south = std::min(line.bounds.south, p.y);
                line.bounds.north = std::max(line.bounds.north, p.y);
            }
            lines.push_back(std::move(line));
        };
        auto sampled = [](double from, double to) {
            int n = std::max(1, int(std::ceil((to - from) / kGraticuleSampleDegrees)));
            std::vector<double> v(n + 1);
            for (int i = 0; i <= n; ++i) v[i] = from + (to - from) * i / n;
            return v;
        };
        for (double k = std::ceil(west / step); k * step <= east; ++k) {
            GraticuleLine line;
            line.meridian = true;
            line.degrees = std::remainder(k * step, 360.0);
            for (double lat : sampled(south, north)) line.points.push_back(projection.forward({k * step, lat}));
            finish(line);
        }
        for (double k = std::ceil(south / step); k * step <= north; ++k) {
            if (std::abs(k * step) >= kPolarLimit) continue;  // a pole is a point, not a line
            GraticuleLine line;
            line.meridian = false;
            line.degrees = k * step;
            for (double lon : sampled(west, east)) line.points.push_back(projection.forward({lon, k * step}));
            finish(line);
        }
        return lines;
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

    // A flow line: the chord between the projected ends, bowed to one side so it reads as
    // a movement rather than a border (and two opposite flows do not coincide). A great
    // circle would be truer to the globe, but on a flat world map a long one leaves the
    // frame over the pole; the bowed chord stays where the visitor is looking.
    static std::vector<Point2> routePath(const Projection& projection, Point2 a, Point2 b) {
        Point2 p0 = projection.forward(a), p1 = projection.forward(b);
        double dx = p1.x - p0.x, dy = p1.y - p0.y, chord = std::hypot(dx, dy);
        // The bow points to the chord's northern side (east for a due north–south chord).
        Point2 normal = chord > 0 ? Point2{-dy / chord, dx / chord} : Point2{0, 0};
        if (normal.y < 0 || (normal.y == 0 && normal.x < 0)) normal = {-normal.x, -normal.y};
        std::vector<Point2> path;
        path.reserve(kRouteSamples + 1);
        for (int i = 0; i <= kRouteSamples; ++i) {
            double f = double(i) / kRouteSamples;
            double offset = kRouteBow * chord * std::sin(std::numbers::pi * f);
            path.push_back({p0.x + f * dx + normal.x * offset, p0.y + f * dy + normal.y * offset});
        }
        return path;
    }

    const Gazetteer& gazetteer_;
    Diagnostics& diagnostics_;
};

// ---- evaluation ------------------------------------------------------------------------------

MapCamera fitCamera(const Projection& projection, Box box, Rect canvas) {
    MapView v = MapView::fitting(projection, box, CanvasRect{canvas.x, canvas.y, canvas.width, canvas.height});
    return {v.centre(), v.viewWidth()};
}

MapCamera firstCamera(const MapScene& scene, Rect box, const MapEvaluationContext& context) {
    Box first = scene.view ? *scene.view : context.dataBounds && context.dataBounds->valid() ? *context.dataBounds : kWorldBox;
    return fitCamera(scene.projection, first, box);
}

MapCamera moveTarget(const MapScene& scene, const MapCameraMove& m, const MapCamera& start, const MapCamera& first,
                     Rect box) {
    if (m.target == MapCameraMove::Target::Box) return fitCamera(scene.projection, m.box, box);
    return {m.place, m.zoom ? first.width / *m.zoom : start.width};
}

MapCamera along(const MapScene& scene, const MapCameraMove& m, const MapCamera& start, const MapCamera& first,
                Rect box, Micros local) {
    MapCamera target = moveTarget(scene, m, start, first, box);
    double p = activeProgress(m.timing, local);
    if (p >= 1.0) return target;
    FlyPath path(start.centre, start.width, target.centre, target.width);
    ViewState v = path.at(m.easing.apply(p));
    return {v.centre, v.width};
}

struct LabelCandidate {
    std::string text;
    Point2 anchor;         // canvas px
    double clearance = 0;  // distance from the anchor to keep (a marker's radius)
    bool centredFirst = false;
    double sizePx = 0;
    double opacity = 0;
    bool primary = true;
    int order = 0;
    Point2 arrival{0, 0};  // a route label: the line's direction at its end (the label goes beyond it)
};

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

Rect grown(const Rect& r, double by) { return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by}; }

// Greedy placement in priority order: each label takes the first of its positions (right,
// left, above, below the anchor) that stays in the box and clear of every mark and every
// label already placed; a label with no such position is left out.
std::vector<LabelState> placeLabels(std::vector<LabelCandidate> candidates, const std::vector<Rect>& marks, Rect box,
                                    const LabelMeasure& measure) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate& a, const LabelCandidate& b) { return a.order < b.order; });
    std::vector<LabelState> placed;
    std::vector<Rect> taken = marks;
    Rect area = grown(box, -MapMetrics::labelMargin);
    for (const LabelCandidate& c : candidates) {
        auto [w, h] = measure(c.text, c.sizePx);
        double gap = c.clearance + MapMetrics::labelGap;
        const Rect right{c.anchor.x + gap, c.anchor.y - h / 2, w, h}, left{c.anchor.x - gap - w, c.anchor.y - h / 2, w, h};
        const Rect above{c.anchor.x - w / 2, c.anchor.y - gap - h, w, h}, below{c.anchor.x - w / 2, c.anchor.y + gap, w, h};
        std::vector<Rect> options;
        if (c.centredFirst) options.push_back({c.anchor.x - w / 2, c.anchor.y - h / 2, w, h});
        if (c.arrival.x == 0 && c.arrival.y == 0) options.insert(options.end(), {right, left, above, below});
        else if (std::abs(c.arrival.x) >= std::abs(c.arrival.y))
            options.insert(options.end(), c.arrival.x < 0 ? std::initializer_list<Rect>{left, above, below, right}
                                                          : std::initializer_list<Rect>{right, above, below, left});
        else
            options.insert(options.end(), c.arrival.y < 0 ? std::initializer_list<Rect>{above, right, left, below}
                                                          : std::initializer_list<Rect>{below, right, left, above});
        for (const Rect& r : options) {
            if (!inside(r, area)) continue;
            Rect padded = grown(r, MapMetrics::labelMargin / 2);
            bool clear = std::none_of(taken.begin(), taken.end(), [&](const Rect& t) { return overlaps(padded, t); });
            if (!clear) continue;
            taken.push_back(padded);
            placed.push_back(LabelState{c.text, c.sizePx, r, c.opacity, c.primary});
            break;
        }
    }
    return placed;
}

// The largest 1, 2 or 5 times a power of ten that is at most `value` (> 0).
double roundDown125(double value) {
    double power = std::pow(10.0, std::floor(std::log10(value)));
    double mantissa = value / power;
    return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
}

std::string formatDistance(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// The bar at the view's centre: what `maxWidth` canvas px span there, rounded down to a
// round distance, in its corner with its text above it.
std::optional<ScaleBarState> scaleBarAt(const MapScene& scene, const MapScaleBar& b, const MapState& s,
                                        const LabelMeasure& measure) {
    const Rect& box = s.box;
    const Point2 centre{box.x + box.width / 2, box.y + box.height / 2};
    const Point2 west = scene.projection.inverse(s.toProjected({centre.x - b.maxWidth / 2, centre.y}));
    const Point2 east = scene.projection.inverse(s.toProjected({centre.x + b.maxWidth / 2, centre.y}));
    const double units = greatCircleKilometres(west, east) / b.kilometresPerUnit;  // across maxWidth
    if (!std::isfinite(units) || units <= 0) return std::nullopt;
    ScaleBarState out;
    out.distance = roundDown125(units);
    out.lengthPx = b.maxWidth * out.distance / units;
    out.text = formatDistance(out.distance) + " " + b.unitName;
    out.color = b.color;
    auto [textWidth, textHeight] = measure(out.text, MapMetrics::scaleBarTextSize);
    const bool left = b.corner == MapCorner::TopLeft || b.corner == MapCorner::BottomLeft;
    const bool top = b.corner == MapCorner::TopLeft || b.corner == MapCorner::TopRight;
    const double height = textHeight + MapMetrics::scaleBarTextGap + MapMetrics::scaleBarTick;
    const double x = left ? box.x + MapMetrics::scaleBarInset : box.x + box.width - MapMetrics::scaleBarInset - out.lengthPx;
    const double y = top ? box.y + MapMetrics::scaleBarInset : box.y + box.height - MapMetrics::scaleBarInset - height;
    out.start = {x, y + height};
    out.textBox = {left ? x : x + out.lengthPx - textWidth, y, textWidth, textHeight};
    const double boxLeft = std::min(x, out.textBox.x), boxRight = std::max(x + out.lengthPx, out.textBox.x + textWidth);
    out.box = {boxLeft, y, boxRight - boxLeft, height};
    return out;
}

std::pair<double, double> estimateLabel(const std::string& text, double sizePx) {
    double characters = static_cast<double>(text::decodeUtf8(text).size());
    return {characters * sizePx * kEstimatedAdvancePerEm, sizePx * kEstimatedLineHeight};
}

}  // namespace

Projection ProjectionSpec::make() const {
    switch (kind) {
        case ProjectionKind::WebMercator: return Projection::webMercator();
        case ProjectionKind::Equirectangular: return Projection::equirectangular(parallel1, centralMeridian);
        case ProjectionKind::LambertConformalConic:
            return Projection::lambertConformalConic(parallel1, parallel2, originLatitude, centralMeridian);
    }
    return Projection::webMercator();
}

std::string ProjectionSpec::key() const {
    std::ostringstream s;
    s.precision(12);
    s << int(kind) << ':' << parallel1 << ':' << parallel2 << ':' << originLatitude << ':' << centralMeridian;
    return s.str();
}

MapScene compileMapScene(const ScriptNode& mapNode, const Gazetteer& gazetteer, Diagnostics& diagnostics) {
    return SceneCompiler(gazetteer, diagnostics).compile(mapNode);
}

std::filesystem::path bundledMapsDirectory() { return assetsDirectory() / "maps"; }

Point2 MapState::toCanvas(Point2 xy) const {
    return {box.x + box.width / 2 + (xy.x - camera.centre.x) * pixelsPerUnit,
            box.y + box.height / 2 - (xy.y - camera.centre.y) * pixelsPerUnit};
}

Point2 MapState::toProjected(Point2 px) const {
    return {camera.centre.x + (px.x - box.x - box.width / 2) / pixelsPerUnit,
            camera.centre.y - (px.y - box.y - box.height / 2) / pixelsPerUnit};
}

double greatCircleKilometres(Point2 a, Point2 b) {
    constexpr double kRadiusKm = Projection::earthRadius / 1000.0;
    constexpr double kDegree = std::numbers::pi / 180.0;
    double dLat = (b.y - a.y) * kDegree, dLon = (b.x - a.x) * kDegree;
    double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
               std::cos(a.y * kDegree) * std::cos(b.y * kDegree) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

MapCamera cameraAt(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context) {
    const MapCamera first = firstCamera(scene, box, context);
    MapCamera start = first;  // where the current move started
    const MapCameraMove* current = nullptr;
    for (const MapCameraMove& m : scene.moves) {
        if (m.timing.begin > local) break;
        // A move that begins while another is under way starts from where that one is.
        if (current) start = along(scene, *current, start, first, box, m.timing.begin);
        current = &m;
    }
    MapCamera c = current ? along(scene, *current, start, first, box, local) : first;
    c.width /= context.zoom > 0 ? context.zoom : 1.0;
    return c;
}

MapState evaluateMap(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context) {
    MapState s;
    s.box = box;
    s.camera = cameraAt(scene, local, box, context);
    s.pixelsPerUnit = box.width / std::max(s.camera.width, std::numeric_limits<double>::min());

    for (const MapHighlight& h : scene.highlights) {
        double o = fadeOpacity(h.timing, local, kHighlightFade);
        if (o > 0) s.highlights.push_back({h.feature, h.color, o});
    }

    std::vector<LabelCandidate> candidates;
    std::vector<Rect> marks;
    for (const MapRoute& r : scene.routes) {
        if (r.path.size() < 2 || local < r.timing.begin || local >= r.timing.end) continue;
        RouteState rs;
        rs.color = r.color;
        rs.width = r.width;
        rs.opacity = fadeOpacity(r.timing, local, 0);
        rs.drawnFraction = activeProgress(r.timing, local);
        rs.lengthPx = r.length() * s.pixelsPerUnit;
        double drawn = rs.drawnFraction * r.length();
        std::size_t k = std::upper_bound(r.cumulative.begin(), r.cumulative.end(), drawn) - r.cumulative.begin();
        k = std::clamp<std::size_t>(k, 1, r.path.size() - 1);  // the segment [k-1, k] holds the end
        for (std::size_t i = 0; i < k; ++i) rs.line.push_back(s.toCanvas(r.path[i]));
        double segment = r.cumulative[k] - r.cumulative[k - 1];
        double f = segment > 0 ? std::clamp((drawn - r.cumulative[k - 1]) / segment, 0.0, 1.0) : 1.0;
        Point2 a = r.path[k - 1], b = r.path[k];
        rs.tip = s.toCanvas({a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)});
        rs.line.push_back(rs.tip);
        Point2 ca = s.toCanvas(a), cb = s.toCanvas(b);
        double len = std::hypot(cb.x - ca.x, cb.y - ca.y);
        if (len > 0) rs.direction = {(cb.x - ca.x) / len, (cb.y - ca.y) / len};
        if (!r.label.empty() && rs.drawnFraction >= 1.0) {
            Micros arrived = r.timing.duration == MapTiming::kForever ? r.timing.begin : r.timing.begin + r.timing.duration;
            double o = std::min(rs.opacity, std::clamp(double(local - arrived) / double(kRouteLabelFade), 0.0, 1.0));
            if (o > 0)
                candidates.push_back({r.label, s.toCanvas(r.path.back()), MapMetrics::markerRadius, false,
                                      MapMetrics::markerLabelSize, o, true, r.order, rs.direction});
        }
        // Labels keep off the drawn line: small boxes along it, close enough to leave no gap.
        double half = r.width / 2 + kLineClearance;
        for (std::size_t i = 0; i < rs.line.size(); ++i) {
            Point2 a = rs.line[i], b = i + 1 < rs.line.size() ? rs.line[i + 1] : a;
            int steps = std::max(1, int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / half)));
            for (int k = 0; k < steps; ++k) {
                double f = double(k) / steps;
                marks.push_back({a.x + f * (b.x - a.x) - half, a.y + f * (b.y - a.y) - half, 2 * half, 2 * half});
            }
        }
        s.routes.push_back(std::move(rs));
    }

    for (const MapMarker& m : scene.markers) {
        double o = fadeOpacity(m.timing, local, kMarkerFade);
        if (o <= 0) continue;
        MarkerState ms;
        ms.at = s.toCanvas(m.at);
        ms.shape = m.shape;
        ms.color = m.color;
        ms.opacity = o;
        ms.pulsePhase = double((local - m.timing.begin) % kPulsePeriod) / double(kPulsePeriod);
        s.markers.push_back(ms);
        double r = MapMetrics::markerRadius + 2;
        marks.push_back({ms.at.x - r, ms.at.y - r, 2 * r, 2 * r});
        if (!m.label.empty())
            candidates.push_back({m.label, ms.at, MapMetrics::markerRadius, false, MapMetrics::markerLabelSize, o, true, m.order});
    }

    for (const MapLabel& l : scene.labels) {
        double o = fadeOpacity(l.timing, local, kMarkerFade);
        if (o > 0) candidates.push_back({l.text, s.toCanvas(l.at), 0, true, MapMetrics::freeLabelSize, o, false, l.order});
    }

    const LabelMeasure measure = context.measure ? context.measure : LabelMeasure(estimateLabel);
    for (const MapScaleBar& b : scene.scaleBars) {
        double o = fadeOpacity(b.timing, local, kMarkerFade);
        if (o <= 0) continue;
        if (auto bar = scaleBarAt(scene, b, s, measure)) {
            bar->opacity = o;
            marks.push_back(grown(bar->box, MapMetrics::labelMargin));
            s.scaleBars.push_back(std::move(*bar));
        }
    }

    // Graticule lines that cross the view, in canvas px.
    const Point2 viewMin = s.toProjected({box.x, box.y + box.height}), viewMax = s.toProjected({box.x + box.width, box.y});
    for (const MapGraticule& g : scene.graticules) {
        double o = fadeOpacity(g.timing, local, kMarkerFade);
        if (o <= 0) continue;
        GraticuleState gs;
        gs.color = g.color;
        gs.width = g.width;
        gs.opacity = g.opacity * o;
        for (const GraticuleLine& l : g.lines) {
            if (l.bounds.east < viewMin.x || l.bounds.west > viewMax.x || l.bounds.north < viewMin.y ||
                l.bounds.south > viewMax.y)
                continue;
            GraticuleLineState ls{l.meridian, l.degrees, {}};
            ls.points.reserve(l.points.size());
            for (const Point2& p : l.points) ls.points.push_back(s.toCanvas(p));
            gs.lines.push_back(std::move(ls));
        }
        s.graticules.push_back(std::move(gs));
    }
    s.labels = placeLabels(std::move(candidates), marks, box, measure);
    return s;
}

}  // namespace vitrine::map
