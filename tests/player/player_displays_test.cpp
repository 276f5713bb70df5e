// A display that comes back, under Xvfb: the projector's RandR monitor is replaced with
// `xrandr --setmonitor … screen` (the X screen's own monitor gives way to it), removed, and
// set again at another size and place, as a projector unplugged and plugged in again at
// another resolution looks to the player. The screen is grabbed with ffmpeg's x11grab, so
// what is checked is where the picture really is on the desktop, not the window's content.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "control/operations.h"
#include "output/display_probe.h"
#include "player/player.h"
#include "power/child_process.h"
#include "coloured_show.h"
#include "small_window_options.h"

using namespace vitrine;
using namespace std::chrono_literals;

namespace {

const char* const kMonitor = "vitrine-test-projector";

bool run(std::vector<std::string> argv) {
    auto r = power::runChild(argv, "", 10s);
    return r.started && r.exitStatus == 0;
}

bool setMonitor(const installation::PixelRect& r) {
    run({"xrandr", "--delmonitor", kMonitor});  // none there is fine
    // Physical size in millimetres is required by the syntax; the player ignores it.
    return run({"xrandr", "--setmonitor", kMonitor,
                std::to_string(r.width) + "/300x" + std::to_string(r.height) + "/200+" + std::to_string(r.x) + "+" +
                    std::to_string(r.y),
                "screen"});
}

sf::Image grabScreen(const std::filesystem::path& png) {
    sf::Image grabbed;
    if (run({"ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-i", output::displayName(), "-frames:v", "1",
             png.string()}))
        grabbed.loadFromFile(png.string());
    return grabbed;
}

bool lit(sf::Color c) { return c.r + c.g + c.b >= 150; }  // the show's blue, green or red
bool black(sf::Color c) { return c.r + c.g + c.b <= 30; }

// Where the keystone puts the picture's corners, in output pixels (it fits 960x540 and larger).
const installation::Quad kKeystone{{{60, 40}, {880, 20}, {940, 520}, {20, 500}}};

// Whether the grab shows the keystoned picture in `monitor`: lit just inside each keystone
// corner, black just outside it (still on the monitor).
bool keystonedIn(const sf::Image& screen, const installation::PixelRect& monitor, std::string& why) {
    if (screen.getSize().x == 0) {
        why = "no screen grabbed";
        return false;
    }
    const double cx = 480, cy = 270;  // inside the quad: each probe steps toward it
    for (const auto& corner : kKeystone) {
        const double dx = cx > corner.x ? 1 : -1, dy = cy > corner.y ? 1 : -1;
        const auto inside = screen.getPixel(static_cast<unsigned>(monitor.x + corner.x + 14 * dx),
                                            static_cast<unsigned>(monitor.y + corner.y + 14 * dy));
        const auto outside = screen.getPixel(static_cast<unsigned>(monitor.x + corner.x - 8 * dx),
                                             static_cast<unsigned>(monitor.y + corner.y - 8 * dy));
        if (!lit(inside) || !black(outside)) {
            why = "at corner " + std::to_string(static_cast<int>(corner.x)) + "," + std::to_string(static_cast<int>(corner.y)) +
                  " inside " + std::to_string(inside.r) + "," + std::to_string(inside.g) + "," + std::to_string(inside.b) +
                  " outside " + std::to_string(outside.r) + "," + std::to_string(outside.g) + "," + std::to_string(outside.b);
            return false;
        }
    }
    return true;
}

// Seconds until the grab shows the keystoned picture in `monitor` (the last grab kept in
// `png`), or -1 after 15 s.
double secondsUntilKeystonedIn(const installation::PixelRect& monitor, const std::filesystem::path& png) {
    const auto start = std::chrono::steady_clock::now();
    std::string why;
    while (std::chrono::steady_clock::now() - start < 15s) {
        if (keystonedIn(grabScreen(png), monitor, why))
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::this_thread::sleep_for(200ms);
    }
    MESSAGE("not keystoned in the monitor: " << why);
    return -1;
}

}  // namespace

TEST_CASE("player: a display that comes back at another size and place gets the window and the keystone again") {
    REQUIRE(output::displayAnswers(output::displayName()));
    test::TempDir dir;
    auto show = test::colouredShow(dir);
    const installation::PixelRect first{0, 0, 1280, 720}, second{900, 500, 960, 540};
    REQUIRE(setMonitor(first));

    // The site's one projector, sized by whatever display is found, keystoned.
    installation::Installation inst;
    installation::Output projector;
    projector.id = installation::kWholeDisplayOutputId;
    projector.sizedByDisplay = true;
    projector.keystone = kKeystone;
    inst.outputs.push_back(projector);
    std::mutex logMutex;
    std::vector<std::string> log;
    auto logLine = [&](const std::string& line) {
        std::lock_guard lock(logMutex);
        log.push_back(line);
    };
    control::Operations operations(inst, logLine);

    std::stop_source stop;
    std::thread playing([&] {
        render::RenderResources resources;
        PlayerOptions options = test::smallWindowOptions(stop.get_token(), 10);
        options.window.fullscreen = true;
        options.operations = &operations;
        options.quitAfter = 90 * kMicrosPerSecond;  // a bound, should the test never stop it
        Player player(show, resources, options, logLine);
        player.run();
    });

    const double placed = secondsUntilKeystonedIn(first, dir / "first.png");
    MESSAGE("keystoned on the first monitor after " << placed << " s");
    CHECK(placed >= 0);

    // Unplugged: the X screen's own monitor is back meanwhile; then the projector returns,
    // at another resolution and place.
    REQUIRE(run({"xrandr", "--delmonitor", kMonitor}));
    std::this_thread::sleep_for(1500ms);
    REQUIRE(setMonitor(second));
    const double back = secondsUntilKeystonedIn(second, dir / "second.png");
    MESSAGE("keystoned on the returned monitor after " << back << " s");
    CHECK(back >= 0);
    CHECK(back < 5);

    stop.request_stop();
    playing.join();
    run({"xrandr", "--delmonitor", kMonitor});
    std::lock_guard lock(logMutex);
    CHECK(std::find(log.begin(), log.end(), "outputs: window placed over 960x540 at 900,500") != log.end());
    if (const char* keep = std::getenv("VITRINE_KEEP_GRABS")) {
        std::filesystem::copy_file(dir / "first.png", std::filesystem::path(keep) / "displays-first.png",
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(dir / "second.png", std::filesystem::path(keep) / "displays-second.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
}
