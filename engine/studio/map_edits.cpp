#include "studio/map_edits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "timeline/evaluate.h"
#include "timeline/timing_attributes.h"

namespace vitrine::studio {
namespace {

using map::Point2;

constexpr int kMinDecimals = 1;
constexpr int kMaxDecimals = 5;  // about a metre: finer than any exhibit map shows

bool contains(const Rect& r, Point2 p) { return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height; }

double distance(Point2 a, Point2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// `value` with `decimals` decimals, trailing zeros (and a bare point) dropped: "49.87", "50".
std::string formatNumber(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string s = text;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

// The element at `path`, or the error that the file no longer has it.
Result<const ScriptNode*> elementAt(const Script& script, const ElementPath& path) {
    if (const ScriptNode* node = findElement(script.root, path)) return node;
    return Error{"the file no longer has " + path.describe()};
}

// The recipe that adds `element` as the last child of the element at `parentPath`.
EditRecipe appendChild(ElementPath parentPath, std::string element) {
    return [parentPath = std::move(parentPath), element = std::move(element)](std::string_view text,
                                                                             const Script& script) -> Result<TextEdit> {
        auto parent = elementAt(script, parentPath);
        if (!parent) return parent.error();
        return appendChildEdit(text, (*parent)->where, (*parent)->name, element);
    };
}

// The recipe that sets attribute `name` of the element at `path`.
EditRecipe setAttributeAt(ElementPath path, std::string name, std::string value) {
    return [path = std::move(path), name = std::move(name), value = std::move(value)](std::string_view text,
                                                                                     const Script& script) -> Result<TextEdit> {
        auto element = elementAt(script, path);
        if (!element) return element.error();
        return attributeEdit(text, (*element)->where, (*element)->name, name, value);
    };
}

std::string attribute(std::string_view name, std::string_view value) {
    return " " + std::string(name) + "=\"" + escapeAttribute(value) + "\"";
}

std::string beginAttribute(Micros begin) { return begin > 0 ? attribute("begin", formatTime(begin)) : std::string(); }

// The node's `index`-th child element (1-based, as MapMarker::order counts), or nullptr.
const ScriptNode* childElement(const ScriptNode& parent, int order) {
    int n = 0;
    for (const ScriptNode& c : parent.children)
        if (!c.isText() && ++n == order) return &c;
    return nullptr;
}

// Its place among its parent's children of the same name.
int sameNameIndex(const ScriptNode& parent, const ScriptNode& child) {
    int index = 0;
    for (const ScriptNode& c : parent.children) {
        if (&c == &child) return index;
        if (!c.isText() && c.name == child.name) ++index;
    }
    return -1;
}

bool visibleAt(const map::MapTiming& t, Micros local) { return local >= t.begin && local < t.end; }

}  // namespace

std::optional<MapInPreview> mapInPreview(const Show& show, Micros t, std::optional<Point2> at, int preferred,
                                         const std::optional<map::MapCamera>& camera) {
    const Frame frame = evaluate(show, t);
    std::optional<MapInPreview> topmost, chosen;
    for (auto layer = frame.layers.rbegin(); layer != frame.layers.rend(); ++layer)
        for (auto d = layer->draws.rbegin(); d != layer->draws.rend(); ++d) {
            const Item& item = show.items[d->item];
            if (item.kind != ItemKind::Map || !item.map) continue;
            // Where it is on the canvas: its box, moved with its layer while a scene slides.
            Rect box = d->box;
            box.x += layer->offsetX;
            box.y += layer->offsetY;
            if (at && !contains(box, *at)) continue;
            map::MapEvaluationContext context;
            context.dataBounds = item.map->dataBounds();
            context.zoom = d->scale > 0 ? d->scale : 1.0;
            if (camera) context.camera = camera;
            MapInPreview m{d->item, d->localTime, item.map, map::evaluateMap(item.map->scene, d->localTime, box, context)};
            if (d->item == preferred) chosen = m;
            if (!topmost) topmost = m;
        }
    if (at) return topmost;
    return chosen ? chosen : topmost;
}

int decimalsFor(const MapInPreview& m) {
    // Degrees across one canvas pixel at the box's centre, the smaller of the two directions.
    const Rect& b = m.state.box;
    const Point2 c{b.x + b.width / 2, b.y + b.height / 2};
    const Point2 here = map::lonLatAt(m.map->scene, m.state, c);
    const Point2 right = map::lonLatAt(m.map->scene, m.state, {c.x + 1, c.y});
    const Point2 down = map::lonLatAt(m.map->scene, m.state, {c.x, c.y + 1});
    const double perPixel = std::min(std::hypot(right.x - here.x, right.y - here.y), std::hypot(down.x - here.x, down.y - here.y));
    if (!(perPixel > 0)) return kMaxDecimals;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(perPixel))), kMinDecimals, kMaxDecimals);
}

std::string formatLonLat(Point2 lonLat, int decimals) {
    return formatNumber(lonLat.x, decimals) + "," + formatNumber(lonLat.y, decimals);
}

std::string formatViewBox(map::Box box, int decimals) {
    // A box across the 180° meridian holds its east edge unwrapped (beyond 180); written
    // back into -180..180 it reads west-beyond-east, as a view across 180° is written.
    const double east = box.east > 180.0 ? box.east - 360.0 : box.east;
    return formatLonLat({box.west, box.south}, decimals) + " → " + formatLonLat({east, box.north}, decimals);
}

WrittenPlace placeAt(const MapInPreview& m, Point2 px, const map::Gazetteer& places, double nearPx,
                     std::string_view language) {
    const map::Place* nearest = nullptr;
    double best = nearPx;
    for (const map::Place& p : places.places()) {
        const double d = distance(map::canvasAt(m.map->scene, m.state, p.lonLat), px);
        if (d <= best) {
            best = d;
            nearest = &p;
        }
    }
    if (nearest) {
        // The name reads best; the id when the name would find another place first.
        std::string name = nearest->displayName(language);
        auto found = places.find(name);
        return {found && found->id == nearest->id ? name : nearest->id, name};
    }
    return {formatLonLat(map::lonLatAt(m.map->scene, m.state, px), decimalsFor(m)), ""};
}

std::optional<MapChildRef> mapChildAt(const MapInPreview& m, const ScriptNode& mapNode, Point2 px, double nearPx) {
    std::optional<MapChildRef> best;
    double bestDistance = nearPx;
    auto consider = [&](Point2 projected, int order) {
        const Point2 at = m.state.toCanvas(projected);
        const double d = distance(at, px);
        const ScriptNode* node = childElement(mapNode, order);
        if (d > bestDistance || !node) return;
        bestDistance = d;
        best = MapChildRef{std::string(node->name), sameNameIndex(mapNode, *node), at};
    };
    for (const map::MapMarker& marker : m.map->scene.markers)
        if (visibleAt(marker.timing, m.local)) consider(marker.at, marker.order);
    for (const map::MapLabel& label : m.map->scene.labels)
        if (visibleAt(label.timing, m.local)) consider(label.at, label.order);
    return best;
}

MapEdit placeMarker(const ElementPath& mapPath, const WrittenPlace& place, std::string_view label, Micros begin) {
    std::string element = "<marker" + attribute("at", place.at) + (label.empty() ? "" : attribute("label", label)) +
                          beginAttribute(begin) + "/>";
    return {"marker at " + place.at + " on the map", appendChild(mapPath, element)};
}

MapEdit placeLabel(const ElementPath& mapPath, const WrittenPlace& place, std::string_view text, Micros begin) {
    std::string element = "<label" + attribute("at", place.at) + attribute("text", text) + beginAttribute(begin) + "/>";
    return {"label \"" + std::string(text) + "\" at " + place.at + " on the map", appendChild(mapPath, element)};
}

MapEdit moveMapChild(const ElementPath& childPath, const WrittenPlace& place) {
    std::string what = childPath.steps.empty() ? "element" : childPath.steps.back().name;
    return {what + " moved to " + place.at, setAttributeAt(childPath, "at", place.at)};
}

MapEdit setMapView(const ElementPath& mapPath, const std::string& box, Micros local) {
    EditRecipe recipe = [mapPath, box, local](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto found = elementAt(script, mapPath);
        if (!found) return found.error();
        const ScriptNode& mapNode = **found;
        // The camera move under way at `local`, as map_state.cpp's cameraAt finds it: the
        // last of those begun by then (later in the file wins a tie, as the stable sort keeps).
        const ScriptNode* current = nullptr;
        Micros currentBegin = std::numeric_limits<Micros>::min();
        for (const ScriptNode& c : mapNode.children) {
            if (c.isText() || (c.name != "fly" && c.name != "view")) continue;
            Micros begin = readTimingAttributes(c).begin;
            if (begin <= local && begin >= currentBegin) {
                current = &c;
                currentBegin = begin;
            }
        }
        if (!current) return attributeEdit(text, mapNode.where, mapNode.name, "view", box);
        if (current->name == "view") return attributeEdit(text, current->where, current->name, "box", box);
        return appendChildEdit(text, mapNode.where, mapNode.name, "<view" + attribute("box", box) + beginAttribute(local) + "/>");
    };
    return {"map view → " + box, std::move(recipe)};
}

MapEdit addFly(const ElementPath& mapPath, const MapInPreview& m, const map::MapCamera& camera, Micros local,
               Micros duration) {
    // A fly's zoom is against the map's first view: the camera before any move begins.
    map::MapEvaluationContext context;
    context.dataBounds = m.map->dataBounds();
    const map::MapCamera first = map::cameraAt(m.map->scene, std::numeric_limits<Micros>::min(), m.state.box, context);
    const std::string to = formatLonLat(m.map->scene.projection.inverse(camera.centre), decimalsFor(m));
    const std::string zoom = formatNumber(first.width / camera.width, 2);
    std::string element = "<fly" + attribute("to", to) + attribute("zoom", zoom) + beginAttribute(local) +
                          attribute("dur", formatTime(duration)) + "/>";
    return {"fly to " + to + " ×" + zoom, appendChild(mapPath, element)};
}

}  // namespace vitrine::studio
