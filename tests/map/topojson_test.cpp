#include "map/topojson.h"
#include "support/build_paths.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

using namespace vitrine::map;

namespace {

std::filesystem::path mapsDir() { return vitrine::test::sourceDir() / "assets/maps"; }

// The absolute planar area of every polygon of a feature, holes subtracted.
double totalArea(const GeoFeature& f) {
    double sum = 0;
    for (const Polygon& p : f.polygons) sum += std::abs(area(p));
    return sum;
}

// Polygons of more than a hundredth of a square degree (about 100 km² at the equator).
int substantialPolygons(const GeoFeature& f) {
    int n = 0;
    for (const Polygon& p : f.polygons) n += std::abs(area(p)) > 0.01;
    return n;
}

// Two unit squares side by side, west [0,1] and east [1,2], sharing the arc x = 1. The
// shared arc (0) runs north along x = 1; the east square uses it reversed (~0 = -1).
// Quantised: scale 0.5, translate (10, 20), so a quantised step of 2 is one degree.
const char* twoSquares = R"({"type":"Topology",
 "transform":{"scale":[0.5,0.5],"translate":[10,20]},
 "objects":{"squares":{"type":"GeometryCollection","geometries":[
   {"type":"Polygon","id":"W","properties":{"name":"West","n":3},"arcs":[[0,1]]},
   {"type":"Polygon","id":"E","properties":{"name":"East"},"arcs":[[2,-1]]}]},
  "town":{"type":"Point","id":"T","coordinates":[3,4]}},
 "arcs":[
   [[2,0],[0,2]],
   [[2,2],[-2,0],[0,-2],[2,0]],
   [[2,0],[2,0],[0,2],[-2,0]]]})";

}  // namespace

TEST_CASE("topojson: quantised delta-encoded arcs are joined and a negative index is the arc reversed") {
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseMapData(twoSquares, "squares.topojson", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(c.features.size() == 3);  // objects in name order: "squares" (two), then "town"
    const GeoFeature* west = c.find("West");
    const GeoFeature* east = c.find("E");
    REQUIRE(west);
    REQUIRE(east);
    CHECK(west->id == "W");
    CHECK(west->properties.at("n") == "3");
    REQUIRE(west->polygons.size() == 1);
    REQUIRE(west->polygons[0].rings.size() == 1);
    // Arc 0 decodes to (11,20) → (11,21); arc 1 continues (11,21) → (10,21) → (10,20) → (11,20).
    const Ring& w = west->polygons[0].rings[0];
    REQUIRE(w.size() == 5);  // the joint (11,21) is not repeated
    CHECK(w[0] == Point2{11, 20});
    CHECK(w[1] == Point2{11, 21});
    CHECK(w[2] == Point2{10, 21});
    CHECK(w[4] == Point2{11, 20});
    CHECK(std::abs(area(west->polygons[0])) == doctest::Approx(1.0));
    // The east square: (11,20) → (12,20) → (12,21) → (11,21), then arc 0 reversed back to (11,20).
    const Ring& e = east->polygons[0].rings[0];
    REQUIRE(e.size() == 5);
    CHECK(e[3] == Point2{11, 21});
    CHECK(e[4] == Point2{11, 20});
    CHECK(std::abs(area(east->polygons[0])) == doctest::Approx(1.0));
    // A point is quantised but not delta-encoded.
    const GeoFeature* town = c.find("T");
    REQUIRE(town);
    REQUIRE(town->points.size() == 1);
    CHECK(town->points[0] == Point2{11.5, 22});
}

TEST_CASE("topojson: one object is read alone when named") {
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseMapData(twoSquares, "squares.topojson", diagnostics, "town");
    CHECK(diagnostics.empty());
    REQUIRE(c.features.size() == 1);
    CHECK(c.features[0].id == "T");

    const GeoCollection none = parseMapData(twoSquares, "squares.topojson", diagnostics, "rivers");
    CHECK(none.features.empty());
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].code == "topojson-object");
}

TEST_CASE("topojson: without a transform positions are plain lon/lat") {
    const std::string text = R"({"type":"Topology","objects":{"road":{"type":"LineString","arcs":[0,1]}},
"arcs":[[[44.5,40.1],[45,40.2]],[[45,40.2],[46,40.5],[47,40.4]]]})";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseMapData(text, "road.topojson", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(c.features.size() == 1);
    REQUIRE(c.features[0].lines.size() == 1);
    const auto& line = c.features[0].lines[0];
    REQUIRE(line.size() == 4);
    CHECK(line[0] == Point2{44.5, 40.1});
    CHECK(line[3] == Point2{47, 40.4});
}

TEST_CASE("topojson: bad arcs and indexes are diagnosed where they are and the rest loads") {
    const std::string text = R"({"type":"Topology","objects":{"o":{"type":"GeometryCollection","geometries":[
{"type":"Polygon","id":"bad-index","arcs":[[7]]},
{"type":"Polygon","id":"off-globe","arcs":[[1]]},
{"type":"Polygon","id":"fine","arcs":[[0]]},
{"type":"Polygon","id":"reversed-bad","arcs":[[-9]]}]}},
"arcs":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[0,99],[1,1],[0,0]]]})";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseMapData(text, "bad.topojson", diagnostics);
    REQUIRE(c.find("fine"));
    CHECK(c.find("fine")->polygons.size() == 1);
    CHECK(c.find("bad-index")->polygons.empty());
    CHECK(c.find("off-globe")->polygons.empty());
    CHECK(c.find("reversed-bad")->polygons.empty());
    int arcErrors = 0, indexErrors = 0;
    for (const auto& d : diagnostics.all()) {
        CHECK(d.where.file == "bad.topojson");
        CHECK(d.where.line > 0);
        arcErrors += d.code == "topojson-arc";
        indexErrors += d.code == "topojson-arc-index";
    }
    CHECK(arcErrors == 1);    // the latitude of 99, once for its arc
    CHECK(indexErrors == 2);  // 7 and -9 (arc 8) name no arc
}

TEST_CASE("topojson: a GeoJSON file read through the same entry is read as GeoJSON") {
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = loadMapData(mapsDir() / "world.geojson", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(c.find("Armenia"));
}

TEST_CASE("topojson: Natural Earth 1:110m decodes to the same countries as topojson-client made of it") {
    // world.geojson was converted from world-atlas's countries-110m.json by topojson-client
    // (tools/build-maps); tools/setup installs the TopoJSON itself.
    const auto topology = mapsDir() / "natural-earth/countries-110m.json";
    REQUIRE_MESSAGE(std::filesystem::exists(topology), "run tools/setup to install the map data");
    vitrine::Diagnostics diagnostics;
    const GeoCollection ours = loadMapData(topology, diagnostics, "countries");
    const GeoCollection theirs = loadMapData(mapsDir() / "world.geojson", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(ours.features.size() == theirs.features.size());
    for (const GeoFeature& reference : theirs.features) {
        CAPTURE(reference.name);
        const GeoFeature* f = ours.find(reference.name);
        REQUIRE(f);
        CHECK(f->id == reference.id);
        // tools/build-maps dropped an islet or two that rounding to 4 decimals emptied.
        CHECK(substantialPolygons(*f) == substantialPolygons(reference));
        // world.geojson is rounded to 4 decimals, so areas agree to about that.
        CHECK(totalArea(*f) == doctest::Approx(totalArea(reference)).epsilon(1e-3));
    }
}

TEST_CASE("topojson: a quantised islet collapsed to a ring without area is left out quietly") {
    // Arc 1 runs out and back along one line: after joining, a ring of three positions.
    const std::string text = R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
"objects":{"o":{"type":"MultiPolygon","id":"land","arcs":[[[0]],[[1]]]}},
"arcs":[[[0,0],[2,0],[0,2],[-2,0],[0,-2]],[[5,5],[1,0],[-1,0]]]})";
    vitrine::Diagnostics diagnostics;
    const GeoCollection c = parseMapData(text, "islet.topojson", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(c.features.size() == 1);
    CHECK(c.features[0].polygons.size() == 1);  // the square; the islet is gone
}
