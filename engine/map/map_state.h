#pragma once
// What a compiled map shows at one local time in a canvas box: the camera, and every mark
// and label placed in canvas px. A pure function: no SFML, no files; the renderer draws
// the result.

#include "map/label_placer.h"
#include "map/map_scene.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vitrine::map {

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
    LabelFit fit = LabelFit::Placed;  // NotPlaced: its place is off the map shown, and it is not drawn
    Point2 anchor;           // canvas px: the place it names
    bool leader = false;     // placed away from its anchor, joined to it by a line
    std::optional<TextStyle> style;  // a <label style> (font, size, colour, weight, italic); none: the map's look
    SourceLocation where;    // of the element that asked for it
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

/// A <layer> showing: the style it is drawn in now (its index in the map's layers).
struct DataLayerState {
    std::size_t index = 0;
    Color color;                // lines and outlines
    double width = 0;           // canvas px
    std::optional<Color> fill;  // areas; none: not filled
    bool waterFill = false;     // areas in the map's water colour
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
    std::vector<LabelState> labels;    // every label showing, placed by label_placer.h; drawn last
    std::vector<GraticuleState> graticules;  // drawn over the land, under the borders
    std::vector<DataLayerState> layers;      // over the land and borders, under the marks
    std::vector<ScaleBarState> scaleBars;    // drawn with the marks

    /// Canvas pixel of a projected point.
    Point2 toCanvas(Point2 xy) const;
    /// Projected point under a canvas pixel.
    Point2 toProjected(Point2 px) const;
};

/// Width and height of a label's text box, canvas px, for a text at a size, in the map's
/// label face or in `style`'s (a <label style>; null: the map's).
using LabelMeasure =
    std::function<std::pair<double, double>(const std::string& text, double sizePx, const TextStyle* style)>;

/// How evaluateMap sees what it cannot know alone.
struct MapEvaluationContext {
    std::optional<Box> dataBounds;  // lon/lat bounds of the map data, the view when the map names none
    LabelMeasure measure;           // empty: an estimate from the number of characters
    double zoom = 1;                // extra zoom (an <animate attribute="scale"> on the map)
    // The studio's pan and zoom while a designer frames a view: shown instead of the camera
    // the map's timing gives (and `zoom` is then ignored).
    std::optional<MapCamera> camera;
    // Reduced motion (Show::reducedMotion): a flight is a cut at its middle, from the view
    // where it starts to the one where it ends, so the map never travels.
    bool reducedMotion = false;
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

/// The lon/lat point (degrees) under canvas pixel `px` of the map as `state` shows it: the
/// inverse of how a place is drawn (scene.projection.forward, then state.toCanvas), so a
/// click on the preview names the place under the pointer.
Point2 lonLatAt(const MapScene& scene, const MapState& state, Point2 px);
/// The canvas pixel where the lon/lat point `lonLat` is drawn in `state`.
Point2 canvasAt(const MapScene& scene, const MapState& state, Point2 lonLat);

/// The lon/lat box that, written as the map's view (or a <view>'s box) and fitted into `box`
/// as the map fits a view, shows what `camera` shows: the inverse of fitting a view. Under a
/// conic the box's curved edges are fitted, so the box is refined until its fit matches.
Box viewBoxFor(const MapScene& scene, const MapCamera& camera, Rect box);

}  // namespace vitrine::map
