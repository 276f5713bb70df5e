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

#include "script/values.h"
#include "studio/map_edits.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"
#include "support/private_display.h"

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
      <marker id="yerevan" at="Yerevan" label="Yerevan" begin="1s"/>
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

// Runs the studio on `exhibit` with `setup`, then `script`, while `input` (xdotool commands,
// the window's id in $w) is played on its window once the setup is done (a machine under
// load may take seconds to draw the first frames); the studio's exit status.
int runWithInput(const fs::path& folder, const fs::path& exhibit, const std::string& setup, const std::string& script,
                 const std::string& input) {
    const fs::path ready = folder / "ready.png";
    const std::string studio = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(exhibit) + " --size 1280x720 --script '" +
                               setup + "; wait 2; screenshot " + ready.string() + "; " + script + "' > " +
                               quoted(folder / "studio.log") + " 2>&1";
    const fs::path shell = folder / "input.sh";
    std::ofstream(shell) << "(" << studio << ") &\nstudio=$!\n"
                         << "for i in $(seq 100); do w=$(xdotool search --name 'Vitrine Studio' | head -1); "
                            "[ -n \"$w\" ] && break; sleep 0.1; done\n"
                         << "for i in $(seq 600); do [ -e " << quoted(ready) << " ] && break; sleep 0.1; done\nsleep 0.5\n"
                         << input << "\nwait $studio\n";
    const int status = std::system(("bash " + quoted(shell)).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// xdotool commands that press at (x, y), move in steps to (x + dx, y + dy) and release, as a hand drags.
std::string drag(int x, int y, int dx, int dy) {
    std::string out = "xdotool mousemove --window $w " + std::to_string(x) + " " + std::to_string(y) + "; sleep 0.2; xdotool mousedown 1; sleep 0.1\n";
    for (int step = 1; step <= 10; ++step)
        out += "xdotool mousemove --window $w " + std::to_string(x + dx * step / 10) + " " + std::to_string(y + dy * step / 10) + "; sleep 0.05\n";
    return out + "sleep 0.2; xdotool mouseup 1; sleep 0.3\n";
}

}  // namespace

TEST_CASE("studio program: map tool verbs place, move, frame and fly, and the saved file checks clean") {
    requireStudio();
    testing::StudioFixture f(kMapExhibit);
    fs::copy_file(test::sourceDir() / "assets/maps/caucasus.geojson", f.folder / "caucasus.geojson");
    const Micros at = 3 * kMicrosPerSecond;
    const Point2 baku = canvasOf(f.file, at, {49.87, 40.41});
    const Point2 sea = canvasOf(f.file, at, {51.0, 39.0});
    const Point2 south = canvasOf(f.file, at, {45.0, 38.0});
    const Point2 southEast = canvasOf(f.file, at, {45.5, 38.5});
    const std::string shots = (f.folder / "step").string();
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub where+3s; wait 2; screenshot " + shots + "0.png; "
                      "place-marker " + point({baku.x + 3, baku.y - 2}) + "; place-label " + point(sea) + " Caspian Sea; "
                      "scrub where+4s; wait 2; screenshot " + shots + "1.png; "
                      "move-marker 1 " + point(southEast) + "; move-marker yerevan " + point(south) + "; wait 2; screenshot " + shots + "2.png; "
                      "map-zoom 2; map-pan -200 100; wait 2; screenshot " + shots + "3.png; add-fly; "
                      "scrub where+12s; map-zoom 1.5; set-view; wait 2; screenshot " + shots + "4.png; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string saved = f.read();
    INFO(saved);
    // Each verb wrote its element or attribute, in the map, indented like its siblings.
    CHECK(saved.find("\n      <marker at=\"Baku\" label=\"Baku\" begin=\"3s\"/>") != std::string::npos);
    CHECK(saved.find("\n      <label at=\"51,39\" text=\"Caspian Sea\" begin=\"3s\"/>") != std::string::npos);
    // Moved by its number, then by its id.
    CHECK(saved.find("<marker id=\"yerevan\" at=\"45,38\" label=\"Yerevan\" begin=\"1s\"/>") != std::string::npos);
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

TEST_CASE("studio program: a map written in an included file is not edited, and the studio says why") {
    requireStudio();
    testing::StudioFixture f(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Included map" size="1280x720" lang="en">
  <include src="where.xml"/>
</exhibit>
)xml");
    const std::string fragment = R"xml(<fragment>
  <scene id="where" dur="20s">
    <map view="42,36.2 → 51.6,42.4" credit="Natural Earth (public domain)"/>
  </scene>
</fragment>
)xml";
    std::ofstream(f.folder / "where.xml") << fragment;
    const std::string exhibit = f.read();
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub where+3s; place-marker 640 360; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("is written in") != std::string::npos);
    CHECK(f.read() == exhibit);
    CHECK(readFile(f.folder / "where.xml") == fragment);
}

TEST_CASE("studio program: a real click on the Baku exhibit's map places a marker where it was clicked") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
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
    // fades in from the click's instant) and the window is saved as a picture. The click is
    // in the middle of the preview (on the left above the timeline), held as a hand holds
    // it, longer than a frame; then the pointer goes away.
    const int clickX = 448, clickY = 230;
    const int status = runWithInput(f.folder, exhibit,
                                    "scrub background+4s", "wait 200; scrub background+5.5s; wait 3; screenshot " + shot + "; save; quit",
                                    "xdotool mousemove --window $w " + std::to_string(clickX) + " " + std::to_string(clickY) +
                                        "; sleep 0.2; xdotool mousedown 1; sleep 0.2; xdotool mouseup 1; xdotool mousemove 5 5");
    INFO(readFile(f.folder / "studio.log"));
    REQUIRE(status == 0);
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

TEST_CASE("studio program: a marker dragged with the mouse moves there, and a framing made by drag and wheel is what set-view writes") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
    requireStudio();
    REQUIRE_MESSAGE(std::system("command -v xdotool >/dev/null") == 0, "xdotool is needed (tools/setup installs it)");
    // Yerevan's marker in a green that nothing else on screen has, to find it in a screenshot.
    std::string text = kMapExhibit;
    text.replace(text.find("label=\"Yerevan\""), 15, "label=\"Yerevan\" color=\"#30e030\"");
    testing::StudioFixture f(text);
    fs::copy_file(test::sourceDir() / "assets/maps/caucasus.geojson", f.folder / "caucasus.geojson");
    const Micros at = 3 * kMicrosPerSecond;
    const Point2 yerevan = canvasOf(f.file, at, {44.51, 40.18});

    // Where the marker and the preview's picture are in the window, from a first look.
    const std::string look = (f.folder / "look.png").string();
    REQUIRE(runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub where+3s; wait 3; screenshot " + look + "; quit'").status == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(look));
    double sumX = 0, sumY = 0, count = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y)
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            sf::Color c = image.getPixel(x, y);
            if (c.g > 180 && c.r < 110 && c.b < 110) sumX += x, sumY += y, ++count;
        }
    REQUIRE(count > 0);
    const int markerX = int(std::lround(sumX / count)), markerY = int(std::lround(sumY / count));
    // The picture's width: from the marker out to the black letterbox on each side.
    auto black = [&](int x) { sf::Color c = image.getPixel(x, markerY); return c.r == 0 && c.g == 0 && c.b == 0; };
    int left = markerX, right = markerX;
    while (left > 0 && !black(left - 1)) --left;
    while (right + 1 < int(image.getSize().x) && !black(right + 1)) ++right;
    const double canvasPerScreen = 1280.0 / (right - left + 1);

    // Drag the marker 60 px right and 90 down; then two notches of the wheel and a pan.
    const int status = runWithInput(f.folder, f.file, "scrub where+3s", "wait 300; set-view; wait 2; save; quit",
                                    drag(markerX, markerY, 60, 90) + "xdotool mousemove --window $w " +
                                        std::to_string(markerX + 150) + " " + std::to_string(markerY) +
                                        "; sleep 0.2; xdotool click 4; sleep 0.2; xdotool click 4; sleep 0.3\n" +
                                        drag(markerX + 150, markerY, -100, 30) + "xdotool mousemove 5 5");
    INFO(readFile(f.folder / "studio.log"));
    REQUIRE(status == 0);
    const std::string saved = f.read();
    INFO(saved);
    std::smatch moved;
    REQUIRE(std::regex_search(saved, moved, std::regex(R"re(<marker id="yerevan" at="([0-9.]+,[0-9.]+)" label="Yerevan")re")));
    // Drawn (at the map's own view) where it was dropped: the drag's length in canvas px.
    testing::StudioFixture before(text);
    fs::copy_file(test::sourceDir() / "assets/maps/caucasus.geojson", before.folder / "caucasus.geojson");
    auto ll = parseLonLat(moved[1].str());
    REQUIRE(ll);
    const Point2 dropped = canvasOf(before.file, at, {ll->lon, ll->lat});
    CHECK(std::abs(dropped.x - (yerevan.x + 60 * canvasPerScreen)) < 3 * canvasPerScreen);
    CHECK(std::abs(dropped.y - (yerevan.y + 90 * canvasPerScreen)) < 3 * canvasPerScreen);
    // The view written is the framing: zoomed in (1.15² narrower) and moved east by the pan.
    std::smatch view;
    REQUIRE(std::regex_search(saved, view, std::regex(R"re(view="([0-9.]+),([0-9.]+) → ([0-9.]+),([0-9.]+)")re")));
    const double west = std::stod(view[1].str()), east = std::stod(view[3].str());
    StudioDocument first(before.file);
    auto m = mapInPreview(*first.show(), at);
    REQUIRE(m);
    const map::Box shown = map::viewBoxFor(m->map->scene, m->state.camera, m->state.box);  // wider than the view: 16:9
    CHECK((east - west) == doctest::Approx((shown.east - shown.west) / (1.15 * 1.15)).epsilon(0.03));
    Run check = runProgram("vitrine", "check " + quoted(f.file));
    INFO(check.output);
    CHECK(check.status == 0);
}

}  // namespace vitrine::studio
