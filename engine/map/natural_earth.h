#pragma once
// Natural Earth's three scales, as tools/setup installs them (assets/maps/natural-earth/,
// TopoJSON from npm world-atlas), and the rule that picks one for a map: the coarsest
// scale whose simplification a visitor cannot see, so that a coast is never drawn coarser
// than about a pixel, and a world map does not pay for detail it cannot show.
//
// The rule: Natural Earth 1:S is made for maps printed at 1:S, where the 0.28 mm pixel of
// the OGC's rendering scale covers S × 0.28 mm of ground. Its lines stay within about a
// pixel of the truth while a canvas pixel covers at least half that, S × 0.14 mm:
// 1:110m from 15.4 km a pixel, 1:50m from 7 km, 1:10m below. A 1920-pixel world map
// (21 km a pixel at the equator) gets 1:110m; one country or a region gets 1:10m.

#include "map/geometry.h"
#include "map/map_scene.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vitrine::map {

enum class MapScale { Fine10m, Medium50m, Coarse110m };

/// The canvas width the scale is chosen for: maps fill a 1920-pixel canvas in most exhibits.
inline constexpr double kScaleCanvasWidthPx = 1920;

/// The coarsest scale drawn finely enough where a canvas pixel covers `kilometresPerPixel`.
MapScale scaleFor(double kilometresPerPixel);

/// Ground kilometres per pixel of a `canvasWidthPx` canvas showing `view` (lon/lat) across
/// its width, measured along the view's middle parallel.
double kilometresPerPixel(const Box& view, double canvasWidthPx = kScaleCanvasWidthPx);

/// The finest ground a map shows at any time: its first view (`firstView`, its `view`
/// attribute or the data's bounds), every <view> box it cuts or flies to and every <fly>
/// zoom (a zoom z shows the first view's width divided by z), in km per pixel.
double finestKilometresPerPixel(const MapScene& scene, const Box& firstView,
                                double canvasWidthPx = kScaleCanvasWidthPx);

/// "10m", "50m" or "110m", as the files are named.
std::string_view scaleName(MapScale scale);

/// The installed countries at `scale` (`mapsDirectory`/natural-earth/countries-SCALE.json,
/// whose TopoJSON object "countries" holds every country); nullopt when tools/setup has not
/// installed it.
std::optional<std::filesystem::path> naturalEarthCountries(const std::filesystem::path& mapsDirectory, MapScale scale);

/// The TopoJSON object of the countries in those files.
inline constexpr std::string_view kCountriesObject = "countries";

/// A file of map data, the TopoJSON object to read from it (empty: all of it), and the part
/// of the globe whose features are wanted (none: all).
struct MapDataSource {
    std::filesystem::path file;
    std::string object;
    std::optional<Box> within;
};

/// The part of the globe a map can show (lon/lat): every view it shows and every flight's
/// destination at the width it flies to, widened by that extent on every side (a flight
/// rises above both its ends, and a studio user pans a little), within the globe.
Box reach(const MapScene& scene, const Box& firstView);

/// The world drawn beneath `scene`: Natural Earth's countries at the scale its finest view
/// needs (its first view being its `view`, else `dataBounds`, else the whole world) within
/// its reach, or the bundled 1:110m world.geojson when tools/setup has not installed that scale.
MapDataSource worldBeneath(const MapScene& scene, const std::optional<Box>& dataBounds,
                           const std::filesystem::path& mapsDirectory);

}  // namespace vitrine::map
