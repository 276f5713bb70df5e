// map_state.cpp's inverses, which the studio uses to turn a click on the preview into a
// place and a framed view into a box: each is checked against the forward way the map is
// drawn, in every projection the engine has; and a flight under reduced motion. (What the
// map shows at an instant is tested in map_scene_test.cpp.)

#include <doctest/doctest.h>

#include <cmath>

#include "map/map_scene.h"
#include "map/map_state.h"
#include "script/script_loader.h"

using namespace vitrine;
using namespace vitrine::map;

namespace {

const Rect kBox{120, 60, 1600, 900};

// A compiled <map> written as `mapXml` (places as lon,lat: no gazetteer needed).
MapScene sceneOf(const std::string& mapXml) {
    Diagnostics d;
    std::string text = "<exhibit title=\"t\" size=\"1920x1080\">\n" + mapXml + "\n</exhibit>\n";
    auto script = loadScriptFromText(text, "/tmp/map-state-test.xml", d, diskFileReader());
    REQUIRE(script);
    for (const ScriptNode& c : script->root.children)
        if (c.name == "map") {
            MapScene scene = compileMapScene(c, Gazetteer{}, d);
            REQUIRE(d.empty());
            return scene;
        }
    FAIL("no <map>");
    return {};
}

// Every projection the engine has, as an exhibit asks for it: the Caucasus in each, a conic
// of the southern hemisphere (negative cone constant), a Mercator across the equator, the
// world in Equal Earth (chosen by the view) and a conic across the 180° meridian.
struct Case {
    const char* name;
    const char* xml;
};
const Case kCases[] = {
    {"lambert", R"(<map view="42,36.2 → 51.6,42.4" projection="lambert"><fly to="49.87,40.41" zoom="3" begin="1s" dur="2s"/></map>)"},
    {"lambert south", R"(<map view="140,-40 → 155,-25" projection="lambert"/>)"},
    {"mercator", R"(<map view="42,36.2 → 51.6,42.4" projection="mercator"/>)"},
    {"equirectangular", R"(<map view="-135,-25 → 75,80" projection="equirectangular"/>)"},
    {"equal earth", R"(<map view="-135,-25 → 75,80"/>)"},
    {"lambert across 180", R"(<map view="170,-22 → -170,-10"/>)"},
};

}  // namespace

TEST_CASE("map state: under reduced motion a flight shows only the views at its two ends, cut at its middle") {
    const MapScene scene = sceneOf(R"(<map view="42,36.2 → 51.6,42.4"><fly to="49.87,40.41" zoom="3" begin="2s" dur="4s"/></map>)");
    auto same = [](const MapCamera& a, const MapCamera& b) {
        return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.width == b.width;
    };
    MapEvaluationContext reduced;
    reduced.reducedMotion = true;
    const MapCamera from = cameraAt(scene, 0, kBox), to = cameraAt(scene, seconds(10), kBox);
    REQUIRE_FALSE(same(from, to));
    int before = 0, after = 0;
    for (Micros t = 0; t <= seconds(10); t += 100 * kMicrosPerMillisecond) {
        CAPTURE(t);
        const MapCamera c = cameraAt(scene, t, kBox, reduced);
        CHECK(same(c, t < seconds(4) ? from : to));  // the cut: half way through the 2 s–6 s flight
        ++(same(c, from) ? before : after);
    }
    CHECK(before == 40);
    CHECK(after == 61);
    // Without reduced motion the camera passes through views between the two.
    const MapCamera mid = cameraAt(scene, seconds(4), kBox);
    CHECK_FALSE(same(mid, from));
    CHECK_FALSE(same(mid, to));
}

TEST_CASE("map state: a canvas pixel turned into lon,lat is drawn back on that pixel, in every projection") {
    for (const Case& c : kCases) {
        CAPTURE(c.name);
        const MapScene scene = sceneOf(c.xml);
        // Mid-flight too: the inverse uses the camera of that instant.
        for (Micros local : {Micros(0), 2 * kMicrosPerSecond}) {
            const MapState state = evaluateMap(scene, local, kBox);
            for (double fx = 0.0; fx <= 1.0; fx += 0.25)
                for (double fy = 0.0; fy <= 1.0; fy += 0.25) {
                    const Point2 px{kBox.x + fx * kBox.width, kBox.y + fy * kBox.height};
                    const Point2 ll = lonLatAt(scene, state, px);
                    const Point2 back = canvasAt(scene, state, ll);
                    CHECK(std::abs(back.x - px.x) < 1e-6);
                    CHECK(std::abs(back.y - px.y) < 1e-6);
                }
        }
    }
    // And a known place: the centre of a Mercator view is the middle of its box in longitude.
    const MapScene mercator = sceneOf(kCases[2].xml);
    const Point2 centre = lonLatAt(mercator, evaluateMap(mercator, 0, kBox), {kBox.x + kBox.width / 2, kBox.y + kBox.height / 2});
    CHECK(centre.x == doctest::Approx((42 + 51.6) / 2));
}

TEST_CASE("map state: a camera given by the studio is the one shown, whatever the map's timing says") {
    const MapScene scene = sceneOf(kCases[0].xml);
    const MapCamera timed = cameraAt(scene, 3 * kMicrosPerSecond, kBox);
    MapEvaluationContext context;
    context.camera = MapCamera{{timed.centre.x + 1000, timed.centre.y - 500}, timed.width / 2};
    context.zoom = 4;  // ignored under a given camera
    const MapState s = evaluateMap(scene, 3 * kMicrosPerSecond, kBox, context);
    CHECK(s.camera.centre.x == context.camera->centre.x);
    CHECK(s.camera.centre.y == context.camera->centre.y);
    CHECK(s.camera.width == context.camera->width);
}

TEST_CASE("map state: the view box of a camera, fitted as a view, shows what the camera shows, in every projection") {
    for (const Case& c : kCases) {
        CAPTURE(c.name);
        const MapScene scene = sceneOf(c.xml);
        const MapCamera first = cameraAt(scene, 0, kBox);
        // Panned a fifth of the way right and a tenth down, zoomed in 2.5 times.
        const MapCamera framed{{first.centre.x + first.width / 5, first.centre.y - first.width / 10}, first.width / 2.5};
        const Box view = viewBoxFor(scene, framed, kBox);
        REQUIRE(view.valid());
        MapScene viewed = scene;
        viewed.view = view;
        viewed.moves.clear();
        const MapCamera fitted = cameraAt(viewed, 0, kBox);
        const double pixelsPerUnit = kBox.width / framed.width;
        CHECK(std::abs(fitted.centre.x - framed.centre.x) * pixelsPerUnit < 0.5);
        CHECK(std::abs(fitted.centre.y - framed.centre.y) * pixelsPerUnit < 0.5);
        CHECK(fitted.width == doctest::Approx(framed.width).epsilon(1e-3));
    }
}
