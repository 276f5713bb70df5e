// A display that comes back, under Xvfb: the projector's RandR monitor is replaced with
// `xrandr --setmonitor … screen` (the X screen's own monitor gives way to it), removed, and
// set again at another size and place, as a projector unplugged and plugged in again at
// another resolution looks to the player. The screen is grabbed with ffmpeg's x11grab, so
// what is checked is where the picture really is on the desktop, not the window's content.
// Each case has an Xvfb of its own, so no other test's window lies over what is grabbed.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "control/operations.h"
#include "power/display_probe.h"
#include "player/player.h"
#include "power/child_process.h"
#include "coloured_show.h"
#include "small_window_options.h"
#include "support/free_port.h"
#include "support/private_display.h"

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
    if (run({"ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-i", power::displayName(), "-frames:v", "1",
             png.string()}))
        grabbed.loadFromFile(png.string());
    return grabbed;
}

// VITRINE_KEEP_GRABS=FOLDER keeps the screen grabs, to look at.
void keepGrab(const std::filesystem::path& png, const std::string& name) {
    if (const char* keep = std::getenv("VITRINE_KEEP_GRABS"))
        std::filesystem::copy_file(png, std::filesystem::path(keep) / name, std::filesystem::copy_options::overwrite_existing);
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

// A fullscreen player of `inst` on its own thread, stopped and joined at the end of scope.
struct PlayingInstallation {
    PlayingInstallation(std::shared_ptr<const Show> show, const installation::Installation& inst)
        : operations(inst, [this](const std::string& line) { note(line); }) {
        REQUIRE(operations.startServers().empty());
        thread = std::thread([this, show] {
            render::RenderResources resources;
            PlayerOptions options = test::smallWindowOptions(stopSource.get_token(), 10);
            options.window.fullscreen = true;
            options.operations = &operations;
            options.quitAfter = 90 * kMicrosPerSecond;  // a bound, should the test never stop it
            Player player(show, resources, options, [this](const std::string& line) { note(line); });
            player.run();
        });
    }
    ~PlayingInstallation() { stop(); }
    void stop() {
        stopSource.request_stop();
        if (thread.joinable()) thread.join();
    }
    void note(const std::string& line) {
        std::lock_guard lock(mutex);
        log.push_back(line);
    }
    bool logged(const std::string& line) {
        std::lock_guard lock(mutex);
        return std::find(log.begin(), log.end(), line) != log.end();
    }

    std::mutex mutex;
    std::vector<std::string> log;
    control::Operations operations;
    std::stop_source stopSource;
    std::thread thread;
};

}  // namespace

TEST_CASE("player: a display that comes back at another size and place gets the window and the keystone again") {
    test::PrivateDisplay privateDisplay;  // no other test's window over the grab, no other's monitors
    REQUIRE(power::displayAnswers(power::displayName()));
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
    PlayingInstallation playing(show, inst);

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

    playing.stop();
    run({"xrandr", "--delmonitor", kMonitor});
    CHECK(playing.logged("outputs: window placed over 960x540 at 900,500"));
    keepGrab(dir / "first.png", "displays-first.png");
    keepGrab(dir / "second.png", "displays-second.png");
}

TEST_CASE("player: an output whose display is away is in /status meanwhile, and gets its window and keystone back") {
    test::PrivateDisplay privateDisplay;  // no other test's window over the grab, no other's monitors
    REQUIRE(power::displayAnswers(power::displayName()));
    test::TempDir dir;
    auto show = test::colouredShow(dir);
    const installation::PixelRect projector{900, 500, 960, 540};
    REQUIRE(setMonitor(projector));

    installation::Installation inst;
    installation::Output wall;
    wall.id = "wall";
    wall.width = projector.width;
    wall.height = projector.height;
    wall.positionX = projector.x;
    wall.positionY = projector.y;
    wall.keystone = kKeystone;
    inst.outputs.push_back(wall);
    inst.control.httpPort = test::freePort();
    PlayingInstallation playing(show, inst);
    httplib::Client client("127.0.0.1", inst.control.httpPort);
    auto problems = [&] {
        auto r = client.Get("/status");
        return r ? nlohmann::json::parse(r->body)["problems"].dump() : std::string("no answer");
    };
    CHECK(secondsUntilKeystonedIn(projector, dir / "before.png") >= 0);

    // Unplugged: only a small monitor is left, and the desktop moves the player's window
    // onto it (as a desktop does with windows on a display that is gone).
    run({"xrandr", "--delmonitor", kMonitor});
    REQUIRE(run({"xrandr", "--setmonitor", "vitrine-test-other", "320/100x180/60+0+0", "screen"}));
    const std::string missing = R"j(["display missing for output 'wall' (960x540 at 900,500)"])j";
    const auto start = std::chrono::steady_clock::now();
    while (problems() != missing && std::chrono::steady_clock::now() - start < 10s) std::this_thread::sleep_for(100ms);
    CHECK(problems() == missing);
    // The player's window, moved as a desktop moves windows off a display that is gone.
    REQUIRE(run({"xdotool", "search", "--onlyvisible", "--pid", std::to_string(getpid()), "--name", "^Vitrine$", "windowmove", "%@", "0", "0",
                 "windowsize", "%@", "320", "180"}));
    std::this_thread::sleep_for(1500ms);
    CHECK(problems() == missing);  // the show goes on: the loop still publishes

    run({"xrandr", "--delmonitor", "vitrine-test-other"});
    REQUIRE(setMonitor(projector));
    const double back = secondsUntilKeystonedIn(projector, dir / "after.png");
    MESSAGE("keystoned on the returned display after " << back << " s");
    CHECK(back >= 0);
    CHECK(back < 5);
    // The picture comes back when the window is re-placed; the status is published by
    // the next frame after the display watch's own re-check, so wait for it, bounded.
    const auto cleared = std::chrono::steady_clock::now();
    while (problems() != "[]" && std::chrono::steady_clock::now() - cleared < 5s) std::this_thread::sleep_for(100ms);
    CHECK(problems() == "[]");
    playing.stop();
    run({"xrandr", "--delmonitor", kMonitor});
    keepGrab(dir / "after.png", "displays-away-after.png");
}
