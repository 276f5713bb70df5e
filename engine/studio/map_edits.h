#pragma once
// Placing things on a map in the studio's preview: which map is under the pointer and what
// it shows at the playhead, the place a canvas point stands for (a gazetteer name when one
// is drawn near it, else lon,lat to the precision of a pixel), and the edit recipes that
// write markers, labels, moves, views and flights into the designer's text. Pure: no
// window; the studio's map tool (tools/studio/map_tool.*) turns the mouse into these.

#include <optional>
#include <string>
#include <string_view>

#include "map/compiled_map.h"
#include "map/map_state.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// A map as the preview shows it at one instant.
struct MapInPreview {
    int item = -1;     // index into Show::items
    Micros local = 0;  // the map's own time (its children's begin counts from its start)
    std::shared_ptr<const map::CompiledMap> map;
    map::MapState state;  // its box on the canvas and its camera then
};

/// The map drawn at show time `t`: the topmost one under canvas point `at` when given, else
/// item `preferred` when it is drawn, else the topmost on screen. `camera`, when given, is the
/// studio's pan and zoom of the map shown instead of its own. Nullopt when no map is drawn
/// there (or the show was compiled without map data).
std::optional<MapInPreview> mapInPreview(const Show& show, Micros t, std::optional<map::Point2> at = {},
                                         int preferred = -1, const std::optional<map::MapCamera>& camera = {});

/// A place as it will be written in an `at` or `to` attribute.
struct WrittenPlace {
    std::string at;    // "Baku" or "49.87,40.41"
    std::string name;  // the gazetteer's display name, empty for numbers
};

/// Decimals of a lon,lat written for `m`: enough that the last digit is under a canvas pixel
/// (between 1 and 5).
int decimalsFor(const MapInPreview& m);
/// "49.87,40.41": `lonLat` with `decimals` decimals, trailing zeros dropped.
std::string formatLonLat(map::Point2 lonLat, int decimals);
/// "42.5,36.2 → 51.6,42.4": a view box as `view` and `box` attributes write it.
std::string formatViewBox(map::Box box, int decimals);

/// The place under canvas pixel `px` of `m`: the gazetteer's place drawn nearest to it within
/// `nearPx` canvas pixels, by its name in `language` (else English, else its id), or the
/// lon,lat under the pixel.
WrittenPlace placeAt(const MapInPreview& m, map::Point2 px, const map::Gazetteer& places, double nearPx,
                     std::string_view language = "en");

/// The marker or label of `m` drawn within `nearPx` canvas pixels of `px` (the nearest): its
/// place among the map's children, as ElementPath counts them (marker[2] is index 1 of
/// "marker"); nullopt when none is.
struct MapChildRef {
    std::string name;  // "marker" or "label"
    int index = 0;     // among the map's children of that name
    map::Point2 at;    // where it is drawn, canvas px
};
std::optional<MapChildRef> mapChildAt(const MapInPreview& m, const ScriptNode& mapNode, map::Point2 px, double nearPx);

/// An edit with the words the studio shows for it ("Undid …").
struct MapEdit {
    std::string description;
    EditRecipe recipe;
};

/// Adds `<marker at="…" label="…" begin="…"/>` as the last child of the map at `mapPath`
/// (no label when `label` is empty, no begin at the map's start).
MapEdit placeMarker(const ElementPath& mapPath, const WrittenPlace& place, std::string_view label, Micros begin);
/// Adds `<label at="…" text="…" begin="…"/>` to the map at `mapPath`.
MapEdit placeLabel(const ElementPath& mapPath, const WrittenPlace& place, std::string_view text, Micros begin);
/// Moves the map child at `childPath` (a marker or label) to `place`: its `at` changes.
MapEdit moveMapChild(const ElementPath& childPath, const WrittenPlace& place);
/// Frames the map at `mapPath` on `box` from map time `local` on: the box of the <view> whose
/// view is shown then (the last camera move begun by `local`, when it is a <view>), else the
/// map's own `view` when no move has begun, else a new `<view box="…" begin="…"/>` (a cut) at
/// `local`, after a <fly> has taken the camera elsewhere.
MapEdit setMapView(const ElementPath& mapPath, const std::string& box, Micros local);
/// Adds `<fly to="…" zoom="…" begin="…" dur="…"/>` to the map at `mapPath`: a flight that
/// starts at `local` and ends on `camera` (its centre, and its zoom against the map's first view).
MapEdit addFly(const ElementPath& mapPath, const MapInPreview& m, const map::MapCamera& camera, Micros local,
               Micros duration);

}  // namespace vitrine::studio
