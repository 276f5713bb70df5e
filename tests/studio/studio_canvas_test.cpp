// End to end: editing on the preview's picture in the real studio, under Xvfb: through the
// --script canvas verbs (the same paths as the pointer), and with the real pointer moved by
// xdotool (press, moves in steps, release), each checked in the saved file.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "exhibit/exhibit_loader.h"
#include "studio/canvas_fixture.h"
#include "studio/studio_run.h"
#include "support/private_display.h"

namespace vitrine::studio {
namespace {

using namespace testing;

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("studio canvas: click, drag, resize, nudge and pan-zoom by script write the layout the designer used") {
    requireStudio();
    StudioFixture f(kCanvasFixture);
    auto png = f.folder / "canvas.png";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub one+1s; wait 2; click 150 150; nudge 10 -1; "
                                       "drag 300 150 331 190 free; click 700 250; resize bottom-right 62 37 free; "
                                       "scrub one+6s; click 500 250; panzoom end 20% 20% 50% 50%; panzoom-edit on; "
                                       "safe-area on; wait 3; screenshot " + png.string() + "; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string expected = replaced(kCanvasFixture, R"(<text x="100" y="100")", R"(<text x="110" y="99")");
    expected = replaced(expected, R"(<text x="20%"  y="20%")", R"(<text x="23.1%"  y="28%")");
    expected = replaced(expected, R"(x="50%" y="50%" width="200" height="100">Side)",
                        R"(x="56.2%" y="53.7%" width="262" height="137">Side)");
    expected = replaced(expected, "→ 10%,10%,50%,50%", "→ 20%,20%,50%,50%");
    CHECK(f.read() == expected);
    CHECK_FALSE(loadExhibit(f.file).diagnostics.hasErrors());
    sf::Image image;
    CHECK(image.loadFromFile(png.string()));
}

TEST_CASE("studio canvas: a drag snaps to the canvas centre, is one undo step, and a click on nothing selects nothing") {
    requireStudio();
    StudioFixture f(kCanvasFixture);
    // Back's left edge dragged from 100 to 497 lands on the centre line, 500 (its top, at 80,
    // is more than 8 screen pixels from every guide).
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub one+1s; wait 2; drag 150 150 547 130; save; "
                                       "undo; click 560 20; nudge 1 1'");
    INFO(r.output);
    CHECK(r.status == 2);  // nothing is selected after the click on nothing: the nudge cannot be done
    CHECK(r.output.find("Select an item on the canvas first") != std::string::npos);
    CHECK(f.read() == replaced(kCanvasFixture, R"(<text x="100" y="100")", R"(<text x="500" y="80")"));
}

TEST_CASE("studio canvas: the real pointer drags an item, the arrow keys nudge it, Ctrl+S saves") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
    requireStudio();
    REQUIRE(std::system("command -v xdotool >/dev/null") == 0);
    StudioFixture f(kCanvasFixture);
    const auto log = f.folder / "studio.log";
    // The studio prints where it shows the picture, then waits for the pointer.
    const std::string start = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
                              " --size 1280x720 --script 'scrub one+1s; wait 5; preview-rect; wait 100000' > " +
                              quoted(log) + " 2>&1 & echo $! > " + quoted(f.folder / "pid");
    REQUIRE(std::system(start.c_str()) == 0);
    int left = 0, top = 0, width = 0, height = 0;
    for (int i = 0; i < 600 && width == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::string text = readFile(log);
        if (auto at = text.find("preview at "); at != std::string::npos)
            std::istringstream(text.substr(at + 11)) >> left >> top >> width >> height;
    }
    INFO(readFile(log));
    REQUIRE(width > 0);
    const double scale = width / 1000.0;  // window px per canvas px
    auto at = [&](double x, double y) {
        return std::to_string(static_cast<int>(left + x * scale + 0.5)) + " " +
               std::to_string(static_cast<int>(top + y * scale + 0.5));
    };
    auto run = [](const std::string& command) {
        INFO(command);
        CHECK(std::system(command.c_str()) == 0);
    };
    std::string window;
    {
        FILE* search = popen("xdotool search --sync --name 'Vitrine Studio' | head -1", "r");
        REQUIRE(search);
        char buffer[64] = {};
        if (std::fgets(buffer, sizeof buffer, search)) window = buffer;
        pclose(search);
        window.erase(window.find_last_not_of("\n ") + 1);
    }
    REQUIRE_FALSE(window.empty());
    const std::string move = "xdotool mousemove --window " + window + " ";
    // Press on Back (150,150 on the canvas), move in steps, release at +200,+100.
    run(move + at(150, 150) + " sleep 0.3 mousedown 1 sleep 0.3");
    for (int step = 1; step <= 10; ++step) run(move + at(150 + 20 * step, 150 + 10 * step) + " sleep 0.05");
    CHECK(f.read() == kCanvasFixture);  // while dragging, the document is untouched
    // ...but the picture follows the pointer: the screen, grabbed now, has the selection's
    // bottom-right handle (white) where the dragged box's corner is, 600,300 on the canvas.
    const auto mid = f.folder / "mid-drag.png";
    int windowX = 0, windowY = 0;
    {
        FILE* geometry = popen(("xdotool getwindowgeometry --shell " + window).c_str(), "r");
        REQUIRE(geometry);
        char line[128];
        while (std::fgets(line, sizeof line, geometry)) {
            std::sscanf(line, "X=%d", &windowX);
            std::sscanf(line, "Y=%d", &windowY);
        }
        pclose(geometry);
    }
    run("ffmpeg -loglevel error -y -f x11grab -video_size $(xdotool getdisplaygeometry | tr ' ' x) -i \"$DISPLAY\" "
        "-frames:v 1 " + quoted(mid));
    sf::Image screen;
    REQUIRE(screen.loadFromFile(mid.string()));
    const auto corner = sf::Vector2u(static_cast<unsigned>(windowX + left + 600 * scale + 0.5),
                                     static_cast<unsigned>(windowY + top + 300 * scale + 0.5));
    REQUIRE(corner.x < screen.getSize().x);
    REQUIRE(corner.y < screen.getSize().y);
    const sf::Color handle = screen.getPixel(corner.x, corner.y);
    CHECK(handle.r + handle.g + handle.b > 450);  // the handle, not the dark canvas
    run("xdotool mouseup 1 sleep 0.5");
    CHECK(f.read() == kCanvasFixture);  // released: one edit, not saved before Ctrl+S
    run("xdotool key Right sleep 0.3 key shift+Down sleep 0.3 key ctrl+s sleep 0.8");
    std::string pid = readFile(f.folder / "pid");
    std::system(("kill " + pid).c_str());
    CHECK(f.read() == replaced(kCanvasFixture, R"(<text x="100" y="100")", R"(<text x="301" y="210")"));
}

}  // namespace vitrine::studio
