#include "studio/map_edits.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>

#include "script/values.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

using map::Point2;
using testing::StudioFixture;

// A map scene over the bundled world data, as `vitrine-studio new` and the map tool make one.
const char* kMapExhibit = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Map fixture" size="1280x720" lang="en">
  <scene id="where" dur="20s">
    <!-- The region, then a flight to Baku. -->
    <map view="42,36.2 → 51.6,42.4" projection="lambert"
         credit="Natural Earth (public domain)">
        <marker at="Yerevan" label="Yerevan" begin="1s"/>
        <fly to="Baku" zoom="2" begin="10s" dur="4s"/>
    </map>
  </scene>
</exhibit>
)xml";

const map::Gazetteer& places() {
    static const map::Gazetteer g = [] {
        Diagnostics d;
        return map::Gazetteer::load(map::bundledMapsDirectory() / "places.json", d);
    }();
    return g;
}

// The exhibit's text with `inserted` written on a line of its own after the <fly>.
std::string withChild(const std::string& inserted) {
    std::string text = kMapExhibit;
    const std::string after = R"(dur="4s"/>)";
    return text.insert(text.find(after) + after.size(), "\n        " + inserted);
}

struct MapDocument {
    StudioFixture fixture{kMapExhibit};
    StudioDocument doc{fixture.file};

    MapDocument() {
        REQUIRE(doc.show());
        for (const auto& d : doc.diagnostics().all()) MESSAGE(formatDiagnostic(d));
        REQUIRE(doc.diagnostics().empty());
    }
    MapInPreview mapAt(Micros t, std::optional<map::MapCamera> camera = {}) const {
        auto m = mapInPreview(*doc.show(), t, Point2{640, 360}, -1, camera);
        REQUIRE(m);
        return *m;
    }
    ElementPath mapPath(const MapInPreview& m) const {
        auto path = doc.pathOf({Selection::Kind::Item, m.item});
        REQUIRE(path);
        return *path;
    }
    const ScriptNode& mapNode(const MapInPreview& m) const { return *doc.nodeOf({Selection::Kind::Item, m.item}); }
    void make(const MapEdit& e) {
        auto error = doc.edit(e.description, e.recipe);
        REQUIRE_MESSAGE(!error, (error ? error->message : std::string()));
        CHECK_FALSE(doc.diagnostics().hasErrors());
        for (const auto& d : doc.diagnostics().all()) MESSAGE(formatDiagnostic(d));
        CHECK(doc.diagnostics().empty());  // vitrine check clean
    }
};

Point2 parsedPlace(const std::string& at) {
    auto ll = parseLonLat(at);
    REQUIRE(ll);
    return {ll->lon, ll->lat};
}

}  // namespace

TEST_CASE("map edits: a click near Baku places <marker at=\"Baku\"> in the map at the playhead, and undo gives the text back") {
    MapDocument d;
    const MapInPreview m = d.mapAt(3 * kMicrosPerSecond);
    CHECK(m.local == 3 * kMicrosPerSecond);
    const Point2 baku = map::canvasAt(m.map->scene, m.state, {49.87, 40.41});
    // A few pixels off the city: still Baku, by name.
    const WrittenPlace place = placeAt(m, {baku.x + 4, baku.y - 3}, places(), 8);
    CHECK(place.at == "Baku");
    CHECK(place.name == "Baku");
    d.make(placeMarker(d.mapPath(m), place, place.name, m.local));
    CHECK(d.doc.text() == withChild(R"(<marker at="Baku" label="Baku" begin="3s"/>)"));
    // The show has it: a second marker, drawn where the click was (within the few pixels).
    const MapInPreview after = d.mapAt(3 * kMicrosPerSecond);
    REQUIRE(after.map->scene.markers.size() == 2);
    CHECK(after.map->scene.markers[1].timing.begin == 3 * kMicrosPerSecond);
    d.doc.undo();
    CHECK(d.doc.text() == kMapExhibit);
}

TEST_CASE("map edits: away from every place, a marker or label is written lon,lat to a pixel's precision") {
    MapDocument d;
    const MapInPreview m = d.mapAt(0);
    // Over the middle of the Caspian, nowhere near a place of the gazetteer.
    const Point2 caspian = map::canvasAt(m.map->scene, m.state, {51.0, 39.0});
    const WrittenPlace place = placeAt(m, caspian, places(), 8);
    CHECK(place.name.empty());
    // 1280 px across ~10° of longitude: a pixel is about 0.0075°, so three decimals, not two.
    CHECK(decimalsFor(m) == 3);
    CHECK(place.at == "51,39");
    // The written place is drawn within a pixel of the click.
    const Point2 drawn = map::canvasAt(m.map->scene, m.state, parsedPlace(place.at));
    CHECK(std::hypot(drawn.x - caspian.x, drawn.y - caspian.y) < 1.0);

    const Point2 off = map::canvasAt(m.map->scene, m.state, {50.12345, 38.45678});
    const WrittenPlace numbers = placeAt(m, off, places(), 8);
    CHECK(numbers.at == "50.123,38.457");
    d.make(placeLabel(d.mapPath(m), numbers, "Caspian Sea", 0));
    CHECK(d.doc.text() == withChild(R"(<label at="50.123,38.457" text="Caspian Sea"/>)"));
    d.doc.undo();
    CHECK(d.doc.text() == kMapExhibit);
}

TEST_CASE("map edits: a marker pressed on and dragged is moved by its at, one undoable edit") {
    MapDocument d;
    const MapInPreview m = d.mapAt(2 * kMicrosPerSecond);
    const Point2 yerevan = map::canvasAt(m.map->scene, m.state, {44.51, 40.18});
    CHECK_FALSE(mapChildAt(m, d.mapNode(m), {yerevan.x + 40, yerevan.y}, 12));
    auto pressed = mapChildAt(m, d.mapNode(m), {yerevan.x + 5, yerevan.y + 5}, 12);
    REQUIRE(pressed);
    CHECK(pressed->name == "marker");
    CHECK(pressed->index == 0);
    // Not drawn yet at 0.5 s (it begins at 1 s): nothing to press on.
    CHECK_FALSE(mapChildAt(d.mapAt(kMicrosPerSecond / 2), d.mapNode(m), yerevan, 12));

    ElementPath marker = d.mapPath(m);
    marker.steps.push_back({pressed->name, pressed->index});
    const Point2 dropped = map::canvasAt(m.map->scene, m.state, {45.0, 38.0});
    d.make(moveMapChild(marker, placeAt(m, dropped, places(), 8)));
    std::string expected = kMapExhibit;
    expected.replace(expected.find("Yerevan"), 7, "45,38");
    CHECK(d.doc.text() == expected);
    CHECK(d.doc.undo());
    CHECK(d.doc.text() == kMapExhibit);
}

TEST_CASE("map edits: set view writes the map's view, a <view>'s box, or a new <view> after a flight") {
    MapDocument d;
    // Before any move: the map's own view attribute, framing what the camera shows.
    const MapInPreview m = d.mapAt(3 * kMicrosPerSecond);
    const map::MapCamera framed{{m.state.camera.centre.x + 50'000, m.state.camera.centre.y}, m.state.camera.width / 2};
    const std::string box = formatViewBox(map::viewBoxFor(m.map->scene, framed, m.state.box), decimalsFor(m));
    d.make(setMapView(d.mapPath(m), box, m.local));
    std::string expected = kMapExhibit;
    expected.replace(expected.find("42,36.2 → 51.6,42.4"), std::string("42,36.2 → 51.6,42.4").size(), box);
    CHECK(d.doc.text() == expected);
    d.doc.undo();

    // After the flight began: a cut to a new <view> at the playhead.
    const MapInPreview late = d.mapAt(15 * kMicrosPerSecond);
    d.make(setMapView(d.mapPath(late), "48,39 → 50,41", late.local));
    const std::string withView = withChild(R"(<view box="48,39 → 50,41" begin="15s"/>)");
    CHECK(d.doc.text() == withView);
    // That <view> is now the move under way: framing again changes its box, adds nothing.
    const MapInPreview later = d.mapAt(16 * kMicrosPerSecond);
    d.make(setMapView(d.mapPath(later), "48.5,39 → 50,41", later.local));
    CHECK(d.doc.text() == withChild(R"(<view box="48.5,39 → 50,41" begin="15s"/>)"));
    // The camera shown is the framed one: the whole box in view, zoomed in from the first view.
    const MapInPreview shown = d.mapAt(16 * kMicrosPerSecond);
    for (Point2 corner : {Point2{48.5, 39}, Point2{48.5, 41}, Point2{50, 39}, Point2{50, 41}}) {
        const Point2 px = map::canvasAt(shown.map->scene, shown.state, corner);
        CHECK(px.x > -1);
        CHECK(px.x < 1281);
        CHECK(px.y > -1);
        CHECK(px.y < 721);
    }
    CHECK(shown.state.camera.width < m.state.camera.width / 2);
    d.doc.undo();
    d.doc.undo();
    CHECK(d.doc.text() == kMapExhibit);
}

TEST_CASE("map edits: add fly-to writes a <fly> at the playhead that ends on the framed camera") {
    MapDocument d;
    const MapInPreview m = d.mapAt(3 * kMicrosPerSecond);
    // Zoomed in three times over Baku.
    const Point2 bakuXY = m.map->scene.projection.forward({49.87, 40.41});
    const map::MapCamera framed{bakuXY, m.state.camera.width / 3};
    d.make(addFly(d.mapPath(m), m, framed, m.local, 3 * kMicrosPerSecond));
    CHECK(d.doc.text() == withChild(R"(<fly to="49.87,40.41" zoom="3" begin="3s" dur="3s"/>)"));
    // Once it has flown, the map shows that camera (before the flight to Baku at 10 s).
    const MapInPreview flown = d.mapAt(7 * kMicrosPerSecond);
    const double pixelsPerUnit = flown.state.pixelsPerUnit;
    CHECK(std::abs(flown.state.camera.centre.x - framed.centre.x) * pixelsPerUnit < 1);
    CHECK(std::abs(flown.state.camera.centre.y - framed.centre.y) * pixelsPerUnit < 1);
    CHECK(flown.state.camera.width == doctest::Approx(framed.width).epsilon(0.01));
    d.doc.undo();
    CHECK(d.doc.text() == kMapExhibit);
}

TEST_CASE("map edits: no map is found where none is drawn") {
    StudioFixture f;  // text only
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    CHECK_FALSE(mapInPreview(*doc.show(), 0));
    MapDocument d;
    CHECK_FALSE(mapInPreview(*d.doc.show(), 25 * kMicrosPerSecond));  // after the scene
}

TEST_CASE("map edits: a view box across 180 degrees is written west beyond east, as the format reads it") {
    // viewBoxFor holds a box across the 180° meridian with its east edge unwrapped (190);
    // written back it must stay in -180..180 and read as the same 20° across the seam.
    CHECK(formatViewBox(map::Box{170, -22, 190, -10}, 1) == "170,-22 → -170,-10");
    CHECK(formatViewBox(map::Box{40, 37.5, 51, 43.5}, 1) == "40,37.5 → 51,43.5");
}

}  // namespace vitrine::studio
