// The installation file the package puts in /etc/vitrine on first install: one output that
// fills whatever single display the PC has, the canvas letterboxed, never cut.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <regex>
#include <utility>
#include <string>

#include "installation/installation.h"
#include "media/media_test_files.h"
#include "support/build_paths.h"
#include "support/run_command.h"

using namespace vitrine;

namespace {

const std::filesystem::path kDefault = test::sourceDir() / "tools/package/installation.xml";

}  // namespace

TEST_CASE("packaging: the default installation is one output sized by the display it finds") {
    Diagnostics diagnostics;
    auto inst = installation::loadInstallation(kDefault, diagnostics);
    REQUIRE(inst);
    CHECK(diagnostics.all().empty());
    REQUIRE(inst->outputs.size() == 1);
    CHECK(inst->outputs[0].sizedByDisplay);
    CHECK_FALSE(inst->outputs[0].keystone);
    CHECK(inst->hours.always);  // plays until the technician writes hours
}

TEST_CASE("packaging: played on a 1280x1024 screen, the default installation shows the whole 1920x1080 canvas") {
    // The same file without its control port and proof-of-play log (a test must neither
    // take port 8080 nor write /var/log), played fullscreen on an Xvfb of its own, whose
    // screen is captured once the first frame is on it.
    test::TempDir dir;
    std::string site = test::readTextFile(kDefault);
    site = std::regex_replace(site, std::regex("<(control|proof-of-play) [^>]*/>"), "");
    std::ofstream(dir / "installation.xml") << site;
    std::ofstream(dir / "exhibit.xml") << R"(<exhibit size="1920x1080"><scene id="green" dur="60s" background="#00c800"/></exhibit>)";
    const std::string script =
        "cd " + test::quoted(dir.path()) + "; " + test::quoted(test::binaryDir() / "bin/vitrine") +
        " play exhibit.xml --installation installation.xml --audio off --quit-after 50s 2>player.log & player=$!; "
        "for i in $(seq 300); do grep -q 'first frame on screen' player.log && break; sleep 0.1; done; "
        "sleep 0.5; ffmpeg -loglevel error -f x11grab -video_size 1280x1024 -i $DISPLAY -frames:v 1 -y screen.png; "
        "kill $player; wait";
    const auto run = test::runCommand("timeout 90 xvfb-run -a -s '-screen 0 1280x1024x24 -noreset' sh -c " +
                                      test::quoted(script) + " 2>&1");
    INFO(run.output << test::readTextFile(dir / "player.log"));
    sf::Image screen;
    REQUIRE(screen.loadFromFile((dir / "screen.png").string()));
    REQUIRE(screen.getSize() == sf::Vector2u(1280, 1024));
    // 1920x1080 scaled by 2/3 is 1280x720, centred: rows 152 to 871, black bars above and below.
    const sf::Color green(0, 200, 0);
    auto near = [](sf::Color a, sf::Color b) {
        return std::abs(a.r - b.r) <= 8 && std::abs(a.g - b.g) <= 8 && std::abs(a.b - b.b) <= 8;
    };
    for (unsigned y : {2u, 148u, 876u, 1021u}) {
        INFO("row " << y);
        CHECK(near(screen.getPixel(640, y), sf::Color::Black));
    }
    for (auto [x, y] : std::initializer_list<std::pair<unsigned, unsigned>>{
             {640, 156}, {640, 867}, {2, 512}, {1277, 512}, {2, 156}, {1277, 867}}) {
        INFO("pixel " << x << "," << y);
        CHECK(near(screen.getPixel(x, y), green));
    }
}
