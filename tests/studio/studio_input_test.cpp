// End to end: the real studio under Xvfb, typed at with xdotool faster than it draws frames.
// Input read as state once a frame lost a click or key pressed and released between two
// frames: Ctrl+A then "15s" typed over a field's "21s" gave "21s15s", or nothing at all.

#include <doctest/doctest.h>

#include <unistd.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "studio/studio_fixture.h"
#include "studio/studio_run.h"

namespace vitrine::studio {

TEST_CASE("studio input: a click, Ctrl+A, 15s and Enter shorter than a frame replace 21s, and Ctrl+Z then Ctrl+S take it back") {
    requireStudio();
    REQUIRE(std::system("command -v xdotool >/dev/null") == 0);
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Typing" size="1280x720" lang="en">
  <scene dur="21s" id="opening">
    <text x="100" y="100" width="1000" height="200">First words</text>
  </scene>
</exhibit>
)");
    const auto ready = f.folder / "ready.png";
    const auto log = f.folder / "studio.log";
    const auto clickAt = f.folder / "click-at";
    // The scene is selected: its first attribute, dur, is the inspector's first field. The
    // shell waits for the studio's screenshot, then for this test to find the field in it.
    // Every key below is pressed and released at once (--delay 0): many presses and releases
    // between two frames.
    const std::string script =
        "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
        " --size 1280x720 --script 'select scene opening; wait 2; screenshot " + ready.string() +
        "; wait 100000; quit' >" + quoted(log) + " 2>&1 & studio=$!\n"
        "until [ -s " + quoted(clickAt) + " ]; do kill -0 $studio || exit 3; sleep 0.2; done\n"
        "window=$(xdotool search --sync --name 'Vitrine Studio' | head -1)\n"
        "waitFor() { for i in $(seq 1 300); do grep -q \"$1\" " + quoted(f.file) + " && return 0; sleep 0.2; done; return 1; }\n"
        "xdotool mousemove --window $window --sync $(cat " + quoted(clickAt) + ") click 1 "
        "keydown ctrl keydown a keyup a keyup ctrl type --delay 0 15s\n"
        "xdotool key --delay 0 Return ctrl+s\n"
        "waitFor 'dur=\"15s\"'; edited=$?\n"
        "xdotool key --delay 0 ctrl+z ctrl+s\n"
        "waitFor 'dur=\"21s\"'; undone=$?\n"
        "kill $studio; wait $studio\n"
        "exit $((edited * 10 + undone))\n";
    const auto shell = f.folder / "type.sh";
    std::ofstream(shell) << script;
    FILE* typing = popen(("timeout 180 sh " + quoted(shell)).c_str(), "r");
    REQUIRE(typing);
    // The field: down the value column, below the inspector's heading, the first run of
    // one colour a field's height tall that is not the panel's (menus above it may move it).
    for (int i = 0; i < 600 && !std::filesystem::exists(ready); ++i) usleep(200000);
    sf::Image shot;
    for (int i = 0; i < 10 && !shot.loadFromFile(ready.string()); ++i) usleep(200000);
    REQUIRE(shot.getSize() == sf::Vector2u(1280, 720));
    constexpr unsigned kColumn = 1150;
    const sf::Color panel = shot.getPixel(kColumn, 700 - 330);  // the inspector's empty lower part
    unsigned fieldY = 0;
    for (unsigned y = 60, run = 0; y < 400 && !fieldY; ++y) {
        const sf::Color c = shot.getPixel(kColumn, y);
        run = (c != panel && c == shot.getPixel(kColumn, y - 1)) ? run + 1 : 0;
        if (run == 18) fieldY = y - 9;
    }
    REQUIRE(fieldY > 0);
    MESSAGE("the dur field found at y " << fieldY);
    std::ofstream(clickAt) << kColumn << " " << fieldY << "\n";
    const int status = pclose(typing);
    std::ifstream in(log);
    INFO("studio: " << std::string(std::istreambuf_iterator<char>(in), {}));
    INFO("file: " << f.read());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);  // 10: "15s" never saved; 1: the undo never saved
    CHECK(f.read().find("<scene dur=\"21s\" id=\"opening\">") != std::string::npos);
}

}  // namespace vitrine::studio
