#pragma once
// A <map> element interpreted: its projection, its first view and its children
// (markers, labels, flights, view changes, highlights, routes) as plain timed data
// in the map's local time. What it shows at one instant is map_state.h.

#include "diag/diagnostic.h"
#include "map/gazetteer.h"
#include "map/geometry.h"
#include "map/projection.h"
#include "script/script.h"
#include "script/translations.h"
#include "script/values.h"
#include "base/easing.h"
#include "timeline/compile.h"
#include "timeline/show.h"
#include "base/time_value.h"

#include <filesystem>
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
    Translations labelTranslations;  // its <translation label> children
    MarkerShape shape = MarkerShape::Dot;
    Color color;
    MapTiming timing;
    int order = 0;  // document order among the map's children: the label's priority
    SourceLocation where;  // of the element, for "this label could not be placed"
};

struct MapLabel {
    Point2 at;  // projected
    std::string text;
    Translations textTranslations;  // its <translation text> children
    std::optional<TextStyle> style;  // its style attribute over freeLabelLook(); none: that look
    MapTiming timing;
    int order = 0;
    SourceLocation where;  // of the element, for "this label could not be placed"
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

/// One line from a place, through its `via` places in order, to one destination (a `to`
/// list gives several lines).
struct MapRoute {
    std::vector<Point2> path;        // projected polyline, from the start to the destination
    std::vector<double> cumulative;  // projected length from the start to each point
    std::string label;               // shown beside the destination once the line arrives
    Translations labelTranslations;  // this destination's part of each <translation label>
    Color color;
    double width = 0;                // canvas px
    MapTiming timing;
    int order = 0;
    SourceLocation where;  // of the <route>, for "this label could not be placed"
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

/// A layer drawn over the map's land and borders, under its marks: one of Natural Earth's
/// (lakes, rivers, the coastline), at the scale the view needs, or the designer's own data
/// (a GeoJSON or TopoJSON of, say, a 1990 boundary), each in its own style.
struct MapDataLayer {
    enum class Kind { Own, Lakes, Rivers, Coastline };
    Kind kind = Kind::Own;
    std::string src;            // Own: the file, resolved against the script's folder
    SourceLocation where;       // of its src (else the element), for a file missing or not map data
    Color color;                // its lines and its areas' outlines
    double width = 1;           // canvas px
    std::optional<Color> fill;  // its areas' fill; none: not filled
    bool waterFill = false;     // its areas filled with the map's water colour (lakes, by default)
    double opacity = 1;
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
    std::vector<MapDataLayer> layers;  // in document order, each drawn over the ones before
};

/// How a free label looks unless its style says otherwise: sans, in the labels' quiet light
/// tone, at MapMetrics::freeLabelSize (the renderer draws it with a dark halo).
TextStyle freeLabelLook();
/// How a label of a sea, bay or lake looks (a place of kind Water): that look in italics, in
/// a light sea blue. A label's style attribute applies over it.
TextStyle waterLabelLook();

/// Interprets a <map> element. Places are "lon,lat" or names from `gazetteer`; an unknown
/// name is an "unknown-place" error at the attribute (with "did you mean") and only that
/// child is left out.
/// A <label style> is applied through `styles` over the map's own label look; without it
/// (or a style) a label keeps that look. A map without a `view` first shows its data, whose
/// lon/lat bounds `dataBounds` then choose its automatic projection.
MapScene compileMapScene(const ScriptNode& mapNode, const Gazetteer& gazetteer, Diagnostics& diagnostics,
                         const StyleOver& styles = {}, const std::optional<Box>& dataBounds = std::nullopt);

/// The folder of the map data shipped with the engine (world.geojson, places.json).
std::filesystem::path bundledMapsDirectory();

}  // namespace vitrine::map
