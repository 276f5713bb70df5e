// Maps compiled with the exhibit: unknown places, unknown highlight features and broken map
// data are found when the exhibit is loaded (what `vitrine check` reports), with the
// exhibit's line and the data's line; the show holds the compiled map, and map data is read
// once for every compile that shares a library.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "exhibit/check_report.h"
#include "exhibit/exhibit_loader.h"
#include "timeline/compile.h"
#include "map/compiled_map.h"
#include "map/map_library.h"
#include "map/map_scene.h"
#include "map/map_view.h"
#include "media/media_test_files.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

void writeText(const std::filesystem::path& path, const std::string& text) {
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

// Line 3 holds the map, line 4 the unknown place, line 5 the unknown feature.
const std::string kExhibit =
    "<exhibit title=\"Maps\" size=\"1920x1080\">\n"
    "<scene id=\"s\" dur=\"10s\">\n"
    "  <map src=\"broken.geojson\" view=\"40,37.5 → 51,43.5\">\n"
    "    <marker at=\"Bakku\" label=\"Baku\"/>\n"
    "    <highlight feature=\"Atlantis\"/>\n"
    "    <marker at=\"Yerevan\" label=\"Yerevan\"/>\n"
    "  </map>\n"
    "</scene>\n"
    "</exhibit>\n";

// A good feature, then a geometry (opening on line 5) whose coordinates are a string.
const std::string kBrokenData =
    "{\"type\": \"FeatureCollection\", \"features\": [\n"
    "  {\"type\": \"Feature\", \"id\": \"good\", \"properties\": {\"name\": \"Good\"},\n"
    "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[44,40],[45,40],[45,41],[44,40]]]}},\n"
    "  {\"type\": \"Feature\", \"id\": \"bad\", \"properties\": {\"name\": \"Bad\"},\n"
    "   \"geometry\": {\"type\": \"Polygon\",\n"
    "                \"coordinates\": \"not a ring\"}}\n"
    "]}\n";

// The first diagnostic whose code starts with `code`.
const Diagnostic* findCode(const LoadedExhibit& e, const std::string& code) {
    const auto& all = e.diagnostics.all();
    auto it = std::find_if(all.begin(), all.end(), [&](const Diagnostic& d) { return d.code.rfind(code, 0) == 0; });
    return it == all.end() ? nullptr : &*it;
}

// The first problem found inside map data (reported at the map, naming the data file).
const Diagnostic* findDataProblem(const LoadedExhibit& e) {
    const auto& all = e.diagnostics.all();
    auto it = std::find_if(all.begin(), all.end(), [](const Diagnostic& d) {
        return d.code != "missing-file" && d.message.rfind("map data ", 0) == 0;
    });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("compiled map: an unknown place, an unknown feature and broken data, each at its line") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps());
    REQUIRE(e.show);
    for (const Diagnostic& d : e.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(checkExitCode(e) == 2);

    const Diagnostic* place = findCode(e, "unknown-place");
    REQUIRE(place);
    CHECK(place->where.file.find("exhibit.xml") != std::string::npos);
    CHECK(place->where.line == 4);
    CHECK(place->where.column > 0);
    CHECK(place->message.find("Bakku") != std::string::npos);
    CHECK(place->hint.find("Baku") != std::string::npos);  // did you mean

    const Diagnostic* feature = findCode(e, "unknown-feature");
    REQUIRE(feature);
    CHECK(feature->where.line == 5);
    CHECK(feature->message.find("Atlantis") != std::string::npos);

    const Diagnostic* data = findDataProblem(e);
    REQUIRE(data);
    CHECK(data->severity == Severity::Error);
    CHECK(data->where.file.find("exhibit.xml") != std::string::npos);
    CHECK(data->where.line == 3);                                           // the map's src
    CHECK(data->message.find("broken.geojson:5:") != std::string::npos);  // the data's own line

    // Yerevan is known and the good feature loads: nothing else is reported.
    CHECK(e.diagnostics.errorCount() == 3);
}

TEST_CASE("compiled map: data that is not JSON is one error with the data's line") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}\n");
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps());
    const Diagnostic* data = findDataProblem(e);
    REQUIRE(data);
    CHECK(data->where.line == 3);
    CHECK(data->message.find("broken.geojson:2") != std::string::npos);
}

TEST_CASE("compiled map: missing map data is reported once, by the media check") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps());
    CHECK(findCode(e, "missing-file"));
    CHECK_FALSE(findDataProblem(e));
    CHECK(findCode(e, "unknown-place"));  // places are still checked without the data
}

TEST_CASE("compiled map: the loader compiles maps even when its options bring no library") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
    CHECK(findCode(e, "unknown-place"));
    REQUIRE(e.show);
    REQUIRE(e.show->items.size() == 1);
    CHECK(e.show->items[0].map);
}

TEST_CASE("compiled map: the Baku exhibit's maps check clean") {
    LoadedExhibit e = loadExhibit(vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml",
                                  map::withMaps());
    REQUIRE(e.show);
    for (const Diagnostic& d : e.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(e.diagnostics.errorCount() == 0);
    CHECK(e.diagnostics.warningCount() == 0);
}

TEST_CASE("compiled map: a shared library reuses unchanged data and rereads data that changed") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    CompileOptions options = map::withMaps();
    LoadedExhibit first = loadExhibit(dir / "exhibit.xml", options);
    LoadedExhibit again = loadExhibit(dir / "exhibit.xml", options);
    REQUIRE(findDataProblem(first));
    REQUIRE(findDataProblem(again));  // a cached file's problems are reported by every check
    CHECK(findDataProblem(again)->message == findDataProblem(first)->message);
    // The data fixed (a different size on disk): the next check reads it again.
    std::string good = kBrokenData.substr(0, kBrokenData.find("},\n  {\"type\": \"Feature\", \"id\": \"bad\"")) + "}\n]}\n";
    writeText(dir / "broken.geojson", good);
    LoadedExhibit fixed = loadExhibit(dir / "exhibit.xml", options);
    CHECK_FALSE(findDataProblem(fixed));
}

namespace {

// A map of the bundled Caucasus data, with a known place and a known feature.
const std::string kCaucasusExhibit =
    "<exhibit title=\"Maps\" size=\"1920x1080\">\n"
    "<scene id=\"s\" dur=\"10s\">\n"
    "  <map src=\"caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
    "    <marker at=\"Baku\" label=\"Baku\" begin=\"1s\" end=\"4s\"/>\n"
    "    <highlight feature=\"Armenia\"/>\n"
    "  </map>\n"
    "</scene>\n"
    "</exhibit>\n";

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("compiled map: map data is read once per process, by every compile that shares the library") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kCaucasusExhibit);
    writeText(dir / "caucasus.geojson", readText(map::bundledMapsDirectory() / "caucasus.geojson"));
    auto library = std::make_shared<map::MapLibrary>();
    const CompileOptions options = map::withMaps({}, library);

    LoadedExhibit first = loadExhibit(dir / "exhibit.xml", options);
    REQUIRE(first.show);
    CHECK(first.diagnostics.errorCount() == 0);
    const int reads = library->filesRead();
    CHECK(reads == 3);  // places.json, the map's data and the world beneath
    // A reload (the studio's edit, the player's reload) and a second exhibit read nothing.
    LoadedExhibit again = loadExhibit(dir / "exhibit.xml", options);
    writeText(dir / "other.xml", kCaucasusExhibit);
    LoadedExhibit other = loadExhibit(dir / "other.xml", options);
    CHECK(library->filesRead() == reads);
    REQUIRE(again.show);
    REQUIRE(other.show);
    const map::CompiledMap& a = *first.show->items.at(0).map;
    const map::CompiledMap& b = *again.show->items.at(0).map;
    CHECK(a.data == b.data);  // the same projected, triangulated layer, not a copy
    CHECK(a.base == b.base);
    CHECK(other.show->items.at(0).map->data == a.data);

    // The data edited: the next compile reads that file again, and only that one.
    writeText(dir / "caucasus.geojson", readText(dir / "caucasus.geojson") + "\n");
    LoadedExhibit edited = loadExhibit(dir / "exhibit.xml", options);
    REQUIRE(edited.show);
    CHECK(library->filesRead() == reads + 1);
    CHECK(edited.show->items.at(0).map->data != a.data);
    CHECK(edited.show->items.at(0).map->base == a.base);
}

TEST_CASE("compiled map: the show holds places, timing and triangulated data, not the map's XML") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kCaucasusExhibit);
    writeText(dir / "caucasus.geojson", readText(map::bundledMapsDirectory() / "caucasus.geojson"));
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps());
    REQUIRE(e.show);
    e.script.reset();  // nothing of the map may point into the script
    REQUIRE(e.show->items.at(0).map);
    const map::CompiledMap& m = *e.show->items[0].map;
    REQUIRE(m.scene.markers.size() == 1);
    CHECK(m.scene.markers[0].label == "Baku");
    // begin and end read as the timeline reads them: 1 s to 4 s.
    CHECK(m.scene.markers[0].timing.begin == 1 * kMicrosPerSecond);
    CHECK(m.scene.markers[0].timing.end == 4 * kMicrosPerSecond);
    REQUIRE(m.data);
    CHECK(m.data->find("Armenia"));
    CHECK_FALSE(m.data->find("Armenia")->triangles.empty());
    REQUIRE(m.base);
    REQUIRE(m.dataBounds());
    CHECK(m.dataBounds()->west == doctest::Approx(m.data->lonLatBounds.west));
}

TEST_CASE("compiled map: data across 180° without a view is fitted whole and projected around it") {
    // Fiji as RFC 7946 writes it: Vanua Levu cut at 180°, the Lau Islands east of it.
    TempDir dir;
    writeText(dir / "fiji.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"name": "Fiji"}, "geometry": {"type": "MultiPolygon", "coordinates": [
    [[[177.2, -18.3], [178.7, -18.3], [178.7, -17.3], [177.2, -17.3], [177.2, -18.3]]],
    [[[178.4, -17.0], [180.0, -17.0], [180.0, -16.1], [178.4, -16.1], [178.4, -17.0]]],
    [[[-180.0, -16.3], [-179.9, -16.3], [-179.9, -16.1], [-180.0, -16.1], [-180.0, -16.3]]],
    [[[-179.0, -19.0], [-178.2, -19.0], [-178.2, -17.5], [-179.0, -17.5], [-179.0, -19.0]]]]}}]})");
    writeText(dir / "exhibit.xml", "<exhibit title=\"Fiji\" size=\"1920x1080\">\n<scene id=\"s\" dur=\"10s\">\n"
                                   "  <map src=\"fiji.geojson\"/>\n</scene>\n</exhibit>\n");
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps());
    REQUIRE(e.show);
    REQUIRE(e.show->items.at(0).map);
    const map::CompiledMap& m = *e.show->items[0].map;
    REQUIRE(m.dataBounds());
    CHECK(m.dataBounds()->west == doctest::Approx(177.2));
    CHECK(m.dataBounds()->east == doctest::Approx(181.8));
    // The automatic projection is chosen for the data: centred on it, not on Europe.
    CHECK(m.scene.projectionSpec.centralMeridian == doctest::Approx(179.5));
    // The first view (the data's bounds) shows the islands on both sides of 180° far apart
    // on the canvas, not as a speck of a world map.
    const map::MapView view = map::MapView::fitting(m.scene.projection, *m.dataBounds(), {0, 0, 1920, 1080});
    const map::Point2 vitiLevu = view.toCanvas({178.0, -17.8}), lau = view.toCanvas({-178.6, -18.2});
    for (map::Point2 p : {vitiLevu, lau}) {
        CHECK(p.x >= 0);
        CHECK(p.x <= 1920);
        CHECK(p.y >= 0);
        CHECK(p.y <= 1080);
    }
    CHECK(lau.x - vitiLevu.x > 800);
}

TEST_CASE("compiled map: Natural Earth's lakes, rivers and coastline are read at the scale the view needs") {
    // The Black Sea's coasts at 1:10m (a view 9° wide): the coastline from the countries'
    // land at that scale, lakes and rivers at 1:50m, the finest packaged.
    TempDir dir;
    writeText(dir / "exhibit.xml", "<exhibit title=\"Sea\" size=\"1920x1080\">\n<scene id=\"s\" dur=\"10s\">\n"
                                   "  <map view=\"27,40 → 36,47\">\n"
                                   "    <layer data=\"coastline\"/>\n    <layer data=\"lakes\"/>\n    <layer data=\"rivers\"/>\n"
                                   "  </map>\n</scene>\n</exhibit>\n");
    auto library = std::make_shared<map::MapLibrary>();
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMaps({}, library));
    REQUIRE(e.show);
    for (const Diagnostic& d : e.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(e.diagnostics.empty());
    const map::CompiledMap& m = *e.show->items.at(0).map;
    REQUIRE(m.layers.size() == 3);
    for (const auto& layer : m.layers) {
        REQUIRE(layer);
        CHECK_FALSE(layer->outlines.empty());
    }
    CHECK(m.layers[0] != m.base);
    // Only what the map can reach is projected: of the land's 4,000 polygons, those near the
    // Black Sea (the land is one feature, so a feature's bounds alone would keep them all).
    CHECK(m.layers[0]->outlines.size() < 2000);
}
