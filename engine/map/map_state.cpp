#include "map/map_state.h"

#include "map/fly_path.h"
#include "map/label_placer.h"
#include "map/map_view.h"
#include "base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace vitrine::map {
namespace {

// With no view and no data, the world between these latitudes.
constexpr Box kWorldBox{-180.0, -58.0, 180.0, 78.0};

constexpr Micros kMarkerFade = 600 * kMicrosPerMillisecond;
constexpr Micros kHighlightFade = 800 * kMicrosPerMillisecond;
constexpr Micros kRouteLabelFade = 600 * kMicrosPerMillisecond;
constexpr Micros kPulsePeriod = 2 * kMicrosPerSecond;

constexpr double kLineClearance = 4;  // canvas px kept between a route and any label

// The estimate used when no font metrics are given: an average sans advance per character.
constexpr double kEstimatedAdvancePerEm = 0.55;
constexpr double kEstimatedLineHeight = 1.25;

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
                Rect box, Micros local, bool reducedMotion) {
    MapCamera target = moveTarget(scene, m, start, first, box);
    double p = activeProgress(m.timing, local);
    if (p >= 1.0) return target;
    // Reduced motion: no view between the two ends is ever shown; the middle is where the
    // flight's time is split evenly between them.
    if (reducedMotion) return p < 0.5 ? start : target;
    FlyPath path(start.centre, start.width, target.centre, target.width);
    ViewState v = path.at(m.easing.apply(p));
    return {v.centre, v.width};
}

// A label showing at one instant: what to place, and how it looks.
struct LabelCandidate {
    LabelRequest request;
    double sizePx = 0;
    double opacity = 0;  // 0 on the instant it appears: placed then, drawn from the next
    bool primary = true;
    std::optional<TextStyle> style;
    SourceLocation where;  // of the element that asked for it
};

Rect grown(const Rect& r, double by) { return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by}; }

bool contains(const Rect& r, Point2 p) { return p.x >= r.x && p.y >= r.y && p.x <= r.x + r.width && p.y <= r.y + r.height; }

// Showing at `local`, from its first instant (when a fade-in still has it at opacity 0).
bool showing(const MapTiming& t, Micros local) { return local >= t.begin && local < t.end; }

// When a route's line reaches its destination, and its label appears.
Micros arrival(const MapTiming& t) { return t.duration == MapTiming::kForever ? t.begin : t.begin + t.duration; }

// The marks labels keep off and the labels showing at one instant, with the state's
// camera; filled by evaluateUnlabelled.
struct LabelWork {
    std::vector<LabelCandidate> candidates;
    std::vector<Rect> marks;
};

LabelRoom roomIn(const Rect& box) {
    return {grown(box, -MapMetrics::labelMargin), MapMetrics::labelMargin / 2, MapMetrics::labelGap};
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
    auto [textWidth, textHeight] = measure(out.text, MapMetrics::scaleBarTextSize, nullptr);
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

std::pair<double, double> estimateLabel(const std::string& text, double sizePx, const TextStyle*) {
    double characters = static_cast<double>(text::decodeUtf8(text).size());
    return {characters * sizePx * kEstimatedAdvancePerEm, sizePx * kEstimatedLineHeight};
}

}  // namespace

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
    if (context.camera) return *context.camera;
    const MapCamera first = firstCamera(scene, box, context);
    MapCamera start = first;  // where the current move started
    const MapCameraMove* current = nullptr;
    for (const MapCameraMove& m : scene.moves) {
        if (m.timing.begin > local) break;
        // A move that begins while another is under way starts from where that one is.
        if (current) start = along(scene, *current, start, first, box, m.timing.begin, context.reducedMotion);
        current = &m;
    }
    MapCamera c = current ? along(scene, *current, start, first, box, local, context.reducedMotion) : first;
    c.width /= context.zoom > 0 ? context.zoom : 1.0;
    return c;
}

Point2 lonLatAt(const MapScene& scene, const MapState& state, Point2 px) {
    return scene.projection.inverse(state.toProjected(px));
}

Point2 canvasAt(const MapScene& scene, const MapState& state, Point2 lonLat) {
    return state.toCanvas(scene.projection.forward(lonLat));
}

Box viewBoxFor(const MapScene& scene, const MapCamera& camera, Rect box) {
    // What the camera shows, in projected units: its width across, the box's shape down.
    const double halfWidth = camera.width / 2;
    const double halfHeight = box.width > 0 ? camera.width * box.height / box.width / 2 : halfWidth;
    // The lon/lat box through the middles of the shown rectangle's edges; its fit is then
    // compared with the camera and the rectangle scaled and moved by the difference. A
    // cylinder fits at once; a cone's curved parallels take a few rounds.
    constexpr int kRounds = 8;
    Point2 centre = camera.centre;
    double scale = 1;
    Box lonLat;
    for (int round = 0; round < kRounds; ++round) {
        const double w = halfWidth * scale, h = halfHeight * scale;
        const Point2 west = scene.projection.inverse({centre.x - w, centre.y});
        const Point2 east = scene.projection.inverse({centre.x + w, centre.y});
        const Point2 south = scene.projection.inverse({centre.x, centre.y - h});
        const Point2 north = scene.projection.inverse({centre.x, centre.y + h});
        // Across the 180° meridian the east edge's longitude comes back below the west's:
        // held unwrapped, as a view across it is (projection_choice.cpp, boxFromView).
        lonLat = Box{west.x, south.y, east.x < west.x ? east.x + 360.0 : east.x, north.y};
        const MapCamera fitted = fitCamera(scene.projection, lonLat, box);
        if (!(fitted.width > 0)) break;
        scale *= camera.width / fitted.width;
        centre = {centre.x + camera.centre.x - fitted.centre.x, centre.y + camera.centre.y - fitted.centre.y};
    }
    return lonLat;
}

namespace {

// Everything the map shows at `local` but its labels, which go in `work` with the marks
// they keep off.
MapState evaluateUnlabelled(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context,
                            const LabelMeasure& measure, LabelWork& work) {
    MapState s;
    s.box = box;
    s.camera = cameraAt(scene, local, box, context);
    s.pixelsPerUnit = box.width / std::max(s.camera.width, std::numeric_limits<double>::min());

    for (const MapHighlight& h : scene.highlights) {
        double o = fadeOpacity(h.timing, local, kHighlightFade);
        if (o > 0) s.highlights.push_back({h.feature, h.color, o});
    }

    auto addLabel = [&](const SourceLocation& where, LabelKey key, const std::string& text, Point2 anchor, double clearance, bool centredFirst,
                        double sizePx, double opacity, bool primary, Point2 direction,
                        const std::optional<TextStyle>& style = std::nullopt) {
        auto [w, h] = measure(text, sizePx, style ? &*style : nullptr);
        LabelRequest r{key, text, anchor, clearance, centredFirst, direction, w, h};
        work.candidates.push_back({std::move(r), sizePx, opacity, primary, style, where});
    };
    std::vector<Rect>& marks = work.marks;
    for (std::size_t index = 0; index < scene.routes.size(); ++index) {
        const MapRoute& r = scene.routes[index];
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
            double o = std::min(rs.opacity, std::clamp(double(local - arrival(r.timing)) / double(kRouteLabelFade), 0.0, 1.0));
            // Part 1 + the route's index: one <route> gives a line, and a label, per destination.
            addLabel(r.where, {r.order, 1 + int(index)}, r.label, s.toCanvas(r.path.back()), MapMetrics::markerRadius, false,
                     MapMetrics::markerLabelSize, o, true, rs.direction);
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
        if (!showing(m.timing, local)) continue;
        double o = fadeOpacity(m.timing, local, kMarkerFade);
        MarkerState ms;
        ms.at = s.toCanvas(m.at);
        ms.shape = m.shape;
        ms.color = m.color;
        ms.opacity = o;
        ms.pulsePhase = double((local - m.timing.begin) % kPulsePeriod) / double(kPulsePeriod);
        if (o > 0) s.markers.push_back(ms);
        double r = MapMetrics::markerRadius + 2;
        marks.push_back({ms.at.x - r, ms.at.y - r, 2 * r, 2 * r});
        if (!m.label.empty())
            addLabel(m.where, {m.order, 0}, m.label, ms.at, MapMetrics::markerRadius, false, MapMetrics::markerLabelSize, o, true, {});
    }

    for (const MapLabel& l : scene.labels)
        if (showing(l.timing, local))
            addLabel(l.where, {l.order, 0}, l.text, s.toCanvas(l.at), 0, true, l.style ? l.style->size : MapMetrics::freeLabelSize,
                     fadeOpacity(l.timing, local, kMarkerFade), false, {}, l.style);

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
    // The <layer>s, fading in and out as a marker does.
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        const MapDataLayer& l = scene.layers[i];
        const double o = fadeOpacity(l.timing, local, kMarkerFade);
        if (o > 0) s.layers.push_back({i, l.color, l.width, l.fill, l.waterFill, l.opacity * o});
    }
    return s;
}

// The requests among `candidates` whose anchor is on the map.
std::vector<LabelRequest> onTheMap(const std::vector<LabelCandidate>& candidates, const Rect& box) {
    std::vector<LabelRequest> requests;
    for (const LabelCandidate& c : candidates)
        if (contains(box, c.request.anchor)) requests.push_back(c.request);
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) { return a.key < b.key; });
    return requests;
}

// Where each label that has appeared by `local` sits beside its anchor: chosen at the instant
// it appeared, among the marks and the labels (at their own spots) on the map then, in
// priority order. Decided from the scene's timing alone, so a frame at t is the same whether
// played to or sought, at any frame rate; and a label never moves for one that comes later.
std::map<LabelKey, LabelSpot> spotsUpTo(const MapScene& scene, Micros local, Rect box,
                                        const MapEvaluationContext& context, const LabelMeasure& measure) {
    std::vector<Micros> appearances;
    for (const MapMarker& m : scene.markers)
        if (!m.label.empty()) appearances.push_back(m.timing.begin);
    for (const MapLabel& l : scene.labels) appearances.push_back(l.timing.begin);
    for (const MapRoute& r : scene.routes)
        if (!r.label.empty()) appearances.push_back(arrival(r.timing));
    std::sort(appearances.begin(), appearances.end());
    appearances.erase(std::unique(appearances.begin(), appearances.end()), appearances.end());

    std::map<LabelKey, LabelSpot> spots;
    const LabelRoom room = roomIn(box);
    for (Micros when : appearances) {
        if (when > local) break;
        LabelWork work;
        evaluateUnlabelled(scene, when, box, context, measure, work);
        std::vector<Rect> taken = work.marks;
        std::vector<LabelRequest> arriving;
        for (const LabelRequest& r : onTheMap(work.candidates, box)) {
            auto kept = spots.find(r.key);
            if (kept == spots.end()) {
                arriving.push_back(r);
                continue;
            }
            const Point2 at{r.anchor.x + kept->second.offset.x, r.anchor.y + kept->second.offset.y};
            taken.push_back(grown({at.x, at.y, r.width, r.height}, room.padding));
        }
        spots.merge(chooseSpots(arriving, taken, room));
    }
    return spots;
}

}  // namespace

MapState evaluateMap(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context) {
    const LabelMeasure measure = context.measure ? context.measure : LabelMeasure(estimateLabel);
    LabelWork work;
    MapState s = evaluateUnlabelled(scene, local, box, context, measure, work);

    const std::map<LabelKey, LabelSpot> spots = spotsUpTo(scene, local, box, context, measure);
    const std::vector<LabelRequest> requests = onTheMap(work.candidates, box);
    const std::vector<PlacedLabel> placed = placeAtSpots(requests, spots, work.marks, roomIn(box));
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const LabelRequest& r = requests[i];
        auto c = std::find_if(work.candidates.begin(), work.candidates.end(),
                              [&](const LabelCandidate& x) { return x.request.key == r.key; });
        if (c->opacity <= 0) continue;
        s.labels.push_back(LabelState{r.text, c->sizePx, placed[i].box, c->opacity, c->primary, placed[i].fit, r.anchor,
                                      placed[i].leader, c->style, c->where});
    }
    // A label whose place is off the map shown is not drawn, but said.
    for (const LabelCandidate& c : work.candidates)
        if (c.opacity > 0 && !contains(box, c.request.anchor))
            s.labels.push_back(LabelState{c.request.text, c.sizePx, {}, c.opacity, c.primary, LabelFit::NotPlaced,
                                          c.request.anchor, false, c.style, c.where});
    return s;
}

}  // namespace vitrine::map
