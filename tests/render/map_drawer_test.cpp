// MapDrawer: maps drawn from their compiled model (broken data and unknown places are the
// compile's problems, and the rest still draws), the same t drawn the same. Needs an X display: run under xvfb-run -a -s "-screen 0 1920x1080x24 -noreset".

#include <doctest/doctest.h>

#include <cstring>

#include <SFML/Graphics/RenderTexture.hpp>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "output/offscreen.h"
#include "map/compiled_map.h"
#include "render/map_drawer.h"
#include "render/map_palette.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "support/golden_image.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

const sf::Vector2u kGoldenSize{480, 270};
const std::string kMaps = (map::bundledMapsDirectory()).string();

std::filesystem::path writeExhibit(const TempDir& dir, const std::string& mapXml) {
    std::string body = "<exhibit title=\"Map\" size=\"1920x1080\">\n<scene id=\"s\" dur=\"30s\">\n" + mapXml +
                       "\n</scene>\n</exhibit>\n";
    auto path = dir / "exhibit.xml";
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(body.begin(), body.end()));
    return path;
}

const std::string kRegion = "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\" projection=\"lambert\">\n"
                            "  <highlight feature=\"Armenia\"/>\n"
                            "  <marker at=\"Baku\" label=\"Baku\"/>\n"
                            "  <marker at=\"Kirovabad\" label=\"Kirovabad\"/>\n"
                            "  <marker at=\"Yerevan\" label=\"Yerevan\" shape=\"ring\"/>\n"
                            "  <route from=\"Baku\" to=\"Yerevan\" begin=\"1s\" dur=\"2s\"/>\n"
                            "</map>";

// Draws the exhibit's first map at `t` with a MapDrawer of its own, after the exhibit's
// script is gone; `reported` is what compiling the exhibit found.
struct DirectDraw {
    sf::Image image;
    std::vector<Diagnostic> reported;
    map::MapState state;
};

DirectDraw drawDirect(const std::filesystem::path& xml, Micros t, sf::Vector2u size = {960, 540}) {
    DirectDraw out;
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    out.reported = exhibit.diagnostics.all();
    exhibit.script.reset();  // the drawer needs no map XML: the show holds the compiled map
    const Show& show = *exhibit.show;
    int index = -1;
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].kind == ItemKind::Map) index = static_cast<int>(i);
    REQUIRE(index >= 0);
    auto d = evaluateItem(show, index, t);
    REQUIRE(d);
    render::RenderResources resources;
    render::MapDrawer drawer(resources.text());
    sf::RenderTexture rt;
    REQUIRE(rt.create(size.x, size.y));
    rt.clear(sf::Color::Black);
    render::Viewport v = render::Viewport::fit(show.canvas.width, show.canvas.height, size.x, size.y);
    drawer.draw(show.items[index], *d, rt, v);
    drawer.draw(show.items[index], *d, rt, v);  // a second frame draws from what the first prepared
    rt.display();
    out.image = rt.getTexture().copyToImage();
    out.state = drawer.stateFor(show.items[index], *d, v);
    return out;
}

bool near(sf::Color a, sf::Color b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

}  // namespace

TEST_CASE("golden: the South Caucasus with a highlight, markers, labels and a route half drawn") {
    TempDir dir;
    LoadedExhibit exhibit = loadExhibit(writeExhibit(dir, kRegion));
    REQUIRE(exhibit.show);
    render::RenderResources resources;
    render::FrameRenderer renderer(*exhibit.show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, *exhibit.show, kGoldenSize);
    REQUIRE(offscreen.ok());
    sf::Image image = offscreen.renderAt(2 * kMicrosPerSecond);
    std::string mismatch = vitrine::test::matchGolden(image, "map-caucasus");
    CHECK_MESSAGE(mismatch.empty(), mismatch);
}

TEST_CASE("map drawing is deterministic: the same t gives identical pixels") {
    TempDir dir;
    auto xml = writeExhibit(dir, kRegion);
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    render::RenderResources resources;
    render::FrameRenderer renderer(*exhibit.show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, *exhibit.show, {960, 540});
    REQUIRE(offscreen.ok());
    sf::Image a = offscreen.renderAt(1'500'000);
    sf::Image other = offscreen.renderAt(2'700'000);  // the camera and route move in between
    sf::Image b = offscreen.renderAt(1'500'000);
    REQUIRE(a.getSize() == b.getSize());
    std::size_t bytes = std::size_t(a.getSize().x) * a.getSize().y * 4;
    CHECK(std::memcmp(a.getPixelsPtr(), b.getPixelsPtr(), bytes) == 0);
    CHECK(std::memcmp(a.getPixelsPtr(), other.getPixelsPtr(), bytes) != 0);
}

TEST_CASE("malformed map data is reported once, by the compile, and the markers and labels still draw") {
    TempDir dir;
    auto broken = dir / "broken.geojson";
    std::string junk = "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": \"Feature\", \"geometry\": ";
    vitrine::test::writeBytes(broken, std::vector<std::uint8_t>(junk.begin(), junk.end()));
    auto xml = writeExhibit(dir, "<map src=\"broken.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                                 "  <marker at=\"Baku\" label=\"Baku\" color=\"#ff0000\"/>\n"
                                 "</map>");
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    REQUIRE(r.reported.size() == 1);
    CHECK(r.reported[0].where.file == xml.string());  // at the map's src, naming the data file
    CHECK(r.reported[0].message.find("broken.geojson") != std::string::npos);
    CHECK(r.reported[0].severity == Severity::Error);
    REQUIRE(r.state.markers.size() == 1);
    REQUIRE(r.state.labels.size() == 1);
    // The marker's centre is its colour (the canvas is 1920 wide, the target 960).
    sf::Color centre = r.image.getPixel(unsigned(r.state.markers[0].at.x / 2), unsigned(r.state.markers[0].at.y / 2));
    CHECK(near(centre, sf::Color(0xff, 0, 0), 40));
    // The label's box holds light text.
    const Rect& box = r.state.labels[0].box;
    int light = 0;
    for (unsigned y = unsigned(box.y / 2); y < unsigned((box.y + box.height) / 2); ++y)
        for (unsigned x = unsigned(box.x / 2); x < unsigned((box.x + box.width) / 2); ++x)
            light += r.image.getPixel(x, y).r > 0xb0;
    CHECK(light > 20);
}

TEST_CASE("an unknown place is reported with file, line and column while the rest of the map draws") {
    TempDir dir;
    auto xml = writeExhibit(dir, "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                                 "  <marker at=\"Baku\" label=\"Baku\" color=\"#ff0000\"/>\n"
                                 "  <marker at=\"Nowhereland\" label=\"Nowhere\"/>\n"
                                 "  <highlight feature=\"Armenai\"/>\n"
                                 "</map>");
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    REQUIRE(r.reported.size() == 2);
    CHECK(r.reported[0].code == "unknown-place");
    CHECK(r.reported[0].where.file == xml.string());
    CHECK(r.reported[0].where.line == 5);
    CHECK(r.reported[0].where.column > 0);
    CHECK(r.reported[1].code == "unknown-feature");
    CHECK(r.reported[1].where.line == 6);
    CHECK(r.reported[1].hint.find("Armenia") != std::string::npos);
    REQUIRE(r.state.markers.size() == 1);
    sf::Color centre = r.image.getPixel(unsigned(r.state.markers[0].at.x / 2), unsigned(r.state.markers[0].at.y / 2));
    CHECK(near(centre, sf::Color(0xff, 0, 0), 40));
}

TEST_CASE("a map at rest is drawn from its still picture with the same pixels as drawn straight") {
    TempDir dir;
    auto xml = writeExhibit(dir, kRegion);  // no camera move: the still part stands still
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    render::RenderResources resources;
    render::FrameRenderer keptRenderer(*exhibit.show, resources.text(), resources.textures());
    output::OffscreenRenderer kept(keptRenderer, *exhibit.show, {960, 540});
    REQUIRE(kept.ok());
    std::size_t bytes = std::size_t(960) * 540 * 4;
    sf::Image straight = kept.renderAt(1'500'000);  // the first frame is drawn straight
    sf::Image second = kept.renderAt(1'500'000);    // the second keeps a picture
    sf::Image third = kept.renderAt(2'200'000);     // the third draws from it; the route has moved on
    CHECK(std::memcmp(straight.getPixelsPtr(), second.getPixelsPtr(), bytes) == 0);
    render::FrameRenderer freshRenderer(*exhibit.show, resources.text(), resources.textures());
    output::OffscreenRenderer fresh(freshRenderer, *exhibit.show, {960, 540});
    sf::Image reference = fresh.renderAt(2'200'000);
    CHECK(std::memcmp(third.getPixelsPtr(), reference.getPixelsPtr(), bytes) == 0);
    CHECK(std::memcmp(third.getPixelsPtr(), straight.getPixelsPtr(), bytes) != 0);
}

TEST_CASE("a graticule and a scale bar draw where evaluateMap puts them") {
    TempDir dir;
    auto xml = writeExhibit(dir, "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                                 "  <graticule step=\"2\" color=\"#ff0000\" width=\"4\" opacity=\"1\"/>\n"
                                 "  <scalebar position=\"bottom-left\" color=\"#00ff00\"/>\n"
                                 "</map>");
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    CHECK(r.reported.empty());
    REQUIRE(r.state.graticules.size() == 1);
    REQUIRE(r.state.scaleBars.size() == 1);
    // Graticule: the middle point of every line inside the box is red (the border lines are
    // thin and grey: most middles are clear of them).
    int onLine = 0, lines = 0;
    for (const map::GraticuleLineState& line : r.state.graticules[0].lines) {
        const map::Point2& p = line.points[line.points.size() / 2];
        if (p.x < 20 || p.y < 20 || p.x > 1900 || p.y > 1060) continue;
        ++lines;
        sf::Color c = r.image.getPixel(unsigned(p.x / 2), unsigned(p.y / 2));
        onLine += c.r > 0xc0 && c.g < 0x60 && c.b < 0x60;
    }
    REQUIRE(lines >= 3);
    CHECK(onLine >= lines - 1);
    // Scale bar: green along its line, light text above it.
    const map::ScaleBarState& b = r.state.scaleBars[0];
    int green = 0;
    for (int i = 1; i < 10; ++i) {
        bool found = false;  // the 1-px line (2 canvas px at half size) may straddle two rows
        for (int dy = -1; dy <= 1; ++dy) {
            sf::Color c = r.image.getPixel(unsigned((b.start.x + b.lengthPx * i / 10) / 2), unsigned(b.start.y / 2 + dy));
            found |= c.g > 0x80 && c.g > c.r + 0x40;
        }
        green += found;
    }
    CHECK(green >= 8);
    int text = 0;
    for (unsigned y = unsigned(b.textBox.y / 2); y < unsigned((b.textBox.y + b.textBox.height) / 2); ++y)
        for (unsigned x = unsigned(b.textBox.x / 2); x < unsigned((b.textBox.x + b.textBox.width) / 2); ++x)
            text += r.image.getPixel(x, y).g > 0xb0;
    CHECK(text > 10);
}

TEST_CASE("maps prepared ahead draw as maps prepared on demand") {
    TempDir dir;
    auto xml = writeExhibit(dir, "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                                 "  <marker at=\"Nowhereland\" label=\"Nowhere\"/>\n"
                                 "  <marker at=\"Baku\" label=\"Baku\"/>\n"
                                 "</map>");
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    const Show& show = *exhibit.show;
    auto d = evaluateItem(show, 0, 2 * kMicrosPerSecond);
    REQUIRE(d);
    render::RenderResources resources;
    render::Viewport v = render::Viewport::fit(show.canvas.width, show.canvas.height, 960, 540);
    auto drawWith = [&](bool ahead) {
        render::MapDrawer drawer(resources.text());
        if (ahead) drawer.prepareAhead(show);
        sf::RenderTexture rt;
        REQUIRE(rt.create(960, 540));
        rt.clear(sf::Color::Black);
        drawer.draw(show.items[0], *d, rt, v);
        drawer.draw(show.items[0], *d, rt, v);
        rt.display();
        return rt.getTexture().copyToImage();
    };
    sf::Image a = drawWith(false), b = drawWith(true);
    CHECK(std::memcmp(a.getPixelsPtr(), b.getPixelsPtr(), std::size_t(960) * 540 * 4) == 0);
}

TEST_CASE("a map item compiled without map data draws nothing") {
    TempDir dir;
    LoadedExhibit exhibit = loadExhibit(writeExhibit(dir, kRegion));
    REQUIRE(exhibit.show);
    Item bare = exhibit.show->items.at(0);
    bare.map.reset();
    auto d = evaluateItem(*exhibit.show, 0, 2 * kMicrosPerSecond);
    REQUIRE(d);
    render::RenderResources resources;
    render::MapDrawer drawer(resources.text());
    sf::RenderTexture rt;
    REQUIRE(rt.create(96, 54));
    rt.clear(sf::Color::Black);
    drawer.draw(bare, *d, rt, render::Viewport::fit(1920, 1080, 96, 54));
    rt.display();
    sf::Image image = rt.getTexture().copyToImage();
    CHECK(image.getPixel(48, 27) == sf::Color::Black);
}

TEST_CASE("a map drawer given the resources' mesh store draws from the meshes an earlier drawer made") {
    TempDir dir;
    LoadedExhibit exhibit = loadExhibit(writeExhibit(dir, kRegion));
    REQUIRE(exhibit.show);
    const Show& show = *exhibit.show;
    auto d = evaluateItem(show, 0, 2 * kMicrosPerSecond);
    REQUIRE(d);
    const map::ProjectedLayer* layer = show.items[0].map->data.get();
    REQUIRE(layer);
    render::RenderResources resources;
    render::Viewport v = render::Viewport::fit(show.canvas.width, show.canvas.height, 480, 270);
    auto drawWithNewDrawer = [&] {
        render::MapDrawer drawer(resources.text(), &resources.mapMeshes());
        drawer.prepareAhead(show);  // as a new show's renderer does
        sf::RenderTexture rt;
        REQUIRE(rt.create(480, 270));
        drawer.draw(show.items[0], *d, rt, v);
        rt.display();
        return rt.getTexture().copyToImage();
    };
    sf::Image first = drawWithNewDrawer();
    const std::shared_ptr<render::MapMesh> made = resources.mapMeshes().find(layer);
    REQUIRE(made);
    // The next show's drawer (after a reload or an edit) finds that mesh: the same object,
    // not one built again, and draws the same pixels with it.
    sf::Image second = drawWithNewDrawer();
    CHECK(resources.mapMeshes().find(layer) == made);
    CHECK(std::memcmp(first.getPixelsPtr(), second.getPixelsPtr(), std::size_t(480) * 270 * 4) == 0);
}

TEST_CASE("a new show's map drawer draws the still picture the drawer before it kept") {
    // An edit (a text dragged over a map) replaces the renderer: its first frame shows the map
    // as the frame before it did, and drawing it again from the layers was most of that frame.
    TempDir dir;
    const auto xml = writeExhibit(dir, kRegion);
    // Compiled twice with one map library, as the studio compiles an edit: a new compiled
    // map over the same layers.
    const CompileOptions options = map::withMaps({}, std::make_shared<map::MapLibrary>());
    LoadedExhibit before = loadExhibit(xml, options), after = loadExhibit(xml, options);
    REQUIRE(before.show);
    REQUIRE(after.show);
    REQUIRE(before.show->items[0].map != after.show->items[0].map);
    REQUIRE(before.show->items[0].map->data == after.show->items[0].map->data);
    const Show& show = *after.show;
    auto d = evaluateItem(show, 0, 2 * kMicrosPerSecond);
    REQUIRE(d);
    render::RenderResources resources;
    render::Viewport v = render::Viewport::fit(show.canvas.width, show.canvas.height, 480, 270);
    struct Drawn {
        sf::Image image;
        std::size_t stillsDrawn = 0;
    };
    auto drawWithNewDrawer = [&](const Show& drawn, render::MapPalette palette) {
        render::MapDrawer drawer(resources.text(), &resources.mapMeshes());
        drawer.palette = palette;
        sf::RenderTexture rt;
        REQUIRE(rt.create(480, 270));
        drawer.draw(drawn.items[0], *d, rt, v);
        rt.display();
        return Drawn{rt.getTexture().copyToImage(), drawer.stillsDrawn()};
    };
    const Drawn first = drawWithNewDrawer(*before.show, {});
    CHECK(first.stillsDrawn == 1);
    const Drawn next = drawWithNewDrawer(*after.show, {});
    CHECK(next.stillsDrawn == 0);  // the kept picture, not the layers
    CHECK(std::memcmp(first.image.getPixelsPtr(), next.image.getPixelsPtr(), std::size_t(480) * 270 * 4) == 0);
    // A picture of other colours is not this one: the map is drawn again.
    render::MapPalette other;
    other.land = sf::Color(200, 40, 40);
    const Drawn recoloured = drawWithNewDrawer(*after.show, other);
    CHECK(recoloured.stillsDrawn == 1);
    CHECK(std::memcmp(first.image.getPixelsPtr(), recoloured.image.getPixelsPtr(), std::size_t(480) * 270 * 4) != 0);
}

TEST_CASE("the Baku displacement map shows Armenia: a label asked for is never left out") {
    const auto xml = vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml";
    LoadedExhibit baku = loadExhibit(xml);
    REQUIRE(baku.show);
    const int scene = baku.show->sceneById("displacement");
    REQUIRE(scene >= 0);
    // By 29 s every label of the map is out (the routes reach their destinations at 28 s).
    DirectDraw r = drawDirect(xml, baku.show->scenes[static_cast<std::size_t>(scene)].begin + 29 * kMicrosPerSecond);
    bool armenia = false;
    for (const map::LabelState& l : r.state.labels) {
        CAPTURE(l.text);
        CHECK(l.fit != map::LabelFit::NotPlaced);
        if (l.text != "Armenia") continue;
        armenia = true;
        int light = 0;  // its text is drawn: light pixels in its box (the canvas is 1920 wide, the target 960)
        for (unsigned y = unsigned(l.box.y / 2); y < unsigned((l.box.y + l.box.height) / 2); ++y)
            for (unsigned x = unsigned(l.box.x / 2); x < unsigned((l.box.x + l.box.width) / 2); ++x)
                light += r.image.getPixel(x, y).r > 0xb0;
        CHECK(light > 20);
    }
    CHECK(armenia);
}

TEST_CASE("a label's style sets its colour and size over the map's label look") {
    TempDir dir;
    const std::string body = "<exhibit title=\"Map\" size=\"1920x1080\">\n"
                             "<style id=\"loud\" color=\"#ff0000\" size=\"48\"/>\n"
                             "<scene id=\"s\" dur=\"30s\">\n"
                             "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                             "  <label at=\"44,42.5\" text=\"Plain\"/>\n"
                             "  <label at=\"48,39\" text=\"Plain\" style=\"loud\"/>\n"
                             "</map>\n</scene>\n</exhibit>\n";
    const auto xml = dir / "exhibit.xml";
    vitrine::test::writeBytes(xml, std::vector<std::uint8_t>(body.begin(), body.end()));
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    CHECK(r.reported.empty());
    REQUIRE(r.state.labels.size() == 2);
    const map::LabelState& plain = r.state.labels[0];
    const map::LabelState& loud = r.state.labels[1];
    CHECK(loud.sizePx == 48);
    CHECK(loud.box.height > plain.box.height * 1.5);
    CHECK(loud.box.width > plain.box.width * 1.5);
    auto reds = [&](const Rect& box) {
        int n = 0;
        for (unsigned y = unsigned(box.y / 2); y < unsigned((box.y + box.height) / 2); ++y)
            for (unsigned x = unsigned(box.x / 2); x < unsigned((box.x + box.width) / 2); ++x) {
                sf::Color c = r.image.getPixel(x, y);
                n += c.r > 0xc0 && c.g < 0x50 && c.b < 0x50;
            }
        return n;
    };
    CHECK(reds(loud.box) > 30);
    CHECK(reds(plain.box) == 0);
}

namespace {

// The lon/lat point's pixel in a DirectDraw image (a 960×540 target for the 1920×1080
// canvas), through the exhibit's own projection and the drawn state's camera.
sf::Color pixelAt(const DirectDraw& r, const map::Projection& projection, map::Point2 lonLat) {
    const map::Point2 canvas = r.state.toCanvas(projection.forward(lonLat));
    CAPTURE(canvas.x);
    CAPTURE(canvas.y);
    REQUIRE(canvas.x >= 0);
    REQUIRE(canvas.y >= 0);
    REQUIRE(canvas.x < 1920);
    REQUIRE(canvas.y < 1080);
    return r.image.getPixel(unsigned(canvas.x / 2), unsigned(canvas.y / 2));
}

// The projection of the exhibit's first map.
map::Projection projectionOf(const std::filesystem::path& xml) {
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    for (const Item& item : exhibit.show->items)
        if (item.kind == ItemKind::Map && item.map) return item.map->scene.projection;
    FAIL("no map");
    return map::Projection::webMercator();
}

}  // namespace

TEST_CASE("a view across 180° shows Fiji whole") {
    // Fiji lies on both sides of the antimeridian; in the bundled world data one island's
    // ring runs across it. Fiji filled red, so its land is told from any other.
    TempDir dir;
    auto xml = writeExhibit(dir, "<map src=\"" + kMaps + "/world.geojson\" view=\"176,-20 → -178,-15\">\n"
                                 "  <highlight feature=\"Fiji\" color=\"#ff0000\"/>\n"
                                 "</map>");
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    CHECK(r.reported.empty());
    const map::Projection projection = projectionOf(xml);
    auto red = [](sf::Color c) { return c.r > 0xa0 && c.g < 0x60 && c.b < 0x60; };
    struct Spot {
        map::Point2 lonLat;
        bool land;
        const char* what;
    };
    const Spot spots[] = {
        {{178.0, -17.8}, true, "Viti Levu, west of 180°"},
        {{179.3, -16.6}, true, "Vanua Levu, west of 180°"},
        {{-179.93, -16.2}, true, "Vanua Levu's end, east of 180°"},
        {{177.0, -16.0}, false, "the sea north-west of Viti Levu"},
        {{-179.0, -18.5}, false, "the sea south-east, east of 180°"},
    };
    for (const Spot& s : spots) {
        CAPTURE(s.what);
        CHECK(red(pixelAt(r, projection, s.lonLat)) == s.land);
    }
}

TEST_CASE("a polygon across the seam keeps its holes: those across it and those beside it") {
    // A band 40° wide astride 180°, with one hole across 180° and one wholly on each side;
    // on a world map centred on 0° the seam cuts the band in two, one at each edge.
    TempDir dir;
    const std::string geojson = R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"name": "Band"}, "geometry": {"type": "Polygon", "coordinates": [
    [[160, -20], [-160, -20], [-160, 20], [160, 20], [160, -20]],
    [[-172, -8], [-172, 8], [172, 8], [172, -8], [-172, -8]],
    [[-170, 10], [-170, 16], [-164, 16], [-164, 10], [-170, 10]],
    [[164, -16], [164, -10], [170, -10], [170, -16], [164, -16]]]}}]})";
    vitrine::test::writeBytes(dir / "band.geojson", std::vector<std::uint8_t>(geojson.begin(), geojson.end()));
    auto xml = writeExhibit(dir, "<map src=\"band.geojson\" view=\"-180,-60 → 180,75\"/>");
    DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
    CHECK(r.reported.empty());
    const map::Projection projection = projectionOf(xml);
    const sf::Color land = render::MapPalette{}.land, water = render::MapPalette{}.water;
    struct Spot {
        map::Point2 lonLat;
        bool land;
        const char* what;
    };
    const Spot spots[] = {
        {{176, 0}, false, "the hole across 180°, west of it (the map's east edge)"},
        {{-176, 0}, false, "the hole across 180°, east of it (the map's west edge)"},
        {{-167, 13}, false, "the hole east of 180°"},
        {{167, -13}, false, "the hole west of 180°"},
        {{165, 0}, true, "the band west of 180°"},
        {{-165, 0}, true, "the band east of 180°"},
        {{167, 13}, true, "the band west of 180°, north"},
        {{-167, -13}, true, "the band east of 180°, south"},
        {{150, 0}, false, "the sea west of the band"},
    };
    for (const Spot& s : spots) {
        CAPTURE(s.what);
        const sf::Color c = pixelAt(r, projection, s.lonLat);
        CHECK(near(c, s.land ? land : water, 6));
    }
}

TEST_CASE("a still of a route through three places draws its line over each place in order") {
    TempDir dir;
    auto xml = writeExhibit(dir, "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\">\n"
                                 "  <route from=\"49.87,40.41\" via=\"44.51,40.18\" to=\"46.36,40.68\" color=\"#00ff00\" width=\"6\""
                                 " begin=\"1s\" dur=\"4s\"/>\n"
                                 "</map>");
    const map::Projection projection = projectionOf(xml);
    auto green = [](sf::Color c) { return c.g > 0xc0 && c.r < 0x80 && c.b < 0x80; };
    // Near a place: the line may pass a pixel to the side of its exact point.
    auto greenNear = [&](const DirectDraw& r, map::Point2 lonLat) {
        const map::Point2 canvas = r.state.toCanvas(projection.forward(lonLat));
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx)
                if (green(r.image.getPixel(unsigned(canvas.x / 2 + dx), unsigned(canvas.y / 2 + dy)))) return true;
        return false;
    };
    const map::Point2 baku{49.87, 40.41}, yerevan{44.51, 40.18}, kirovabad{46.36, 40.68};
    DirectDraw done = drawDirect(xml, 6 * kMicrosPerSecond);
    CHECK(done.reported.empty());
    CHECK(greenNear(done, baku));
    CHECK(greenNear(done, yerevan));
    CHECK(greenNear(done, kirovabad));
    // Early on, only the first leg is drawn: Baku, not yet Yerevan or Kirovabad.
    DirectDraw early = drawDirect(xml, 2 * kMicrosPerSecond);
    CHECK(greenNear(early, baku));
    CHECK_FALSE(greenNear(early, yerevan));
    CHECK_FALSE(greenNear(early, kirovabad));
}

TEST_CASE("a designer's own borders are drawn as a layer in its own style") {
    // tests/fixtures/maps/test-boundary.geojson: a square (45–47°E, 39.5–41°N) and a line
    // along 42°N, made up for this test.
    TempDir dir;
    const std::string boundary = (vitrine::test::sourceDir() / "tests" / "fixtures" / "maps" / "test-boundary.geojson").string();
    const std::string map = "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"42,37.5 → 50,43.5\" projection=\"lambert\">\n";
    auto green = [](sf::Color c) { return c.g > 0xc0 && c.r < 0x60 && c.b < 0x60; };
    auto magenta = [](sf::Color c) { return c.r > 0xc0 && c.g < 0x60 && c.b > 0xc0; };
    struct Spot {
        map::Point2 lonLat;
        bool onLine;
        const char* what;
    };
    const Spot spots[] = {{{46.0, 39.5}, true, "the square's south edge"},
                          {{45.0, 40.2}, true, "the square's west edge"},
                          {{46.0, 42.0}, true, "the line along 42°N"},
                          {{46.0, 40.2}, false, "inside the square"}};
    SUBCASE("in its colour and width, not filled") {
        auto xml = writeExhibit(dir, map + "  <layer src=\"" + boundary + "\" color=\"#00ff00\" width=\"8\"/>\n</map>");
        DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
        CHECK(r.reported.empty());
        const map::Projection projection = projectionOf(xml);
        for (const Spot& s : spots) {
            CAPTURE(s.what);
            CHECK(green(pixelAt(r, projection, s.lonLat)) == s.onLine);
        }
    }
    SUBCASE("filled with its fill colour") {
        auto xml = writeExhibit(dir, map + "  <layer src=\"" + boundary + "\" color=\"#00ff00\" fill-color=\"#ff00ff\"/>\n</map>");
        DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
        CHECK(magenta(pixelAt(r, projectionOf(xml), {46.0, 40.2})));
    }
    SUBCASE("not before its begin") {
        auto xml = writeExhibit(dir, map + "  <layer src=\"" + boundary + "\" color=\"#00ff00\" width=\"8\" begin=\"5s\"/>\n</map>");
        DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
        CHECK_FALSE(green(pixelAt(r, projectionOf(xml), {46.0, 39.5})));
    }
    SUBCASE("a file that is not there is an error at its src, and the map still draws") {
        auto xml = writeExhibit(dir, map + "  <layer src=\"no-such-borders.geojson\"/>\n</map>");
        DirectDraw r = drawDirect(xml, 2 * kMicrosPerSecond);
        REQUIRE(r.reported.size() == 1);
        CHECK(r.reported[0].code == "missing-file");
        CHECK(r.reported[0].where.line == 4);
    }
}

TEST_CASE("Natural Earth's lakes drawn as water over the land") {
    // Lake Sevan lies inside Armenia's polygon: land, until the lakes layer draws it as water.
    TempDir dir;
    const std::string map = "<map src=\"" + kMaps + "/caucasus.geojson\" view=\"42,37.5 → 50,43.5\" projection=\"lambert\">\n";
    const map::Point2 sevan{45.3, 40.35};
    const sf::Color water = render::MapPalette{}.water, land = render::MapPalette{}.land;
    auto without = writeExhibit(dir, map + "</map>");
    CHECK(near(pixelAt(drawDirect(without, 2 * kMicrosPerSecond), projectionOf(without), sevan), land, 8));
    auto with = writeExhibit(dir, map + "  <layer data=\"lakes\"/>\n</map>");
    DirectDraw r = drawDirect(with, 2 * kMicrosPerSecond);
    CHECK(r.reported.empty());
    CHECK(near(pixelAt(r, projectionOf(with), sevan), water, 8));
}
