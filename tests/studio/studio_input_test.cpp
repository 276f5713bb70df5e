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
#include "support/private_display.h"

namespace vitrine::studio {

TEST_CASE("studio input: a click, Ctrl+A, 15s and Enter shorter than a frame replace 21s, and Ctrl+Z then Ctrl+S take it back") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
    requireStudio();
    REQUIRE(std::system("command -v xdotool >/dev/null") == 0);
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Typing" size="1280x720" lang="en">
  <scene dur="21s" id="opening">
    <text x="100" y="100" width="1000" height="200">First words</text>
  </scene>
</exhibit>
)");
    const auto log = f.folder / "studio.log";
    // The scene is selected; the studio says where its dur field is, and the shell clicks
    // the middle of it. Every key below is pressed and released at once (--delay 0): many
    // presses and releases between two frames.
    const std::string script =
        "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
        " --size 1280x720 --script 'select scene opening; wait 2; field-rect dur; wait 100000; quit' >" + quoted(log) +
        " 2>&1 & studio=$!\n"
        "until grep -q '^field dur at' " + quoted(log) + "; do kill -0 $studio || exit 3; sleep 0.2; done\n"
        "set -- $(grep '^field dur at' " + quoted(log) + ")\n"
        "clickAt=\"$(($4 + $6 / 2)) $(($5 + $7 / 2))\"\n"
        "window=$(xdotool search --sync --name 'Vitrine Studio' | head -1)\n"
        "waitFor() { for i in $(seq 1 300); do grep -q \"$1\" " + quoted(f.file) + " && return 0; sleep 0.2; done; return 1; }\n"
        "xdotool mousemove --window $window --sync $clickAt click 1 "
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
    const int status = pclose(typing);
    std::ifstream in(log);
    INFO("studio: " << std::string(std::istreambuf_iterator<char>(in), {}));
    INFO("file: " << f.read());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);  // 10: "15s" never saved; 1: the undo never saved
    CHECK(f.read().find("<scene dur=\"21s\" id=\"opening\">") != std::string::npos);
}

}  // namespace vitrine::studio
