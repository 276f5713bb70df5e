// Map checks in `vitrine check`: unknown places, unknown highlight features and broken map
// data are found when the exhibit is loaded, with the exhibit's line and the data's line.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <string>
#include <vector>

#include "exhibit/check_report.h"
#include "exhibit/exhibit_loader.h"
#include "timeline/compile.h"
#include "map/map_check.h"
#include "map/map_scene.h"
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

TEST_CASE("map check: an unknown place, an unknown feature and broken data, each at its line") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMapChecks());
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

TEST_CASE("map check: data that is not JSON is one error with the data's line") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}\n");
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMapChecks());
    const Diagnostic* data = findDataProblem(e);
    REQUIRE(data);
    CHECK(data->where.line == 3);
    CHECK(data->message.find("broken.geojson:2") != std::string::npos);
}

TEST_CASE("map check: missing map data is reported once, by the media check") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml", map::withMapChecks());
    CHECK(findCode(e, "missing-file"));
    CHECK_FALSE(findDataProblem(e));
    CHECK(findCode(e, "unknown-place"));  // places are still checked without the data
}

TEST_CASE("map check: without the hook the loader stays map-blind (the core links no map code)") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
    CHECK_FALSE(findCode(e, "unknown-place"));
}

TEST_CASE("map check: the Baku exhibit's maps check clean") {
    LoadedExhibit e = loadExhibit(vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml",
                                  map::withMapChecks());
    REQUIRE(e.show);
    for (const Diagnostic& d : e.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(e.diagnostics.errorCount() == 0);
    CHECK(e.diagnostics.warningCount() == 0);
}

TEST_CASE("map check: the hook's cache reuses unchanged data and rereads data that changed") {
    TempDir dir;
    writeText(dir / "exhibit.xml", kExhibit);
    writeText(dir / "broken.geojson", kBrokenData);
    CompileOptions options = map::withMapChecks();
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
