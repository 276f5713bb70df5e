// MapScene (map_scene.cpp) compiled and evaluated (map_state.cpp): pure logic, no window.

#include <doctest/doctest.h>

#include <cmath>

#include "map/map_scene.h"
#include "map/map_state.h"
#include "script/script_loader.h"

using namespace vitrine;
using namespace vitrine::map;

namespace {

const Rect kBox{0, 0, 1920, 1080};
constexpr Micros kFrame = 16'667;  // 60 fps

const Gazetteer& places() {
    static const Gazetteer g = [] {
        Diagnostics d;
        Gazetteer loaded = Gazetteer::load(bundledMapsDirectory() / "places.json", d);
        REQUIRE(d.empty());
        return loaded;
    }();
    return g;
}

// The first <map> of an exhibit written around `mapXml`, keeping the script it views alive.
std::shared_ptr<const ScriptNode> mapNode(const std::string& mapXml) {
    Diagnostics d;
    std::string text = "<exhibit title=\"t\" size=\"1920x1080\">\n" + mapXml + "\n</exhibit>\n";
    auto script = loadScriptFromText(text, "/tmp/map-test.xml", d, diskFileReader());
    REQUIRE(script);
    for (const ScriptNode& c : script->root.children)
        if (c.name == "map") return script->share(c);
    FAIL("no <map>");
    return {};
}

MapScene compile(const std::string& mapXml, Diagnostics& d) { return compileMapScene(*mapNode(mapXml), places(), d); }

double polylineLength(const std::vector<Point2>& line) {
    double sum = 0;
    for (std::size_t i = 1; i < line.size(); ++i) sum += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    return sum;
}

}  // namespace

TEST_CASE("map scene: places resolve by name or lon,lat, an unknown name is reported at its attribute") {
    Diagnostics d;
    MapScene s = compile(R"(<map view="40,37.5 → 51,43.5">
  <marker at="Baku" label="Baku"/>
  <marker at="44.51,40.18" label="Yerevan"/>
  <marker at="Bakku" label="Typo"/>
  <route from="Baku" to="Yerevan; Moskow; Europe"/>
</map>)", d);
    CHECK(s.markers.size() == 2);  // the typo is left out, the rest stay
    CHECK(s.routes.size() == 2);   // Yerevan and Europe; Moskow is unknown
    REQUIRE(d.errorCount() == 2);
    const Diagnostic& first = d.all()[0];
    CHECK(first.code == "unknown-place");
    CHECK(first.where.file == "/tmp/map-test.xml");
    CHECK(first.where.line == 5);
    CHECK(first.where.column > 1);
    CHECK(first.hint.find("Baku") != std::string::npos);
    CHECK(d.all()[1].hint.find("Moscow") != std::string::npos);
    CHECK(s.projectionSpec.kind == ProjectionKind::LambertConformalConic);
}

TEST_CASE("map scene: a flight is continuous frame to frame at 60 fps and ends where it was sent") {
    Diagnostics d;
    MapScene s = compile(R"(<map view="40,37.5 → 51,43.5">
  <fly to="Moscow" zoom="0.3" begin="1s" dur="5s"/>
  <fly to="Baku" zoom="4" begin="4s" dur="4s" easing="cubic-in-out"/>
  <view box="44,39 → 50,42" begin="9s" dur="2s"/>
</map>)", d);
    CHECK(d.empty());
    MapCamera previous = cameraAt(s, 0, kBox);
    double worstStep = 0, worstZoomStep = 0;
    for (Micros t = kFrame; t <= 12 * kMicrosPerSecond; t += kFrame) {
        MapCamera c = cameraAt(s, t, kBox);
        // Movement as a fraction of the view: a jump would be a large fraction in one frame.
        double step = std::hypot(c.centre.x - previous.centre.x, c.centre.y - previous.centre.y) / std::min(c.width, previous.width);
        worstStep = std::max(worstStep, step);
        worstZoomStep = std::max(worstZoomStep, std::abs(std::log(c.width / previous.width)));
        previous = c;
    }
    CHECK(worstStep < 0.05);
    CHECK(worstZoomStep < 0.05);
    // At 8.5 s the second flight has ended over Baku.
    MapCamera atBaku = cameraAt(s, 8'500'000, kBox);
    Point2 baku = s.projection.forward({49.87, 40.41});
    CHECK(std::abs(atBaku.centre.x - baku.x) < 1e-6 * atBaku.width);
    CHECK(std::abs(atBaku.centre.y - baku.y) < 1e-6 * atBaku.width);
    CHECK(atBaku.width == doctest::Approx(cameraAt(s, 0, kBox).width / 4));
}

TEST_CASE("map scene: a route at half its time is drawn to half its length, with an arrow at the drawn end") {
    Diagnostics d;
    MapScene s = compile(R"(<map view="40,37.5 → 51,43.5">
  <route from="Baku" to="Yerevan; North America" begin="2s" dur="4s"/>
</map>)", d);
    REQUIRE(s.routes.size() == 2);
    for (Micros t : {Micros(2'500'000), Micros(4'000'000), Micros(5'000'000)}) {
        MapState st = evaluateMap(s, t, kBox);
        REQUIRE(st.routes.size() == 2);
        double expected = double(t - 2'000'000) / 4'000'000;
        for (const RouteState& r : st.routes) {
            CHECK(r.drawnFraction == doctest::Approx(expected));
            CHECK(polylineLength(r.line) / r.lengthPx == doctest::Approx(expected).epsilon(0.01));
            CHECK(r.line.back() == r.tip);
            CHECK(std::hypot(r.direction.x, r.direction.y) == doctest::Approx(1.0));
        }
    }
    CHECK(evaluateMap(s, 1'999'999, kBox).routes.empty());
    MapState done = evaluateMap(s, 30 * kMicrosPerSecond, kBox);  // routes stay drawn (fill freeze)
    REQUIRE(done.routes.size() == 2);
    CHECK(polylineLength(done.routes[0].line) == doctest::Approx(done.routes[0].lengthPx).epsilon(0.001));
}

TEST_CASE("map scene: labels of a dense set of places are all shown, those placed clear overlap nothing, and are placed the same each time") {
    std::string xml = "<map view=\"40,37.5 → 51,43.5\">\n";
    for (const Place& p : places().places()) xml += "<marker at=\"" + p.id + "\" label=\"" + p.displayName("en") + "\"/>\n";
    // A cluster of places a few kilometres apart around Baku and Sumgait.
    for (int i = 0; i < 12; ++i)
        xml += "<marker at=\"" + std::to_string(49.6 + 0.03 * i) + "," + std::to_string(40.35 + 0.02 * (i % 5)) +
               "\" label=\"Settlement " + std::to_string(i) + "\"/>\n";
    for (int i = 0; i < 6; ++i)
        xml += "<label at=\"" + std::to_string(45 + 0.4 * i) + ",40.5\" text=\"Region label " + std::to_string(i) + "\"/>\n";
    xml += "</map>";
    Diagnostics d;
    MapScene s = compile(xml, d);
    CHECK(d.empty());
    MapState st = evaluateMap(s, 5 * kMicrosPerSecond, kBox);
    // Every label asked for is there: placed, or said to be off the map shown.
    CHECK(st.labels.size() == s.markers.size() + s.labels.size());
    int onTheMap = 0, clear = 0;
    for (std::size_t i = 0; i < st.labels.size(); ++i) {
        const LabelState& l = st.labels[i];
        if (l.fit == LabelFit::NotPlaced) {
            CHECK_FALSE((l.anchor.x >= kBox.x && l.anchor.x <= kBox.x + kBox.width && l.anchor.y >= kBox.y &&
                         l.anchor.y <= kBox.y + kBox.height));
            continue;
        }
        ++onTheMap;
        const Rect& a = l.box;
        CHECK(a.x >= kBox.x);
        CHECK(a.y >= kBox.y);
        CHECK(a.x + a.width <= kBox.x + kBox.width);
        CHECK(a.y + a.height <= kBox.y + kBox.height);
        if (l.fit == LabelFit::PlacedWithOverlap) continue;
        ++clear;
        for (std::size_t j = 0; j < st.labels.size(); ++j) {
            if (j == i || st.labels[j].fit == LabelFit::NotPlaced) continue;
            INFO(l.text, " / ", st.labels[j].text);
            CHECK_FALSE(overlaps(a, st.labels[j].box));
        }
    }
    CHECK(onTheMap >= 20);
    CHECK(clear >= 8);
    MapState again = evaluateMap(s, 5 * kMicrosPerSecond, kBox);
    REQUIRE(again.labels.size() == st.labels.size());
    for (std::size_t i = 0; i < st.labels.size(); ++i) {
        CHECK(again.labels[i].text == st.labels[i].text);
        CHECK(again.labels[i].box == st.labels[i].box);
    }
}

TEST_CASE("map scene: a label keeps its side when a marker appears where it sits") {
    Diagnostics d;
    // 120 canvas px a degree: Alpha's label goes right of its dot, where Beta's dot appears at 5 s.
    MapScene s = compile(R"(<map view="0,0 → 16,9" projection="equirectangular">
  <marker at="5,4.5" label="Alpha"/>
  <marker at="5.6,4.5" begin="5s"/>
</map>)", d);
    REQUIRE(d.empty());
    auto alpha = [&](Micros t) {
        for (const LabelState& l : evaluateMap(s, t, kBox).labels)
            if (l.text == "Alpha") return l;
        FAIL("no Alpha at " << t);
        return LabelState{};
    };
    const LabelState before = alpha(4 * kMicrosPerSecond);
    REQUIRE(before.box.x > before.anchor.x);  // it began on the right
    CHECK(before.fit == LabelFit::Placed);
    for (Micros t : {5 * kMicrosPerSecond, 5 * kMicrosPerSecond + kFrame, 6 * kMicrosPerSecond, 20 * kMicrosPerSecond}) {
        CAPTURE(t);
        const LabelState after = alpha(t);
        CHECK(after.box == before.box);
        CHECK(after.fit == LabelFit::PlacedWithOverlap);  // and says Beta's dot is under it
    }
}

TEST_CASE("map scene: markers fade in, pulse, and leave at their end") {
    Diagnostics d;
    MapScene s = compile(R"(<map view="40,37.5 → 51,43.5">
  <marker at="Baku" shape="pulse" begin="1s" dur="5s"/>
  <highlight feature="Armenia" begin="0s"/>
</map>)", d);
    CHECK(evaluateMap(s, 500'000, kBox).markers.empty());
    MapState early = evaluateMap(s, 1'300'000, kBox);
    REQUIRE(early.markers.size() == 1);
    CHECK(early.markers[0].opacity == doctest::Approx(0.5));
    CHECK(early.markers[0].pulsePhase == doctest::Approx(0.15));
    CHECK(evaluateMap(s, 3'000'000, kBox).markers[0].opacity == doctest::Approx(1.0));
    CHECK(evaluateMap(s, 6'000'000, kBox).markers.empty());
    REQUIRE(early.highlights.size() == 1);
    CHECK(early.highlights[0].feature == "Armenia");
    CHECK(early.highlights[0].opacity == doctest::Approx(1.0));
}

namespace {

// Haversine on a sphere of the projections' radius, written out here so the test does
// not lean on the code it checks.
double haversineKm(Point2 a, Point2 b) {
    const double r = Projection::earthRadius / 1000.0, rad = std::acos(-1.0) / 180.0;
    double dLat = (b.y - a.y) * rad, dLon = (b.x - a.x) * rad;
    double h = std::pow(std::sin(dLat / 2), 2) + std::cos(a.y * rad) * std::cos(b.y * rad) * std::pow(std::sin(dLon / 2), 2);
    return 2 * r * std::asin(std::sqrt(h));
}

// The ground distance the bar spans when laid across the view's centre.
double spannedKm(const MapScene& scene, const MapState& s, double lengthPx) {
    Point2 c{s.box.x + s.box.width / 2, s.box.y + s.box.height / 2};
    Point2 a = scene.projection.inverse(s.toProjected({c.x - lengthPx / 2, c.y}));
    Point2 b = scene.projection.inverse(s.toProjected({c.x + lengthPx / 2, c.y}));
    return haversineKm(a, b);
}

bool roundNumber(double v) {
    double power = std::pow(10.0, std::floor(std::log10(v) + 1e-9));
    double m = v / power;
    return std::abs(m - 1) < 1e-9 || std::abs(m - 2) < 1e-9 || std::abs(m - 5) < 1e-9;
}

}  // namespace

TEST_CASE("map scene: a scale bar spans the round distance it says, at the view's centre, in every projection") {
    for (const char* projection : {"lambert", "mercator", "equirectangular"}) {
        CAPTURE(projection);
        Diagnostics d;
        MapScene scene = compile(std::string(R"(<map view="40,37.5 → 51,43.5" projection=")") + projection +
                                     R"("><scalebar max-width="300"/><fly to="Baku" zoom="6" begin="2s" dur="4s"/></map>)",
                                 d);
        REQUIRE(d.empty());
        REQUIRE(scene.scaleBars.size() == 1);
        double previousKm = 0;
        for (Micros t : {kMicrosPerSecond, 3 * kMicrosPerSecond, 7 * kMicrosPerSecond}) {
            CAPTURE(t);
            MapState s = evaluateMap(scene, t, kBox);
            REQUIRE(s.scaleBars.size() == 1);
            const ScaleBarState& b = s.scaleBars[0];
            CHECK(roundNumber(b.distance));
            CHECK(b.lengthPx <= 300.0 + 1e-9);
            CHECK(b.lengthPx > 300.0 / 5 - 1e-9);  // a 1-2-5 step never leaves more than this
            CHECK(spannedKm(scene, s, b.lengthPx) == doctest::Approx(b.distance).epsilon(0.01));
            CHECK(b.text == (std::to_string(static_cast<long>(b.distance)) + " km"));
            if (t == kMicrosPerSecond) previousKm = b.distance;
            if (t == 7 * kMicrosPerSecond) CHECK(b.distance < previousKm);  // zoomed in six times: a shorter distance
        }
    }
}

TEST_CASE("map scene: a scale bar sits in its corner, in miles when asked, and labels keep off it") {
    Diagnostics d;
    MapScene scene = compile(R"(<map view="40,37.5 → 51,43.5">
  <scalebar position="top-right" units="mi" begin="1s"/>
  <label at="40.6,43.2" text="A label where the bar would be"/>
</map>)", d);
    REQUIRE(d.empty());
    CHECK(evaluateMap(scene, 0, kBox).scaleBars.empty());  // not yet begun
    MapState s = evaluateMap(scene, 5 * kMicrosPerSecond, kBox);
    REQUIRE(s.scaleBars.size() == 1);
    const ScaleBarState& b = s.scaleBars[0];
    CHECK(b.text.ends_with(" mi"));
    CHECK(spannedKm(scene, s, b.lengthPx) / 1.609344 == doctest::Approx(b.distance).epsilon(0.01));
    CHECK(b.start.x + b.lengthPx == doctest::Approx(kBox.width - MapMetrics::scaleBarInset));
    CHECK(b.box.y == doctest::Approx(MapMetrics::scaleBarInset));
    for (const LabelState& l : s.labels) CHECK_FALSE(overlaps(l.box, b.box));
    CHECK(evaluateMap(scene, kMicrosPerSecond + kFrame, kBox).scaleBars[0].opacity < 0.1);  // fading in
}

TEST_CASE("map scene: graticule points lie on their meridian or parallel, which the projection curves") {
    for (const char* projection : {"lambert", "mercator", "equirectangular"}) {
        CAPTURE(projection);
        Diagnostics d;
        MapScene scene = compile(std::string(R"(<map view="20,30 → 70,55" projection=")") + projection +
                                     R"("><graticule step="5" color="#ff0000" width="2" opacity="0.5"/></map>)",
                                 d);
        REQUIRE(d.empty());
        MapState s = evaluateMap(scene, kMicrosPerSecond, kBox);
        REQUIRE(s.graticules.size() == 1);
        const GraticuleState& g = s.graticules[0];
        CHECK(g.width == 2);
        CHECK(g.opacity == doctest::Approx(0.5));
        int meridians = 0, parallels = 0;
        bool curved = false;
        for (const GraticuleLineState& line : g.lines) {
            CHECK(std::remainder(line.degrees, 5.0) == doctest::Approx(0.0));
            (line.meridian ? meridians : parallels)++;
            for (const Point2& px : line.points) {
                Point2 ll = scene.projection.inverse(s.toProjected(px));
                if (line.meridian) CHECK(std::remainder(ll.x - line.degrees, 360.0) == doctest::Approx(0.0).epsilon(1e-6));
                else CHECK(ll.y == doctest::Approx(line.degrees).epsilon(1e-6));
            }
            // A parallel of a conic is an arc: its middle leaves the chord between its ends.
            if (!line.meridian && line.points.size() > 2) {
                const Point2 &a = line.points.front(), &b = line.points.back(), &m = line.points[line.points.size() / 2];
                double chord = std::hypot(b.x - a.x, b.y - a.y);
                double off = std::abs((b.x - a.x) * (m.y - a.y) - (b.y - a.y) * (m.x - a.x)) / chord;
                if (off > 10) curved = true;
            }
        }
        // The view spans 50° of longitude and 25° of latitude: at least that many lines cross it.
        CHECK(meridians >= 10);
        CHECK(parallels >= 5);
        CHECK(curved == (std::string(projection) == "lambert"));
    }
}

TEST_CASE("map scene: a graticule step out of range is an error at the attribute") {
    Diagnostics d;
    MapScene scene = compile(R"(<map view="40,37.5 → 51,43.5"><graticule step="0.01"/></map>)", d);
    REQUIRE(d.errorCount() == 1);
    CHECK(d.all()[0].where.line == 2);
    CHECK(d.all()[0].code == "bad-value");
    CHECK(scene.graticules.size() == 1);  // drawn with the default step
}

namespace {

// The index of the first point of `line` from `from` on within half a pixel of `p`, or -1.
int visitAt(const std::vector<Point2>& line, Point2 p, int from) {
    for (int i = std::max(from, 0); i < int(line.size()); ++i)
        if (std::hypot(line[i].x - p.x, line[i].y - p.y) < 0.5) return i;
    return -1;
}

}  // namespace

TEST_CASE("map scene: a route through three places passes through each in order") {
    // Baku, then Yerevan (west), then Kirovabad (back east, between them): a line fanned out
    // from Baku would reach Kirovabad without passing Yerevan.
    const Point2 baku{49.87, 40.41}, yerevan{44.51, 40.18}, kirovabad{46.36, 40.68};
    for (const char* legs : {"curved", "straight"}) {
        CAPTURE(legs);
        Diagnostics d;
        MapScene s = compile(std::string(R"(<map view="40,37.5 → 51,43.5">
  <route from="49.87,40.41" via="44.51,40.18" to="46.36,40.68" legs=")") + legs + R"(" begin="2s" dur="6s"/>
</map>)", d);
        CHECK(d.empty());
        REQUIRE(s.routes.size() == 1);
        const MapRoute& route = s.routes[0];
        MapState done = evaluateMap(s, 8 * kMicrosPerSecond, kBox);
        REQUIRE(done.routes.size() == 1);
        const std::vector<Point2>& line = done.routes[0].line;
        auto canvas = [&](Point2 lonLat) { return done.toCanvas(s.projection.forward(lonLat)); };
        const int atBaku = visitAt(line, canvas(baku), 0);
        const int atYerevan = visitAt(line, canvas(yerevan), atBaku + 1);
        const int atKirovabad = visitAt(line, canvas(kirovabad), atYerevan + 1);
        CHECK(atBaku == 0);
        CHECK(atYerevan > atBaku);
        CHECK(atKirovabad == int(line.size()) - 1);
        // A straight leg is its chord; a curved one bows off it.
        const Point2 chordMiddle{(canvas(baku).x + canvas(yerevan).x) / 2, (canvas(baku).y + canvas(yerevan).y) / 2};
        const Point2 lineMiddle = line[std::size_t(atYerevan / 2)];
        const double off = std::hypot(lineMiddle.x - chordMiddle.x, lineMiddle.y - chordMiddle.y);
        if (std::string(legs) == "straight") CHECK(line.size() == 3);
        else CHECK(off > 10);

        // Each leg in turn, the time shared by length: when the first leg's share of the
        // length has passed, the line's tip is at Yerevan and nothing of the second is drawn.
        REQUIRE(atYerevan > 0);
        const double firstShare = route.cumulative[std::size_t(atYerevan)] / route.length();
        CHECK(firstShare > 0.5);  // Baku–Yerevan is the longer leg
        const Micros legEnds = 2 * kMicrosPerSecond + Micros(std::llround(firstShare * 6 * kMicrosPerSecond));
        MapState between = evaluateMap(s, legEnds, kBox);
        REQUIRE(between.routes.size() == 1);
        const Point2 tip = between.routes[0].tip;
        CHECK(std::hypot(tip.x - canvas(yerevan).x, tip.y - canvas(yerevan).y) < 1.0);
        MapState before = evaluateMap(s, legEnds - kMicrosPerSecond, kBox);
        REQUIRE(before.routes.size() == 1);
        CHECK(visitAt(before.routes[0].line, canvas(yerevan), 0) == -1);
    }
}

TEST_CASE("map scene: the projection is chosen from the view's extent unless the map names one") {
    struct Case {
        const char* map;
        ProjectionKind expected;
    };
    const Case cases[] = {
        {R"(<map view="-135,-25 → 75,90"/>)", ProjectionKind::EqualEarth},          // the Baku displacement map
        {R"(<map view="-10,30 → 125,60"/>)", ProjectionKind::EqualEarth},           // 135° wide, 30° high
        {R"(<map view="-20,-40 → 55,38" projection="auto"/>)", ProjectionKind::EqualEarth},  // Africa: 78° high
        {R"(<map view="40,37.5 → 51,43.5"/>)", ProjectionKind::LambertConformalConic},  // the Caucasus
        {R"(<map view="-25,34 → 45,72"/>)", ProjectionKind::LambertConformalConic},   // Europe: 70° by 38°
        {R"(<map view="95,-10 → 141,10"/>)", ProjectionKind::WebMercator},            // centred on the equator
        {R"(<map view="-135,-25 → 75,90" projection="lambert"/>)", ProjectionKind::LambertConformalConic},
        {R"(<map view="40,37.5 → 51,43.5" projection="equal-earth"/>)", ProjectionKind::EqualEarth},
        {R"(<map view="-135,-25 → 75,90" projection="equirectangular"/>)", ProjectionKind::Equirectangular},
    };
    for (const Case& c : cases) {
        CAPTURE(c.map);
        Diagnostics d;
        MapScene s = compile(c.map, d);
        CHECK(d.empty());
        CHECK(s.projectionSpec.kind == c.expected);
        CHECK(s.projection.kind() == c.expected);
    }
    // A world map is centred on its view's middle meridian.
    Diagnostics d;
    CHECK(compile(R"(<map view="-135,-25 → 75,90"/>)", d).projectionSpec.centralMeridian == doctest::Approx(-30));
}

TEST_CASE("map scene: a view across 180 degrees shows the span between its edges") {
    // West 170°E, east 170°W: 20° across the antimeridian, as GeoJSON bounding boxes read.
    Diagnostics d;
    MapScene s = compile(R"(<map view="170,-22 → -170,-10">
  <marker at="179,-16"/>
  <marker at="-179,-16"/>
</map>)", d);
    CHECK(d.empty());
    REQUIRE(s.view);
    CHECK(s.view->west == 170);
    CHECK(s.view->east == 190);
    CHECK(s.projectionSpec.kind == ProjectionKind::LambertConformalConic);  // a region, not the world
    CHECK(std::abs(s.projectionSpec.centralMeridian) == doctest::Approx(180));
    MapState st = evaluateMap(s, 2 * kMicrosPerSecond, kBox);  // the markers faded in
    REQUIRE(st.markers.size() == 2);
    const Point2 west = st.markers[0].at, east = st.markers[1].at;
    // Both in the box, 2° apart (a tenth of the view's width), west left of east.
    for (const Point2& p : {west, east}) {
        CHECK(p.x > 0);
        CHECK(p.x < kBox.width);
        CHECK(p.y > 0);
        CHECK(p.y < kBox.height);
    }
    CHECK(east.x > west.x);
    CHECK(east.x - west.x < kBox.width / 5);
    // The view fits the box: the edges' meridians lie near the box's sides.
    const Point2 westEdge = st.toCanvas(s.projection.forward({170, -16}));
    const Point2 eastEdge = st.toCanvas(s.projection.forward({-170, -16}));
    CHECK(westEdge.x > -kBox.width * 0.1);
    CHECK(eastEdge.x < kBox.width * 1.1);
    CHECK(eastEdge.x - westEdge.x > kBox.width * 0.5);

    // West of east, the same two longitudes span the other 340°: a world map.
    Diagnostics wide;
    MapScene world = compile(R"(<map view="-170,-22 → 170,-10"/>)", wide);
    REQUIRE(world.view);
    CHECK(world.view->east - world.view->west == doctest::Approx(340));
    CHECK(world.projectionSpec.kind == ProjectionKind::EqualEarth);
}

TEST_CASE("map scene: a label at a sea is named from the gazetteer in the water's italics") {
    Diagnostics d;
    Gazetteer seas = Gazetteer::parse(R"({"places":[{"id":"caspian","kind":"sea","names":{"en":["Caspian Sea"]},
        "lon":50.5,"lat":42,"source":"test"}]})", "places.json", d);
    seas.setFallback([] { return &places(); });
    const auto node = mapNode(R"(<map view="40,37.5 → 51,43.5">
  <label at="Caspian Sea"/>
  <label at="Caspian Sea" text="Каспийское море"/>
  <label at="Baku"/>
  <label at="49.9,40.4"/>
</map>)");
    const MapScene s = compileMapScene(*node, seas, d);
    CHECK(d.empty());
    REQUIRE(s.labels.size() == 3);  // the one at bare numbers has no text to show
    CHECK(s.labels[0].text == "Caspian Sea");
    REQUIRE(s.labels[0].style);
    CHECK(s.labels[0].style->italic);
    CHECK(s.labels[0].style->color == waterLabelLook().color);
    CHECK(s.labels[1].text == "Каспийское море");
    CHECK(s.labels[1].style->italic);
    CHECK(s.labels[2].text == "Baku");  // a city: the map's own label look
    CHECK_FALSE(s.labels[2].style.has_value());
}

TEST_CASE("map scene: layers keep their order and style, a designer's file resolved beside the script") {
    Diagnostics d;
    const MapScene s = compile("<map view=\"43.5,38.5 → 51,42.5\">\n"
                               "  <layer data=\"lakes\"/>\n"
                               "  <layer data=\"rivers\" width=\"1.5\" opacity=\"0.5\"/>\n"
                               "  <layer src=\"maps/borders-1990.geojson\" color=\"#c9a25e\" fill-color=\"#102030\" begin=\"2s\"/>\n"
                               "</map>",
                               d);
    CHECK(d.empty());
    REQUIRE(s.layers.size() == 3);
    CHECK(s.layers[0].kind == MapDataLayer::Kind::Lakes);
    CHECK(s.layers[0].waterFill);  // lakes read as water unless fill-color says otherwise
    CHECK(s.layers[1].kind == MapDataLayer::Kind::Rivers);
    CHECK_FALSE(s.layers[1].waterFill);
    CHECK(s.layers[1].width == doctest::Approx(1.5));
    CHECK(s.layers[1].opacity == doctest::Approx(0.5));
    const MapDataLayer& own = s.layers[2];
    CHECK(own.kind == MapDataLayer::Kind::Own);
    CHECK(own.src == "/tmp/maps/borders-1990.geojson");
    CHECK(own.color == Color{0xc9, 0xa2, 0x5e, 255});
    REQUIRE(own.fill);
    CHECK(*own.fill == Color{0x10, 0x20, 0x30, 255});
    CHECK(own.where.line == 5);  // its src (the exhibit opens on line 1), where a missing file is reported
    CHECK(own.timing.begin == 2 * kMicrosPerSecond);
    // Before its begin the layer is not drawn; after it, in its style.
    auto layersAt = [&](Micros t) { return evaluateMap(s, t, kBox).layers; };
    CHECK(layersAt(kFrame).size() == 2);
    const std::vector<DataLayerState> later = layersAt(5 * kMicrosPerSecond);
    REQUIRE(later.size() == 3);
    CHECK(later[2].index == 2);
    CHECK(later[2].color == own.color);
}

TEST_CASE("map scene: a layer takes src or data but not both and not neither") {
    for (const char* layer : {"<layer/>", "<layer src=\"b.geojson\" data=\"lakes\"/>"}) {
        CAPTURE(layer);
        Diagnostics d;
        const MapScene s = compile(std::string("<map view=\"43.5,38.5 → 51,42.5\">") + layer + "</map>", d);
        CHECK(s.layers.empty());
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == "layer-data");
    }
}
