#pragma once
// A <map> element interpreted: its projection, its first view and its children
// (markers, labels, flights, view changes, highlights, routes) as plain timed data
// in the map's local time; and the pure function that says what the map shows at a
// local time in a canvas box. No SFML, no files: the renderer draws the result.

#include "diag/diagnostic.h"
#include "map/gazetteer.h"
#include "map/geometry.h"
#include "map/projection.h"
#include "script/script.h"
#include "script/values.h"
#include "base/easing.h"
#include "timeline/show.h"
#include "base/time_value.h"

#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vitrine::map {

/// A child's time on the map: [begin, end) in the map's local time; end may be "never".
struct MapTiming {
    static constexpr Micros kForever = std::numeric_limits<Micros>::max();
    Micros begin = 0;
    Micros duration = kForever;  // the active time (drawing, flying); kForever when not given
    Micros end = kForever;       // when it disappears; kForever when it holds until the map ends
};

enum class MarkerShape { Dot, Ring, Pulse };

struct MapMarker {
    Point2 at;  // projected
    std::string label;
    MarkerShape shape = MarkerShape::Dot;
    Color color;
    MapTiming timing;
    int order = 0;  // document order among the map's children: the label's priority
};

struct MapLabel {
    Point2 at;  // projected
    std::string text;
    MapTiming timing;
    int order = 0;
};

/// A camera move: a flight to a place (fly) or to a box (view); a view with no
/// duration cuts.
struct MapCameraMove {
    enum class Target { Place, Box };
    Target target = Target::Place;
    Point2 place;                // projected, for Place
    std::optional<double> zoom;  // for Place: factor relative to the first view; none keeps the width
    Box box;                     // lon/lat, for Box
    MapTiming timing;
    Easing easing = linearEasing();
};

struct MapHighlight {
    std::string feature;  // id or name in the map data
    Color color;
    MapTiming timing;
    SourceLocation where;  // of the feature attribute, for "no such feature"
};

/// One line from a place to one destination (a `to` list gives several).
struct MapRoute {
    std::vector<Point2> path;        // projected polyline, from the start to the destination
    std::vector<double> cumulative;  // projected length from the start to each point
    std::string label;               // shown beside the destination once the line arrives
    Color color;
    double width = 0;                // canvas px
    MapTiming timing;
    int order = 0;
    /// Total projected length.
    double length() const { return cumulative.empty() ? 0.0 : cumulative.back(); }
};

/// Where on the map's box a scale bar sits.
enum class MapCorner { TopLeft, TopRight, BottomLeft, BottomRight };

/// A scale bar: the longest round distance (1, 2 or 5 times a power of ten) that fits
/// `maxWidth`, measured at the view's centre, so it changes as the camera flies.
struct MapScaleBar {
    MapCorner corner = MapCorner::BottomLeft;
    double maxWidth = 0;       // canvas px the bar may take
    double kilometresPerUnit = 1;  // 1 for km, 1.609344 for miles
    std::string unitName = "km";
    Color color;
    MapTiming timing;
};

/// One line of a graticule, a meridian or a parallel, sampled densely enough that it
/// curves as the projection curves it.
struct GraticuleLine {
    bool meridian = true;        // else a parallel
    double degrees = 0;          // its longitude (a meridian) or latitude (a parallel)
    std::vector<Point2> points;  // projected
    Box bounds;                  // projected, for culling
};

/// Meridians and parallels every `step` degrees.
struct MapGraticule {
    double step = 0;    // degrees
    Color color;
    double width = 0;   // canvas px
    double opacity = 1;
    std::vector<GraticuleLine> lines;
    MapTiming timing;
};

/// What a projection is, as a key for caching geometry projected with it.
struct ProjectionSpec {
    ProjectionKind kind = ProjectionKind::LambertConformalConic;
    double parallel1 = 0, parallel2 = 0, originLatitude = 0, centralMeridian = 0;
    /// The projection itself.
    Projection make() const;
    /// A text that is equal for equal specs, for cache keys.
    std::string key() const;
    friend bool operator==(const ProjectionSpec&, const ProjectionSpec&) = default;
};

/// A compiled <map>: every place resolved and projected, every time parsed.
struct MapScene {
    ProjectionSpec projectionSpec;
    Projection projection = Projection::webMercator();
    std::optional<Box> view;  // the first view (lon/lat); none: the data's bounds
    std::vector<MapMarker> markers;
    std::vector<MapLabel> labels;
    std::vector<MapCameraMove> moves;  // ordered by begin
    std::vector<MapHighlight> highlights;
    std::vector<MapRoute> routes;
    std::vector<MapScaleBar> scaleBars;
    std::vector<MapGraticule> graticules;
};

/// Interprets a <map> element. Places are "lon,lat" or names from `gazetteer`; an unknown
/// name is an "unknown-place" error at the attribute (with "did you mean") and only that
/// child is left out.
MapScene compileMapScene(const ScriptNode& mapNode, const Gazetteer& gazetteer, Diagnostics& diagnostics);

/// The folder of the map data shipped with the engine (world.geojson, places.json).
std::filesystem::path bundledMapsDirectory();

// ---- what the map shows at one instant ------------------------------------------------------

/// The camera: the projected point at the box centre and the projected width across the box.
struct MapCamera {
    Point2 centre;
    double width = 1;
};

struct MarkerState {
    Point2 at;  // canvas px
    MarkerShape shape = MarkerShape::Dot;
    Color color;
    double opacity = 1;
    double pulsePhase = 0;  // 0..1 through the current pulse, for MarkerShape::Pulse
};

struct LabelState {
    std::string text;
    double sizePx = 0;       // canvas px
    Rect box;                // canvas px: where the text's layout box goes
    double opacity = 1;
    bool primary = true;     // a marker's or a route's label (set brighter) rather than a free one
};

struct HighlightState {
    std::string feature;
    Color color;
    double opacity = 1;  // multiplies the colour's alpha
};

struct RouteState {
    std::vector<Point2> line;  // canvas px, from the start to the drawn end
    double drawnFraction = 0;  // of the route's length
    double lengthPx = 0;       // of the whole route, canvas px
    Point2 tip;                // the drawn end, canvas px
    Point2 direction{1, 0};    // unit vector of travel at the tip (canvas px, y down)
    Color color;
    double width = 0;  // canvas px
    double opacity = 1;
};

/// A scale bar as drawn: a bar along `start`→ `start + (lengthPx, 0)` with its text above.
struct ScaleBarState {
    Point2 start;           // canvas px: the bar's left end, on its line
    double lengthPx = 0;    // canvas px
    double distance = 0;    // what the bar spans, in its unit
    std::string text;       // e.g. "200 km"
    Rect textBox;           // canvas px: where the text goes
    Rect box;               // canvas px taken by bar and text; labels keep off it
    Color color;
    double opacity = 1;
};

struct GraticuleLineState {
    bool meridian = true;
    double degrees = 0;
    std::vector<Point2> points;  // canvas px; only lines that cross the view
};

struct GraticuleState {
    std::vector<GraticuleLineState> lines;
    Color color;
    double width = 0;  // canvas px
    double opacity = 1;
};

/// Everything a renderer needs to draw the map at one instant.
struct MapState {
    Rect box;  // canvas px
    MapCamera camera;
    double pixelsPerUnit = 1;  // canvas px per projected unit
    std::vector<HighlightState> highlights;
    std::vector<RouteState> routes;
    std::vector<MarkerState> markers;  // drawn above routes
    std::vector<LabelState> labels;    // placed without overlaps, drawn last
    std::vector<GraticuleState> graticules;  // drawn over the land, under the borders
    std::vector<ScaleBarState> scaleBars;    // drawn with the marks

    /// Canvas pixel of a projected point.
    Point2 toCanvas(Point2 xy) const;
    /// Projected point under a canvas pixel.
    Point2 toProjected(Point2 px) const;
};

/// Width and height of a label's text box, canvas px, for a text at a size.
using LabelMeasure = std::function<std::pair<double, double>(const std::string& text, double sizePx)>;

/// How evaluateMap sees what it cannot know alone.
struct MapEvaluationContext {
    std::optional<Box> dataBounds;  // lon/lat bounds of the map data, the view when the map names none
    LabelMeasure measure;           // empty: an estimate from the number of characters
    double zoom = 1;                // extra zoom (an <animate attribute="scale"> on the map)
};

/// Canvas sizes of map text and marks, shared by evaluation and drawing.
struct MapMetrics {
    static constexpr double markerLabelSize = 30;  // canvas px: legible across a room
    static constexpr double freeLabelSize = 28;
    static constexpr double markerRadius = 8;
    static constexpr double labelGap = 10;    // between a marker's edge and its label
    static constexpr double labelMargin = 6;  // kept free around every label
    static constexpr double scaleBarTextSize = 22;
    static constexpr double scaleBarInset = 40;   // from the box's edges
    static constexpr double scaleBarTick = 10;    // height of the end ticks
    static constexpr double scaleBarTextGap = 4;  // between the text and the bar's ticks
};

/// The map at `local` (time since the map began) in `box`. Pure: the same arguments give
/// the same state.
MapState evaluateMap(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context = {});

/// Great-circle distance in kilometres between two lon/lat points (degrees), on the
/// projections' sphere.
double greatCircleKilometres(Point2 a, Point2 b);

/// The camera alone, for tests and for the studio.
MapCamera cameraAt(const MapScene& scene, Micros local, Rect box, const MapEvaluationContext& context = {});

}  // namespace vitrine::map
