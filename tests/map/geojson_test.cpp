#include "map/geojson.h"
#include "support/build_paths.h"

#include <doctest/doctest.h>

#include "map/oversized_json.h"

#include <filesystem>
#include <fstream>

#include "map/located_json.h"
#include "map/map_layer.h"
#include "media/media_test_files.h"
#include <string>

using namespace vitrine::map;

namespace {

std::filesystem::path mapsDir() { return vitrine::test::sourceDir() / "assets/maps"; }

}  // namespace

TEST_CASE("geojson: all geometry types and properties load") {
    const std::string text = R"({"type":"FeatureCollection","features":[
{"type":"Feature","id":7,"properties":{"name":"Square","pop":12,"capital":true,"n":null},
 "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}},
{"type":"Feature","properties":{"name":"Two"},"geometry":{"type":"MultiPolygon","coordinates":[
  [[[0,0],[1,0],[1,1],[0,0]]], [[[5,5],[6,5],[6,6],[5,5]]]]}},
{"type":"Feature","id":"road","properties":null,"geometry":{"type":"LineString","coordinates":[[0,0],[1,1],[2,1]]}},
{"type":"Feature","id":"town","properties":{"name":"Town"},"geometry":{"type":"Point","coordinates":[49.87,40.41,12]}},
{"type":"Feature","id":"mix","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
  {"type":"MultiPoint","coordinates":[[1,2],[3,4]]},{"type":"MultiLineString","coordinates":[[[0,0],[1,0]],[[2,2],[3,3]]]}]}},
{"type":"Feature","id":"nowhere","properties":{"name":"Nowhere"},"geometry":null}
]})";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseGeoJson(text, "inline.geojson", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(c.features.size() == 6);
    const GeoFeature& square = c.features[0];
    CHECK(square.id == "7");
    CHECK(square.name == "Square");
    CHECK(square.properties.at("pop") == "12");
    CHECK(square.properties.at("capital") == "true");
    CHECK_FALSE(square.properties.contains("n"));
    REQUIRE(square.polygons.size() == 1);
    CHECK(square.polygons[0].rings.size() == 2);
    CHECK(area(square.polygons[0]) == doctest::Approx(15.0));
    CHECK(square.where.line == 2);
    CHECK(square.where.column == 1);
    CHECK(c.features[1].polygons.size() == 2);
    CHECK(c.features[2].lines.size() == 1);
    CHECK(c.features[2].lines[0].size() == 3);
    REQUIRE(c.features[3].points.size() == 1);
    CHECK(c.features[3].points[0] == Point2{49.87, 40.41});
    CHECK(c.features[4].points.size() == 2);
    CHECK(c.features[4].lines.size() == 2);
    CHECK(c.features[5].polygons.empty());
    CHECK(c.find("Town") == &c.features[3]);
    CHECK(c.find("road") == &c.features[2]);
    CHECK(c.find("Atlantis") == nullptr);
}

TEST_CASE("geojson: a syntax error names its line and column and earlier features survive") {
    // Line 3 lacks the comma between two members: "id":"b" "properties".
    const std::string text =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
        "{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},\n"
        "{\"type\":\"Feature\",\"id\":\"b\" \"properties\":{},\"geometry\":null}\n"
        "]}\n";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseGeoJson(text, "broken.geojson", diagnostics);
    REQUIRE(diagnostics.errorCount() == 1);
    const vitrine::Diagnostic& d = diagnostics.all()[0];
    CHECK(d.code == "json-syntax");
    CHECK(d.where.file == "broken.geojson");
    CHECK(d.where.line == 3);
    // The unexpected token is "properties", whose opening quote is in column 28.
    CHECK(d.where.column == 28);
    CHECK(vitrine::formatDiagnostic(d).find("broken.geojson:3:28: error:") == 0);
    // The complete feature before the error loads; the cut one does not.
    REQUIRE(c.features.size() == 1);
    CHECK(c.features[0].id == "a");
}

TEST_CASE("geojson: nesting deep enough to overflow a stack is refused at its line, and nothing crashes") {
    // A 200 KB property of arrays nested 100,000 deep, and a GeometryCollection nested
    // 50,000 deep: each once killed `vitrine check` and a reloading player.
    const std::string feature = "{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},\"geometry\":{\"type\":\"Point\","
                                "\"coordinates\":[1,2]}},\n";
    std::string nestedProperty = "{\"type\":\"FeatureCollection\",\"features\":[\n" + feature +
                                 "{\"type\":\"Feature\",\"properties\":{\"deep\":";
    nestedProperty += std::string(100'000, '[') + std::string(100'000, ']') + "},\"geometry\":null}]}";
    std::string nestedCollection = "{\"type\":\"FeatureCollection\",\"features\":[\n" + feature +
                                   "{\"type\":\"Feature\",\"properties\":{},\"geometry\":";
    for (int i = 0; i < 50'000; ++i) nestedCollection += "{\"type\":\"GeometryCollection\",\"geometries\":[";
    nestedCollection += "{\"type\":\"Point\",\"coordinates\":[0,0]}";
    for (int i = 0; i < 50'000; ++i) nestedCollection += "]}";
    nestedCollection += "}]}";
    for (const std::string* text : {&nestedProperty, &nestedCollection}) {
        vitrine::Diagnostics diagnostics;
        const GeoCollection c = parseGeoJson(*text, "deep.geojson", diagnostics);
        REQUIRE(diagnostics.errorCount() == 1);
        const vitrine::Diagnostic& d = diagnostics.all()[0];
        CHECK(d.code == "json-too-deep");
        CHECK(d.where.line == 3);
        CHECK(d.message.find("64 levels") != std::string::npos);
        // The whole feature before the deep one still loads.
        REQUIRE(c.features.size() == 1);
        CHECK(c.features[0].id == "a");
    }
}

TEST_CASE("geojson: bad geometries are diagnosed at their line and the rest loads") {
    const std::string text =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
        "{\"type\":\"Feature\",\"id\":\"ok\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},\n"
        "{\"type\":\"Feature\",\"id\":\"short\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}},\n"
        "{\"type\":\"Feature\",\"id\":\"text\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"east\",2]}},\n"
        "{\"type\":\"Feature\",\"id\":\"open\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}},\n"
        "{\"type\":\"Feature\",\"id\":\"blob\",\"properties\":{},\"geometry\":{\"type\":\"Blob\",\"coordinates\":[]}},\n"
        "{\"type\":\"Feature\",\"id\":\"typo\",\"properties\":{},\"geometry\":{\"type\":7,\"coordinates\":[]}},\n"
        "{\"type\":\"Feature\",\"id\":\"last\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]}}\n"
        "]}\n";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseGeoJson(text, "shapes.geojson", diagnostics);
    CHECK(diagnostics.errorCount() == 4);
    CHECK(diagnostics.warningCount() == 1);
    auto lineOf = [&](const std::string& code) {
        for (const auto& d : diagnostics.all()) {
            if (d.code == code) return d.where.line;
        }
        return -1;
    };
    CHECK(lineOf("geojson-ring-short") == 3);
    CHECK(lineOf("geojson-position") == 4);
    CHECK(lineOf("geojson-ring-open") == 5);
    CHECK(lineOf("geojson-geometry") == 6);
    for (const auto& d : diagnostics.all()) CHECK(d.where.column > 1);
    // Every feature is kept (with whatever geometry could be read).
    REQUIRE(c.features.size() == 7);
    CHECK(c.features[1].polygons.empty());
    CHECK(c.features[2].points.empty());
    REQUIRE(c.features[3].polygons.size() == 1);  // closed for us, with a warning
    CHECK(c.features[3].polygons[0].rings[0].size() == 5);
    CHECK(c.features[6].points[0] == Point2{3, 4});
}

TEST_CASE("geojson: a position off the globe is an error at its line, and the layer projects without it") {
    const std::string text =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
        "{\"type\":\"Feature\",\"id\":\"ok\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[180,-90]}},\n"
        "{\"type\":\"Feature\",\"id\":\"north\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[49.87,91]}},\n"
        "{\"type\":\"Feature\",\"id\":\"east\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[180.5,40]}}\n"
        "]}\n";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseGeoJson(text, "globe.geojson", diagnostics);
    REQUIRE(diagnostics.errorCount() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(diagnostics.all()[i].code == "geojson-position");
        CHECK(diagnostics.all()[i].where.line == 3 + i);
        CHECK(diagnostics.all()[i].message.find("latitude from -90 to 90") != std::string::npos);
    }
    REQUIRE(c.features.size() == 3);
    CHECK(c.features[0].points.size() == 1);
    CHECK(c.features[1].points.empty());

    // The input the GeoJSON fuzzer found: one vertex of a country's ring at latitude 99
    // crashed GLU's tessellator when the layer was projected (as `vitrine still` does).
    vitrine::Diagnostics found;
    const GeoCollection syria = loadGeoJson(
        vitrine::test::sourceDir() / "tests/fuzz/corpus/geojson/regression-latitude-99.geojson", found);
    // Its other fault, a position of one number in the second feature, was always refused.
    REQUIRE(found.errorCount() == 2);
    for (const auto& d : found.all()) CHECK(d.code == "geojson-position");
    CHECK(found.all()[0].message.find("latitude from -90 to 90") != std::string::npos);
    REQUIRE(syria.features.size() == 2);
    CHECK(syria.features[0].polygons.empty());
    ProjectionSpec conic;
    conic.parallel1 = 38;
    conic.parallel2 = 43;
    conic.originLatitude = 40;
    conic.centralMeridian = 46;
    const ProjectedLayer layer = projectLayer(syria, conic, found);
    REQUIRE(layer.find("760") != nullptr);
    CHECK(layer.find("760")->triangles.empty());  // the ring with the bad vertex is left out
}

TEST_CASE("geojson: the root must be a FeatureCollection") {
    vitrine::Diagnostics diagnostics;
    parseGeoJson("[1,2]", "a.geojson", diagnostics);
    parseGeoJson("{\"type\":\"Topology\"}", "b.geojson", diagnostics);
    parseGeoJson("", "c.geojson", diagnostics);
    REQUIRE(diagnostics.errorCount() == 3);
    CHECK(diagnostics.all()[0].code == "geojson-root");
    CHECK(diagnostics.all()[1].code == "geojson-root");
    CHECK(diagnostics.all()[2].code == "json-syntax");
    loadGeoJson("/nonexistent/map.geojson", diagnostics);
    CHECK(diagnostics.all().back().code == "file-unreadable");
}

TEST_CASE("the committed map data: right countries, RFC 7946 winding, cities inside") {
    vitrine::Diagnostics diagnostics;
    const GeoCollection caucasus = loadGeoJson(mapsDir() / "caucasus.geojson", diagnostics);
    const GeoCollection world = loadGeoJson(mapsDir() / "world.geojson", diagnostics);
    CHECK(diagnostics.empty());
    for (const char* name : {"Armenia", "Azerbaijan", "Georgia", "Russia", "Turkey", "Iran"}) {
        INFO(name);
        CHECK(caucasus.find(name) != nullptr);
        CHECK(world.find(name) != nullptr);
    }
    CHECK(caucasus.find("051") == caucasus.find("Armenia"));  // ISO 3166-1 numeric id
    CHECK(world.features.size() > 150);
    // Exteriors counter-clockwise, holes clockwise.
    for (const GeoCollection* c : {&caucasus, &world}) {
        for (const GeoFeature& f : c->features) {
            for (const Polygon& p : f.polygons) {
                for (std::size_t i = 0; i < p.rings.size(); ++i) {
                    INFO(f.name << " ring " << i);
                    CHECK((signedArea(p.rings[i]) > 0) == (i == 0));
                }
            }
        }
    }
    auto inside = [](const GeoFeature* f, Point2 p) {
        if (f == nullptr) return false;
        for (const Polygon& poly : f->polygons) {
            if (contains(poly, p)) return true;
        }
        return false;
    };
    CHECK(inside(caucasus.find("Azerbaijan"), {49.87, 40.41}));  // Baku
    CHECK(inside(caucasus.find("Azerbaijan"), {45.41, 39.21}));  // Nakhchivan city
    CHECK(inside(caucasus.find("Armenia"), {44.51, 40.18}));     // Yerevan
    CHECK(inside(caucasus.find("Georgia"), {44.79, 41.72}));     // Tbilisi
    CHECK_FALSE(inside(caucasus.find("Armenia"), {49.87, 40.41}));
    CHECK(inside(world.find("Russia"), {37.62, 55.75}));         // Moscow
    // Clipped to the box it declares.
    const Box box = bounds(caucasus.find("Russia")->polygons);
    CHECK(box.west >= 37.0);
    CHECK(box.north <= 46.0);
    CHECK(box.east <= 52.0);
    CHECK(std::filesystem::file_size(mapsDir() / "caucasus.geojson") < 300 * 1024);
}

TEST_CASE("a GeoJSON file larger than the limit is one error at the line where the limit falls") {
    vitrine::test::TempDir dir;
    const auto file = dir / "map.geojson";
    vitrine::test::writeJsonPast(file, kMaxMapFileBytes);
    vitrine::Diagnostics d;
    CHECK(loadGeoJson(file, d).features.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == file.string());
    CHECK(d.all()[0].where.line == vitrine::test::lineOfLimit(kMaxMapFileBytes));
}
