// Displays that come and go, under Xvfb: RandR monitors are added and removed with
// `xrandr --setmonitor/--delmonitor` (what a projector unplugged and plugged in again looks
// like to the player), on an Xvfb of the test's own, and the watcher must say within a few seconds which output is
// missing, and when it is back.
#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "power/display_watch.h"
#include "power/child_process.h"
#include "support/private_display.h"

using namespace vitrine;
using namespace vitrine::power;
using namespace std::chrono_literals;

namespace {

installation::Output outputAt(std::string id, int x, int y, int width, int height) {
    installation::Output o;
    o.id = std::move(id);
    o.positionX = x;
    o.positionY = y;
    o.width = width;
    o.height = height;
    return o;
}

bool xrandr(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"xrandr"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    auto r = power::runChild(argv, "", 5s);
    return r.started && r.exitStatus == 0;
}

// Seconds until `done` holds (checked every 20 ms), or -1 after 10 s.
double secondsUntil(const std::function<bool()>& done) {
    auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < 10s) {
        if (done()) return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::this_thread::sleep_for(20ms);
    }
    return -1;
}

}  // namespace

TEST_CASE("display watch: an output is missing when no monitor covers its rectangle") {
    std::vector<installation::Output> outputs{outputAt("left", 0, 0, 1920, 1080), outputAt("right", 1920, 0, 1920, 1080)};
    std::vector<power::MonitorRect> both{{"HDMI-1", 0, 0, 1920, 1080}, {"HDMI-2", 1920, 0, 1920, 1080}};
    CHECK(missingOutputs(outputs, both).empty());
    CHECK(missingOutputs(outputs, {{"screen", 0, 0, 3840, 1080}}).empty());
    CHECK(missingOutputs(outputs, {both[0]}) == std::vector<std::string>{"output 'right' (1920x1080 at 1920,0)"});
    CHECK(missingOutputs(outputs, {{"HDMI-2", 1920, 0, 1280, 720}}).size() == 2);  // too small for either
}

TEST_CASE("display watch: a lone display-sized output is whatever display there is, missing only with none") {
    installation::Output whole;
    whole.id = "main";
    whole.sizedByDisplay = true;  // no resolution: the 1920x1080 default says nothing
    const std::vector<power::MonitorRect> small{{"HDMI-1", 100, 50, 1280, 720}};
    CHECK(missingOutputs({whole}, small).empty());
    CHECK(missingOutputs({}, small).empty());  // no <output>: the implicit one
    CHECK(missingOutputs({whole}, {}) == std::vector<std::string>{"output 'main' (the whole display)"});
    CHECK(missingOutputs({}, {}) == std::vector<std::string>{"output 'main' (the whole display)"});
}

TEST_CASE("display watch: under Xvfb a monitor removed and restored is noticed within seconds, both ways") {
    test::PrivateDisplay privateDisplay;  // monitors set here are no other test's
    const std::string display = displayName();
    REQUIRE(displayAnswers(display));
    const std::vector<std::string> monitor{"--setmonitor", "vitrine-test-right", "1280/338x720/190+1920+0", "none"};
    xrandr({"--delmonitor", "vitrine-test-right"});  // left over from an interrupted run, if any
    std::vector<installation::Output> outputs{outputAt("left", 0, 0, 1280, 720), outputAt("right", 1920, 0, 1280, 720)};
    std::mutex logMutex;
    std::vector<std::string> log;
    DisplayWatcher watcher(
        outputs, [display] { return monitors(display); },
        [&](const std::string& line) {
            std::lock_guard lock(logMutex);
            log.push_back(line);
        },
        200ms);
    const std::vector<std::string> rightMissing{"display missing for output 'right' (1280x720 at 1920,0)"};
    CHECK(secondsUntil([&] { return watcher.problems() == rightMissing; }) >= 0);

    REQUIRE(xrandr(monitor));
    double back = secondsUntil([&] { return watcher.problems().empty(); });
    MESSAGE("a restored display was noticed after " << back << " s");
    CHECK(back >= 0);
    CHECK(back < 3);

    REQUIRE(xrandr({"--delmonitor", "vitrine-test-right"}));
    double gone = secondsUntil([&] { return watcher.problems() == rightMissing; });
    MESSAGE("a removed display was noticed after " << gone << " s");
    CHECK(gone >= 0);
    CHECK(gone < 3);
    std::lock_guard lock(logMutex);
    CHECK(log == std::vector<std::string>{"outputs: display missing for output 'right' (1280x720 at 1920,0)",
                                          "outputs: display back for output 'right' (1280x720 at 1920,0)",
                                          "outputs: display missing for output 'right' (1280x720 at 1920,0)"});
}
