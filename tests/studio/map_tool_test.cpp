// End to end: the studio's map tool (tools/studio/map_tool.*), driven through --script on a
// small map exhibit and by a real click (xdotool) on the Baku exhibit's map scene. Needs an
// X display (the suite runs under xvfb-run), the studio built, and xdotool for the click.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "studio/map_edits.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;
using map::Point2;

// A map scene over the bundled Caucasus data (copied beside the exhibit) and the world.
const char* kMapExhibit = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Map tool" size="1280x720" lang="en">
  <scene id="where" dur="20s">
    <map src="caucasus.geojson" view="42,36.2 → 51.6,42.4" projection="lambert"
         credit="Natural Earth (public domain)">
      <marker at="Yerevan" label="Yerevan" begin="1s"/>
    </map>
  </scene>
</exhibit>
)xml";

// Where the studio draws `lonLat` on the canvas at show time `t`: what the test clicks or
// names to the script, found as the studio finds it.
Point2 canvasOf(const fs::path& exhibit, Micros t, Point2 lonLat) {
    StudioDocument doc(exhibit);
    REQUIRE(doc.show());
    auto m = mapInPreview(*doc.show(), t);
    REQUIRE(m);
    return map::canvasAt(m->map->scene, m->state, lonLat);
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Canvas coordinates as the script takes them, to a thousandth of a pixel.
std::string point(Point2 p) { return std::to_string(p.x) + " " + std::to_string(p.y); }

}  // namespace

TEST_CASE("studio program: map tool verbs place, move, frame and fly, and the saved file checks clean") {
    requireStudio();
    testing::StudioFixture f(kMapExhibit);
    fs::copy_file(test::sourceDir() / "assets/maps/caucasus.geojson", f.folder / "caucasus.geojson");
    const Micros at = 3 * kMicrosPerSecond;
    const Point2 baku = canvasOf(f.file, at, {49.87, 40.41});
    const Point2 sea = canvasOf(f.file, at, {51.0, 39.0});
    const Point2 south = canvasOf(f.file, at, {45.0, 38.0});
    const std::string shots = (f.folder / "step").string();
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub where+3s; wait 2; screenshot " + shots + "0.png; "
                      "place-marker " + point({baku.x + 3, baku.y - 2}) + "; place-label " + point(sea) + " Caspian Sea; "
                      "scrub where+4s; wait 2; screenshot " + shots + "1.png; "
                      "move-marker 1 " + point(south) + "; wait 2; screenshot " + shots + "2.png; "
                      "map-zoom 2; map-pan -200 100; wait 2; screenshot " + shots + "3.png; add-fly; "
                      "scrub where+12s; map-zoom 1.5; set-view; wait 2; screenshot " + shots + "4.png; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string saved = f.read();
    INFO(saved);
    // Each verb wrote its element or attribute, in the map, indented like its siblings.
    CHECK(saved.find("\n      <marker at=\"Baku\" label=\"Baku\" begin=\"3s\"/>") != std::string::npos);
    CHECK(saved.find("\n      <label at=\"51,39\" text=\"Caspian Sea\" begin=\"3s\"/>") != std::string::npos);
    CHECK(saved.find("<marker at=\"45,38\" label=\"Yerevan\" begin=\"1s\"/>") != std::string::npos);  // moved
    CHECK(std::regex_search(saved, std::regex(R"(\n      <fly to="[0-9.]+,[0-9.]+" zoom="2" begin="4s" dur="3s"/>)")));
    // After the flight, framing is a cut to a new <view> at 12 s; the map's own view is kept.
    CHECK(std::regex_search(saved, std::regex(R"(\n      <view box="[0-9.]+,[0-9.]+ → [0-9.]+,[0-9.]+" begin="12s"/>)")));
    CHECK(saved.find("view=\"42,36.2 → 51.6,42.4\"") != std::string::npos);
    Run check = runProgram("vitrine", "check " + quoted(f.file));
    INFO(check.output);
    CHECK(check.status == 0);
    for (int step = 0; step <= 4; ++step) {
        sf::Image image;
        CHECK(image.loadFromFile(shots + std::to_string(step) + ".png"));
    }
}

TEST_CASE("studio program: a map verb with no map on screen fails with a reason and writes nothing") {
    requireStudio();
    testing::StudioFixture f;  // text only
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'place-marker 100 100; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("No map is on screen") != std::string::npos);
    CHECK(f.read() == testing::kStudioFixture);
}

TEST_CASE("studio program: a real click on the Baku exhibit's map places a marker where it was clicked") {
    requireStudio();
    REQUIRE_MESSAGE(std::system("command -v xdotool >/dev/null") == 0, "xdotool is needed (tools/setup installs it)");
    // The exhibit and the bundled maps it names by a relative path, copied as they lie.
    testing::StudioFixture f;
    fs::create_directories(f.folder / "exhibits");
    fs::create_directories(f.folder / "assets");
    fs::copy(test::sourceDir() / "exhibits/baku-1990", f.folder / "exhibits/baku-1990", fs::copy_options::recursive);
    fs::copy(test::sourceDir() / "assets/maps", f.folder / "assets/maps", fs::copy_options::recursive);
    const fs::path exhibit = f.folder / "exhibits/baku-1990/exhibit.xml";
    const std::string original = readFile(exhibit);
    const std::string shot = (f.folder / "clicked.png").string();
    // The click lands during the long wait; then the playhead moves on a second (the marker
    // fades in from the click's instant) and the window is saved as a picture.
    const std::string studio = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(exhibit) +
                               " --size 1280x720 --script 'scrub background+4s; wait 240; scrub background+5.5s; "
                               "wait 3; screenshot " + shot + "; save; quit' > " + quoted(f.folder / "studio.log") + " 2>&1";
    // The click: the middle of the preview, which is on the left above the timeline.
    const int clickX = 448, clickY = 230;
    const std::string click =
        "for i in $(seq 100); do w=$(xdotool search --name 'Vitrine Studio' | head -1); [ -n \"$w\" ] && break; sleep 0.1; done; "
        "sleep 1.5; xdotool mousemove --window $w " + std::to_string(clickX) + " " + std::to_string(clickY) +
        " mousedown 1; sleep 0.2; xdotool mouseup 1; xdotool mousemove 5 5";  // held as a hand holds it, longer than a frame; then away
    const fs::path script = f.folder / "click.sh";
    std::ofstream(script) << "(" << studio << ") &\nstudio=$!\n" << click << "\nwait $studio\n";
    const int status = std::system(("bash " + quoted(script)).c_str());
    INFO(readFile(f.folder / "studio.log"));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const std::string saved = readFile(exhibit);
    // One marker more, in the map, at the click's instant, the rest of the file unchanged.
    std::smatch added;
    REQUIRE(std::regex_search(saved, added, std::regex(R"re(\n      <marker at="([^"]+)"[^>]*begin="4s"/>)re")));
    CHECK(saved.size() == original.size() + added.length());
    CHECK(saved.substr(0, added.position()) == original.substr(0, added.position()));
    // And it is drawn where the click was: the marker's amber under the pointer.
    sf::Image image;
    REQUIRE(image.loadFromFile(shot));
    bool amber = false;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            sf::Color c = image.getPixel(clickX + dx, clickY + dy);
            amber = amber || (c.r > 180 && c.g > 120 && c.g < 190 && c.b < 120);
        }
    CHECK(amber);
}

}  // namespace vitrine::studio
