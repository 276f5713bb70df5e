// End to end: View ▸ Show on projector, on an Xvfb of the test's own with two RandR
// monitors (the studio's and the projector's): the preview's picture must be on the
// projector's monitor, which the screen grab shows; with one display the studio says so.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

#include "power/child_process.h"
#include "power/display_probe.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "support/private_display.h"

namespace vitrine::studio {
namespace {

using namespace std::chrono_literals;

bool run(const std::vector<std::string>& argv) {
    auto r = power::runChild(argv, "", 10s);
    return r.started && r.exitStatus == 0;
}

// Whether some pixel of `area` of the grab is the fixture's light text (#efe6d6 on black).
bool textIn(const sf::Image& grab, sf::IntRect area) {
    for (int y = area.top; y < area.top + area.height; y += 2)
        for (int x = area.left; x < area.left + area.width; ++x) {
            sf::Color c = grab.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
            if (c.r > 150 && c.g > 140 && c.b > 120) return true;
        }
    return false;
}

}  // namespace

TEST_CASE("studio program: show on projector puts the preview full-screen on the second monitor, and Esc there closes it") {
    requireStudio();
    test::PrivateDisplay display;
    REQUIRE_FALSE(display.name().empty());
    // The studio's display on the left, the projector's (portrait, as a narrow projector
    // strip) on the right of one 1920x1080 X screen.
    REQUIRE(run({"xrandr", "--setmonitor", "desk", "1280/200x1080/200+0+0", "screen"}));
    REQUIRE(run({"xrandr", "--setmonitor", "projector", "640/100x1080/200+1280+0", "none"}));
    testing::StudioFixture f;
    auto grabbed = f.folder / "grab.png";
    std::string command = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
                          " --size 900x600 --at opening+2s --script 'projector on; wait 600; quit' 2>&1";
    FILE* studio = popen(command.c_str(), "r");
    REQUIRE(studio);
    std::string output;
    char line[1024];
    while (std::fgets(line, sizeof line, studio)) {
        output += line;
        if (output.find("projector: ") != std::string::npos) break;
    }
    INFO(output);
    CHECK(output.find("projector: projector at 1280,0 640x1080") != std::string::npos);
    // The window is mapped and drawn a few frames after it opens: grab until the picture is there.
    sf::Image grab;
    bool shown = false;
    for (int attempt = 0; attempt < 20 && !shown; ++attempt) {
        std::this_thread::sleep_for(250ms);
        if (run({"ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-i", power::displayName(), "-frames:v", "1",
                 grabbed.string()}) &&
            grab.loadFromFile(grabbed.string()))
            shown = textIn(grab, {1280 + 40, 400, 640 - 80, 280});
    }
    if (const char* keep = std::getenv("VITRINE_KEEP_GRABS"))
        std::filesystem::copy_file(grabbed, std::filesystem::path(keep) / "studio-projector.png",
                                   std::filesystem::copy_options::overwrite_existing);
    CHECK(shown);
    // Letterboxed into the 640x1080 monitor: black above and below the 640x360 picture.
    if (shown) {
        CHECK_FALSE(textIn(grab, {1280, 0, 640, 300}));
        CHECK_FALSE(textIn(grab, {1280, 1080 - 300, 640, 300}));
    }
    // Esc on the projector's window closes it: its monitor goes dark, the studio runs on.
    auto window = power::runChild({"xdotool", "search", "--name", "Vitrine Studio: projector"}, "", 10s);
    std::string id = window.output.substr(0, window.output.find('\n'));
    REQUIRE_FALSE(id.empty());
    CHECK(run({"xdotool", "windowfocus", "--sync", id, "key", "Escape"}));
    bool closed = false;
    for (int attempt = 0; attempt < 20 && !closed; ++attempt) {
        std::this_thread::sleep_for(250ms);
        if (run({"ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-i", power::displayName(), "-frames:v", "1",
                 grabbed.string()}) &&
            grab.loadFromFile(grabbed.string()))
            closed = !textIn(grab, {1280 + 40, 400, 640 - 80, 280});
    }
    CHECK(closed);
    while (std::fgets(line, sizeof line, studio)) output += line;
    CHECK(pclose(studio) == 0);
}

TEST_CASE("studio program: with one display, show on projector says so and opens nothing") {
    requireStudio();
    test::PrivateDisplay display;
    REQUIRE_FALSE(display.name().empty());
    testing::StudioFixture f;
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'projector on; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("Only one display is connected") != std::string::npos);
}

}  // namespace vitrine::studio
