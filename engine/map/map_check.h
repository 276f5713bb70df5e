#pragma once
// What `vitrine check` finds wrong with a show's maps before anything is drawn: map data
// that is missing its features or does not parse, places the gazetteer does not know,
// highlights of features the data does not have. The same problems the map drawer meets
// at draw time, found ahead of it so the designer sees them with the other diagnostics.

#include "diag/diagnostic.h"
#include "timeline/compile.h"
#include "timeline/show.h"

#include <filesystem>

namespace vitrine::map {

/// Checks every map item of `show` against its data and the gazetteer in `mapsDirectory`
/// (places.json, and world.geojson, the base layer a highlight may also name). Problems are
/// added to `diagnostics` at the exhibit's element or attribute; a problem inside a GeoJSON
/// file is reported at the map's `src` with the data file's own line and column in the
/// message. Map data that does not exist is left to the media check.
void checkMaps(const Show& show, const std::filesystem::path& mapsDirectory, Diagnostics& diagnostics);

/// Map data and gazetteer files read by earlier checks, reused while unchanged on disk.
struct MapCheckCache;

/// checkMaps reusing what `cache` holds from earlier checks (a studio reloading a script
/// does not parse its map data again); the cache may be shared between threads.
void checkMaps(const Show& show, const std::filesystem::path& mapsDirectory, Diagnostics& diagnostics,
               MapCheckCache& cache);

/// `options` with its checkShow hook running checkMaps against `mapsDirectory` (after any
/// check it already had), for loadExhibit: what `vitrine check`, the player and the studio
/// use. The hook keeps its own cache: copies of these options share what was read.
CompileOptions withMapChecks(CompileOptions options, std::filesystem::path mapsDirectory);
/// The same with the maps shipped with the engine.
CompileOptions withMapChecks(CompileOptions options = {});

}  // namespace vitrine::map
