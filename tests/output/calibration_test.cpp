#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <fstream>
#include <optional>
#include <sstream>

#include "installation/installation.h"
#include "media/media_test_files.h"
#include "output/calibration.h"

using namespace vitrine;
using namespace vitrine::output;
namespace inst = vitrine::installation;

namespace {

// An installation file written into its own temporary folder, removed at the end.
struct InstallationFile {
    test::TempDir dir;
    std::filesystem::path file = dir / "installation.xml";
    explicit InstallationFile(const std::string& text) { std::ofstream(file) << text; }
    std::optional<inst::Installation> load() const {
        Diagnostics d;
        return inst::loadInstallation(file, d);
    }
};

}  // namespace

TEST_CASE("calibration: keys move a corner and S saves it to the installation file") {
    InstallationFile f("<installation>\n  <!-- the wall by the entrance -->\n"
               "  <output id=\"left\" resolution=\"640x360\"/>\n  <output id=\"right\" resolution=\"640x360\" position=\"640,0\"/>\n"
               "</installation>\n");
    const auto& file = f.file;
    auto installation = f.load();
    REQUIRE(installation);
    WarpOutput warp(installation->outputs, {1280, 360});
    Calibration c(warp, file);
    CHECK(c.handleKey(sf::Keyboard::Tab, false)->find("right") != std::string::npos);
    c.handleKey(sf::Keyboard::Num3, false);        // bottom-right
    c.handleKey(sf::Keyboard::Left, false, true);  // Ctrl: −10
    c.handleKey(sf::Keyboard::Left, false);        // −1
    c.handleKey(sf::Keyboard::Up, false);          // −1
    CHECK(c.corners()[2] == inst::Point{629, 359});
    CHECK_FALSE(c.handleKey(sf::Keyboard::Q, false));  // not a calibration key
    CHECK(c.handleKey(sf::Keyboard::P, false) == "pattern crosshatch");
    auto saved = c.handleKey(sf::Keyboard::S, false);
    REQUIRE(saved);
    CHECK(saved->rfind("saved", 0) == 0);

    Diagnostics d2;
    auto reread = inst::loadInstallation(file, d2);
    REQUIRE(reread);
    CHECK(d2.empty());
    REQUIRE(reread->outputs.size() == 2);
    CHECK_FALSE(reread->outputs[0].keystone);
    REQUIRE(reread->outputs[1].keystone);
    CHECK((*reread->outputs[1].keystone)[2] == inst::Point{629, 359});
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("the wall by the entrance") != std::string::npos);  // comments survive
    // No temporary file is left beside it.
    int files = 0;
    for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(f.dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("calibration: a move that folds the image is refused") {
    inst::Output o;
    o.width = 100;
    o.height = 100;
    o.keystone = inst::Quad{{{0, 0}, {100, 0}, {100, 100}, {1, 99}}};
    WarpOutput warp({o}, {100, 100});
    test::TempDir dir;
    std::ofstream(dir / "file") << "not a folder";
    Calibration c(warp, dir / "file" / "installation.xml");
    c.handleKey(sf::Keyboard::Num4, false);
    for (int i = 0; i < 3; ++i) c.handleKey(sf::Keyboard::Right, false);  // towards the diagonal
    for (int i = 0; i < 200; ++i) c.handleKey(sf::Keyboard::Right, false, true);
    auto q = c.corners();
    // However far it is pushed, the quad stays one a homography can map.
    CHECK(inst::Homography::fromCorners(inst::rectangleCorners(100, 100), q));
    auto err = c.save();
    REQUIRE(err);  // the file cannot be made: an error value, no crash
}

TEST_CASE("calibration: Shift moves a corner by a tenth of a pixel, and that is what is saved") {
    InstallationFile f("<installation start=\"2026-01-20T09:00:00Z\">\n"
               "  <output id=\"wall\" resolution=\"800x600\">\n"
               "    <blend edge=\"right\" width=\"40\"/> <!-- overlap with the door projector -->\n"
               "  </output>\n"
               "  <hours><open days=\"daily\" from=\"10:00\" to=\"18:00\"/></hours>\n"
               "  <volume level=\"0.7\"/>\n"
               "</installation>\n");
    const auto& file = f.file;
    auto installation = f.load();
    REQUIRE(installation);
    WarpOutput warp(installation->outputs, {800, 600});
    Calibration c(warp, file);
    c.handleKey(sf::Keyboard::Num2, false);  // top-right
    for (int i = 0; i < 3; ++i) c.handleKey(sf::Keyboard::Left, true);
    c.handleKey(sf::Keyboard::Down, false);
    CHECK(c.corners()[1].x == doctest::Approx(799.7));
    CHECK(c.corners()[1].y == doctest::Approx(1));
    CHECK(c.unsaved().count(0) == 1);
    REQUIRE_FALSE(c.save());
    CHECK(c.unsaved().empty());

    Diagnostics d2;
    auto reread = inst::loadInstallation(file, d2);
    REQUIRE(reread);
    CHECK(d2.empty());
    REQUIRE(reread->outputs.size() == 1);
    REQUIRE(reread->outputs[0].keystone);
    CHECK((*reread->outputs[0].keystone)[1].x == doctest::Approx(799.7));
    // The rest of the technician's file is as it was.
    CHECK(reread->outputs[0].blend.right.width == doctest::Approx(40));
    CHECK(reread->volume == doctest::Approx(0.7));
    CHECK_FALSE(reread->hours.always);
    REQUIRE(reread->startEpoch);
    CHECK(test::readTextFile(file).find("overlap with the door projector") != std::string::npos);
}

TEST_CASE("calibration: a mouse press picks the nearest corner of any output and dragging moves it") {
    InstallationFile f("<installation>\n  <!-- two projectors -->\n"
               "  <output id=\"left\" resolution=\"640x360\"/>\n"
               "  <output id=\"right\" resolution=\"640x360\" position=\"640,0\"/>\n"
               "</installation>\n");
    const auto& file = f.file;
    auto installation = f.load();
    REQUIRE(installation);
    WarpOutput warp(installation->outputs, {1280, 360});
    Calibration c(warp, file);
    // Far from every corner: nothing is picked.
    CHECK_FALSE(c.pressMouse({320, 180}));
    CHECK_FALSE(c.dragging());
    // The right output's bottom-left corner (window 640,360) lies on the left output's
    // bottom-right: the selected output wins.
    c.handleKey(sf::Keyboard::Tab, false);
    auto picked = c.pressMouse({646, 352});
    REQUIRE(picked);
    CHECK(c.output() == 1);
    CHECK(c.corner() == 3);
    CHECK(c.dragging());
    c.moveMouse({676, 332});  // 30 right, 20 up: the corner keeps its offset from the pointer
    c.releaseMouse();
    CHECK_FALSE(c.dragging());
    CHECK(c.corners()[3] == inst::Point{30, 340});
    c.moveMouse({700, 100});  // not dragging any more: nothing moves
    CHECK(c.corners()[3] == inst::Point{30, 340});
    // A drag that would cross the image over itself is refused.
    REQUIRE(c.pressMouse({640 + 30, 340}));
    c.moveMouse({640 + 700, 10});  // past the opposite (top-right) corner
    c.releaseMouse();
    CHECK(isProjectableQuad(c.corners()));
    const auto rightCorners = c.corners();
    // The left output too, then one save writes both.
    REQUIRE(c.pressMouse({2, 2}));
    CHECK(c.output() == 0);
    c.moveMouse({12, 22});
    c.releaseMouse();
    CHECK(c.unsaved().size() == 2);
    REQUIRE(c.handleKey(sf::Keyboard::S, false)->rfind("saved", 0) == 0);
    Diagnostics d2;
    auto reread = inst::loadInstallation(file, d2);
    REQUIRE(reread);
    REQUIRE(reread->outputs.size() == 2);
    REQUIRE(reread->outputs[0].keystone);
    REQUIRE(reread->outputs[1].keystone);
    CHECK((*reread->outputs[0].keystone)[0] == inst::Point{10, 20});
    CHECK((*reread->outputs[1].keystone)[3] == rightCorners[3]);
    CHECK(test::readTextFile(file).find("two projectors") != std::string::npos);
}

TEST_CASE("calibration: only convex quads can be projected") {
    CHECK(isProjectableQuad(inst::rectangleCorners(100, 50)));
    CHECK(isProjectableQuad(inst::Quad{{{10, 5}, {90, 0}, {100, 50}, {0, 45}}}));
    CHECK_FALSE(isProjectableQuad(inst::Quad{{{0, 0}, {100, 0}, {0, 50}, {100, 50}}}));  // crossed
    CHECK_FALSE(isProjectableQuad(inst::Quad{{{0, 0}, {100, 0}, {20, 10}, {0, 50}}}));   // concave
    CHECK_FALSE(isProjectableQuad(inst::Quad{{{0, 0}, {50, 0}, {100, 0}, {0, 50}}}));    // three on a line
}

namespace {

// Pixels of the overlay drawn over black in `colour` (the status text's fill), in the
// output's top-left corner where the status is written.
int statusPixels(Calibration& c, sf::Color colour) {
    sf::RenderTexture target;
    REQUIRE(target.create(640, 360));
    target.clear(sf::Color::Black);
    c.drawOverlay(target);
    target.display();
    const sf::Image image = target.getTexture().copyToImage();
    int count = 0;
    for (unsigned y = 20; y < 80; ++y)
        for (unsigned x = 20; x < 620; ++x)
            if (image.getPixel(x, y) == colour) ++count;
    return count;
}

}  // namespace

TEST_CASE("calibration: the pattern says whether S saved, and why not") {
    inst::Output o;
    o.id = "wall";
    o.width = 640;
    o.height = 360;
    WarpOutput warp({o}, {640, 360});
    const sf::Color saved(120, 230, 120), notSaved(255, 110, 90);
    test::TempDir dir;
    // A folder that cannot be made, for root too: its parent is a regular file.
    std::ofstream(dir / "state") << "not a folder";
    Calibration refused(warp, dir / "state" / "vitrine" / "keystone.xml");
    CHECK(refused.saveStatus().empty());
    CHECK(statusPixels(refused, notSaved) == 0);
    refused.handleKey(sf::Keyboard::Right, false);
    const auto line = refused.handleKey(sf::Keyboard::S, false);
    REQUIRE(line);
    CHECK(line->rfind("not saved: cannot create the folder " + (dir / "state" / "vitrine").string(), 0) == 0);
    CHECK(refused.saveStatus() == *line);
    CHECK(statusPixels(refused, notSaved) > 50);
    CHECK(statusPixels(refused, saved) == 0);
    // Moving a corner again makes the old outcome stale: it goes.
    refused.handleKey(sf::Keyboard::Right, false);
    CHECK(refused.saveStatus().empty());
    CHECK(statusPixels(refused, notSaved) == 0);

    Calibration accepted(warp, dir / "state-ok" / "keystone.xml");
    accepted.handleKey(sf::Keyboard::Right, false);
    REQUIRE(accepted.handleKey(sf::Keyboard::S, false) == "saved to " + (dir / "state-ok" / "keystone.xml").string());
    CHECK(statusPixels(accepted, saved) > 50);
    CHECK(statusPixels(accepted, notSaved) == 0);
}
