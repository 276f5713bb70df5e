// The scale of Natural Earth chosen from the view, and what the chosen scale draws: a
// lighthouse on Ouessant, off Brittany, is on the land of a map zoomed onto it.

#include "map/natural_earth.h"
#include "support/build_paths.h"

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "media/media_test_files.h"
#include "timeline/show.h"

#include <string>
#include <vector>

using namespace vitrine;
using namespace vitrine::map;
using vitrine::test::TempDir;

namespace {

std::filesystem::path mapsDir() { return vitrine::test::sourceDir() / "assets/maps"; }

const Box kWorld{-180, -90, 180, 90};
const Box kBrittany{-5.3, 47.2, -1.0, 49.0};
const Box kEurasia{-20, 0, 160, 75};  // half the globe's longitudes

MapScene flyingTo(double zoom) {
    MapScene scene;
    MapCameraMove fly;
    fly.zoom = zoom;
    scene.moves.push_back(fly);
    return scene;
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

// Is `p` (projected) inside one of the triangles the layer fills?
bool onFilledLand(const ProjectedLayer& layer, Point2 p) {
    auto side = [](Point2 a, Point2 b, Point2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); };
    for (const LayerFeature& f : layer.features) {
        for (std::size_t i = 0; i + 2 < f.triangles.size(); i += 3) {
            const double d1 = side(f.triangles[i], f.triangles[i + 1], p);
            const double d2 = side(f.triangles[i + 1], f.triangles[i + 2], p);
            const double d3 = side(f.triangles[i + 2], f.triangles[i], p);
            if ((d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0)) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("natural earth: the whole world is drawn at 1:110m and a region at 1:10m") {
    CHECK(kilometresPerPixel(kWorld) == doctest::Approx(20.87).epsilon(0.01));
    CHECK(scaleFor(kilometresPerPixel(kWorld)) == MapScale::Coarse110m);
    CHECK(scaleFor(kilometresPerPixel(kEurasia)) == MapScale::Medium50m);
    CHECK(scaleFor(kilometresPerPixel(kBrittany)) == MapScale::Fine10m);
    // The rule's edges: 1:S from S × 0.14 mm a pixel.
    CHECK(scaleFor(15.45) == MapScale::Coarse110m);
    CHECK(scaleFor(15.35) == MapScale::Medium50m);
    CHECK(scaleFor(7.05) == MapScale::Medium50m);
    CHECK(scaleFor(6.95) == MapScale::Fine10m);
}

TEST_CASE("natural earth: a map is drawn at the scale of the finest view it shows") {
    // A world map that zooms 4 times shows Europe at 5 km a pixel: 1:10m.
    CHECK(scaleFor(finestKilometresPerPixel(flyingTo(4), kWorld)) == MapScale::Fine10m);
    CHECK(scaleFor(finestKilometresPerPixel(flyingTo(2), kWorld)) == MapScale::Medium50m);
    CHECK(scaleFor(finestKilometresPerPixel(MapScene{}, kWorld)) == MapScale::Coarse110m);
    // A cut to a view box counts as well.
    MapScene cut;
    MapCameraMove view;
    view.target = MapCameraMove::Target::Box;
    view.box = kBrittany;
    cut.moves.push_back(view);
    CHECK(scaleFor(finestKilometresPerPixel(cut, kWorld)) == MapScale::Fine10m);
}

TEST_CASE("natural earth: the world beneath a map is the installed scale it needs") {
    MapScene brittany = flyingTo(4);
    brittany.view = kBrittany;
    const MapDataSource fine = worldBeneath(brittany, std::nullopt, mapsDir());
    REQUIRE_MESSAGE(fine.file.filename() == "countries-10m.json", "run tools/setup to install the map data");
    CHECK(fine.object == "countries");
    MapScene world;
    world.view = kWorld;
    CHECK(worldBeneath(world, std::nullopt, mapsDir()).file.filename() == "countries-110m.json");
    // Without the installed data, the bundled 1:110m world.
    TempDir bare;
    const MapDataSource fallback = worldBeneath(brittany, std::nullopt, bare.path());
    CHECK(fallback.file == bare.path() / "world.geojson");
    CHECK(fallback.object.empty());
}

TEST_CASE("natural earth: a still of Brittany at zoom 4 has the lighthouse's point on land") {
    // The exhibit's own places file names the lighthouse (the world gazetteer has towns, not
    // lighthouses). Ouessant is 20 km off the coast: at 1:110m it is sea.
    TempDir dir;
    writeText(dir.path() / "places.json", R"({"places":[
  {"id":"creach","kind":"city","names":{"en":["Phare du Créac'h"]},"lon":-5.1281,"lat":48.4594,
   "source":"test: the lighthouse on Ouessant, from its Wikipedia article"}]})");
    writeText(dir.path() / "exhibit.xml", R"(<exhibit title="Brittany" size="1920x1080">
<scene id="coast" dur="10s">
  <map view="-5.3,47.2 → -1.0,49.0" credit="Natural Earth">
    <fly to="Phare du Creac'h" zoom="4" begin="0s" dur="2s"/>
    <marker at="Phare du Créac'h" label="Phare du Créac'h"/>
  </map>
</scene>
</exhibit>
)");
    LoadedExhibit e = loadExhibit(dir.path() / "exhibit.xml", withMaps());
    REQUIRE(e.show);
    CHECK(e.diagnostics.errorCount() == 0);
    const CompiledMap* m = nullptr;
    for (const Item& item : e.show->items)
        if (item.map) m = item.map.get();
    REQUIRE(m);
    REQUIRE(m->base);
    REQUIRE(m->scene.markers.size() == 1);
    CHECK(onFilledLand(*m->base, m->scene.markers[0].at));
    // Only what the map can reach was triangulated.
    CHECK(m->base->find("France"));
    CHECK_FALSE(m->base->find("Australia"));
}

TEST_CASE("natural earth: a map reaches its views and flights widened by their extent") {
    const Box baku{42, 36.2, 51.6, 42.4};
    const Box still = reach(MapScene{}, baku);
    CHECK(still.west == doctest::Approx(32.4));
    CHECK(still.east == doctest::Approx(61.2));
    CHECK(still.south == doctest::Approx(30.0));
    CHECK(still.north == doctest::Approx(48.6));
    // Flying out to Europe, zoomed out: its far wider view counts.
    MapScene out = flyingTo(0.15);
    out.moves[0].place = out.projection.forward({20, 50});
    const Box far = reach(out, baku);
    CHECK(far.west < -12);
    CHECK(far.east > 52);
    // A view of most of the world reaches all its longitudes.
    const Box wide = reach(MapScene{}, Box{-135, -25, 75, 90});
    CHECK(wide.west == -180);
    CHECK(wide.east == 180);
}
