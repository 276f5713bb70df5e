#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <unistd.h>

#include "installation/installation.h"
#include "output/calibration.h"

using namespace vitrine;
using namespace vitrine::output;
namespace inst = vitrine::installation;

TEST_CASE("calibration: keys move a corner and S saves it to the installation file") {
    auto dir = std::filesystem::temp_directory_path() / ("vitrine-calibration-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto file = dir / "installation.xml";
    {
        std::ofstream out(file);
        out << "<installation>\n  <!-- the wall by the entrance -->\n"
               "  <output id=\"left\" resolution=\"640x360\"/>\n  <output id=\"right\" resolution=\"640x360\" position=\"640,0\"/>\n"
               "</installation>\n";
    }
    Diagnostics d;
    auto installation = inst::loadInstallation(file, d);
    REQUIRE(installation);
    WarpOutput warp(installation->outputs, {1280, 360});
    Calibration c(warp, file);
    CHECK(c.handleKey(sf::Keyboard::Tab, false)->find("right") != std::string::npos);
    c.handleKey(sf::Keyboard::Num3, false);  // bottom-right
    c.handleKey(sf::Keyboard::Left, true);   // −10
    c.handleKey(sf::Keyboard::Left, false);  // −1
    c.handleKey(sf::Keyboard::Up, false);    // −1
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
    for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++files;
    CHECK(files == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("calibration: a move that folds the image is refused") {
    inst::Output o;
    o.width = 100;
    o.height = 100;
    o.keystone = inst::Quad{{{0, 0}, {100, 0}, {100, 100}, {1, 99}}};
    WarpOutput warp({o}, {100, 100});
    Calibration c(warp, "/nonexistent/installation.xml");
    c.handleKey(sf::Keyboard::Num4, false);
    for (int i = 0; i < 3; ++i) c.handleKey(sf::Keyboard::Right, false);  // towards the diagonal
    for (int i = 0; i < 200; ++i) c.handleKey(sf::Keyboard::Right, true);
    auto q = c.corners();
    // However far it is pushed, the quad stays one a homography can map.
    CHECK(inst::Homography::fromCorners(inst::rectangleCorners(100, 100), q));
    auto err = c.save();
    REQUIRE(err);  // the file does not exist: an error value, no crash
}
