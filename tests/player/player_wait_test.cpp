// The frame loop's wait: a remote command ends it at once, and a closed venue draws nothing.

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "control/operations.h"
#include "player/player.h"
#include "coloured_show.h"
#include "small_window_options.h"
#include "wall_clock_from.h"

using namespace vitrine;
using Clock = std::chrono::steady_clock;

namespace {
bool isRed(const sf::Color& c) { return c.r > 150 && c.g < 50 && c.b < 50; }
bool isBlue(const sf::Color& c) { return c.b > 150 && c.r < 50 && c.g < 50; }
double millisecondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

TEST_CASE("player: a remote command is acted on at once, not at the next frame") {
    test::TempDir dir;
    auto show = test::colouredShow(dir);
    // Noon, 2.5 s into scene a (blue): the command jumps to scene c (red).
    installation::Installation inst;
    inst.startEpoch = test::unixAtLocal(test::kMonday, 12) - seconds(2.5);
    control::Operations operations(inst, [](const std::string&) {}, test::wallClockFrom(test::unixAtLocal(test::kMonday, 12)));
    // Two frames a second: a command that waited for the next frame would wait up to 500 ms.
    constexpr int kFrameRate = 2;
    const double period = 1000.0 / kFrameRate;
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token(), kFrameRate);
    options.operations = &operations;
    options.quitAfter = 20 * kMicrosPerSecond;  // a bound, should the red frame never come
    std::promise<void> secondFrame;
    std::atomic<int> frames = 0;
    std::atomic<bool> sent = false;
    Clock::time_point sentAt{}, redAt{};
    std::mutex times;
    options.frameShown = [&](const sf::Image& picture) {
        const sf::Color centre = picture.getPixel(picture.getSize().x / 2, picture.getSize().y / 2);
        // The second frame keeps to the grid of periods (the first took as long as opening the window).
        if (++frames == 2) {
            CHECK(isBlue(centre));
            secondFrame.set_value();
        }
        if (sent && isRed(centre)) {
            std::lock_guard lock(times);
            redAt = Clock::now();
            stop.request_stop();
        }
    };
    render::RenderResources resources;
    Player player(show, resources, options, [](const std::string&) {});
    std::thread remote([&] {
        secondFrame.get_future().wait();
        // Well inside the wait for the next frame, due 450 ms later.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        {
            std::lock_guard lock(times);
            sentAt = Clock::now();
        }
        sent = true;
        REQUIRE(operations.queue().push({control::ControlCommand::Kind::Scene, "c", "test"}));
    });
    player.run();
    remote.join();
    std::lock_guard lock(times);
    REQUIRE(redAt != Clock::time_point{});
    const double latency = millisecondsBetween(sentAt, redAt);
    MESSAGE("command to frame " << latency << " ms; the frame period is " << period << " ms");
    // The next frame was due 450 ms after the command; drawing a 320x180 frame takes a few ms.
    CHECK(latency < period / 2);
}

TEST_CASE("player: while closed the loop draws nothing, and draws again at the opening") {
    test::TempDir dir;
    auto show = test::colouredShow(dir);
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token(), 30);
    std::vector<std::pair<Clock::time_point, sf::Color>> drawn;
    options.frameShown = [&](const sf::Image& picture) {
        drawn.emplace_back(Clock::now(), picture.getPixel(picture.getSize().x / 2, picture.getSize().y / 2));
    };
    SUBCASE("closed all evening: one black frame, then none") {
        control::Operations operations(test::weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(test::unixAtLocal(test::kMonday, 20)));
        options.operations = &operations;
        options.quitAfter = 1500 * 1000;  // 1.5 s of closed time: 45 frames at 30 fps
        render::RenderResources resources;
        Player player(show, resources, options, [](const std::string&) {});
        const auto start = Clock::now();
        player.run();
        const double ran = millisecondsBetween(start, Clock::now());
        MESSAGE(drawn.size() << " frames drawn in " << ran << " ms of closed time");
        REQUIRE_FALSE(drawn.empty());
        CHECK(drawn.front().second == sf::Color::Black);
        CHECK(drawn.size() == 1);
        CHECK(ran >= 1500);
    }
    SUBCASE("closed until 10:00, opening 0.7 s after the start: frames again within a second") {
        // Before the wall clock is anchored: the closed loop now wakes at the opening itself,
        // so a start taken after the player's construction would make it look early.
        const auto start = Clock::now();
        control::Operations operations(test::weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(test::unixAtLocal(test::kMonday, 10) - seconds(0.7)));
        options.operations = &operations;
        options.quitAfter = 3 * kMicrosPerSecond;
        render::RenderResources resources;
        Player player(show, resources, options, [](const std::string&) {});
        player.run();
        REQUIRE(drawn.size() > 2);
        CHECK(drawn.front().second == sf::Color::Black);
        // The first frame of the show comes at the loop's next turn after the opening.
        auto open = std::find_if(drawn.begin(), drawn.end(), [](const auto& d) { return d.second != sf::Color::Black; });
        REQUIRE(open != drawn.end());
        const double openedAfter = millisecondsBetween(start, open->first);
        MESSAGE("the show's first frame " << openedAfter << " ms after the start, the opening at 700 ms");
        CHECK(openedAfter >= 700);
        CHECK(openedAfter < 700 + 1000 + 300);
        // Closed, nothing was drawn between the black frame and the opening.
        CHECK(open - drawn.begin() == 1);
    }
}

TEST_CASE("player: closed all evening the loop turns only when something changes - not every second") {
    test::TempDir dir;
    auto show = test::colouredShow(dir);
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token(), 30);
    control::Operations operations(test::weekdaysTenToSix(), [](const std::string&) {},
                                   test::wallClockFrom(test::unixAtLocal(test::kMonday, 20)));
    options.operations = &operations;
    options.quitAfter = 3 * kMicrosPerSecond;  // the opening is 14 hours away
    render::RenderResources resources;
    Player player(show, resources, options, [](const std::string&) {});
    const auto start = Clock::now();
    player.run();
    const double ran = millisecondsBetween(start, Clock::now());
    // Each turn reports to the status: the black frame's, the next (nothing to draw, so the
    // sleep begins), and the one at the end. A turn each second made five.
    const auto turns = operations.status().frame;
    MESSAGE(turns << " turns in " << ran << " ms of closed time");
    CHECK(turns == 3);
    CHECK(ran >= 3000);
}
