#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include "audio/audio_test_media.h"
#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "coloured_show.h"
#include "small_window_options.h"
#include "wall_clock_from.h"

using namespace vitrine;

namespace {

using test::colouredShow;
using test::kGreen;
using test::kMonday;
using test::kSceneLength;
using test::unixAtLocal;
using test::weekdaysTenToSix;

struct Played {
    std::vector<sf::Color> centres;  // the middle pixel of each frame shown
    double loudness = 0;             // RMS of everything the mixer produced
    std::vector<std::string> log;
};

// Plays `show` as an installation in a small window for `frames` frames (and until
// `notBefore`), with the mixer's output captured, and returns what was seen and heard.
Played playInstallation(std::shared_ptr<const Show> show, control::Operations& operations, const test::TempDir& dir,
                        std::size_t frames = 20,
                        std::chrono::steady_clock::time_point notBefore = std::chrono::steady_clock::time_point{}) {
    Played played;
    const auto capture = dir / "heard.wav";
    {
        render::RenderResources resources;
        std::stop_source stop;
        PlayerOptions options = test::smallWindowOptions(stop.get_token());
        options.operations = &operations;
        options.audio = AudioDevice::Null;
        options.audioCapture = capture;
        options.frameShown = [&](const sf::Image& picture) {
            played.centres.push_back(picture.getPixel(picture.getSize().x / 2, picture.getSize().y / 2));
            if (played.centres.size() >= frames && std::chrono::steady_clock::now() >= notBefore) stop.request_stop();
        };
        options.quitAfter = 60 * kMicrosPerSecond;  // a bound, should frames never be shown
        Player player(std::move(show), resources, options, [&](const std::string& line) { played.log.push_back(line); });
        player.run();
    }  // the capture is complete once the player is gone
    auto opened = AudioDecoder::open(capture);
    REQUIRE(opened.ok());
    played.loudness = test::rms(test::readAll(**opened));
    return played;
}

// A wall clock at `hour` on Monday that puts `show` 2 s before a scene change, and the
// instant the change comes: however long the player takes to open (about 0.5 s; more on
// a loaded machine), its frames then cross the change.
struct BeforeSceneChange {
    control::WallClock wallClock;
    std::chrono::steady_clock::time_point change;
};
BeforeSceneChange beforeSceneChange(const installation::Installation& inst, const Show& show, int hour) {
    constexpr Micros kLead = seconds(2);
    const std::int64_t base = test::unixAtLocal(kMonday, hour);
    control::Operations probe(inst, [](const std::string&) {}, [base] { return base; });
    Micros shift = kSceneLength - kLead - probe.wallShowTime(show.duration) % kSceneLength;
    if (shift < 0) shift += kSceneLength;
    return {test::wallClockFrom(base + shift), std::chrono::steady_clock::now() + std::chrono::microseconds(kLead)};
}

}  // namespace

TEST_CASE("player: outside the opening hours the frames are black and the mixer hears nothing") {
    test::TempDir dir;
    auto show = colouredShow(dir);
    SUBCASE("open: the show is seen and heard (the measure can tell)") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(test::unixAtLocal(kMonday, 12)));
        REQUIRE(operations.openNow());
        Played played = playInstallation(show, operations, dir);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c != sf::Color::Black);
        CHECK(played.loudness > 0.1);
    }
    SUBCASE("closed in the evening") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(test::unixAtLocal(kMonday, 20)));
        REQUIRE_FALSE(operations.openNow());
        // One frame: closed, the loop draws the black picture once and then nothing.
        Played played = playInstallation(show, operations, dir, 1);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c == sf::Color::Black);
        CHECK(played.loudness < 1e-4);
    }
    SUBCASE("open, but a remote asked for black") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(test::unixAtLocal(kMonday, 12)));
        REQUIRE(operations.queue().push({control::ControlCommand::Kind::Black, {}, "test"}));
        Played played = playInstallation(show, operations, dir);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c == sf::Color::Black);
        CHECK(played.loudness < 1e-4);
    }
}

TEST_CASE("player: while closed the journal has no scene lines, open it has them") {
    test::TempDir dir;
    auto show = colouredShow(dir);
    for (int hour : {12, 20}) {
        CAPTURE(hour);
        auto clock = beforeSceneChange(weekdaysTenToSix(), *show, hour);
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {}, clock.wallClock);
        Played played = playInstallation(show, operations, dir, 1, clock.change + std::chrono::milliseconds(500));
        int sceneLines = 0;
        for (const auto& line : played.log) sceneLines += line.rfind("scene ", 0) == 0;
        // Closed, the show runs on in the dark, but a night of scene lines would bury the journal.
        CHECK(sceneLines == (hour == 12 ? 1 : 0));
    }
}

TEST_CASE("player: started with an installation's start epoch, the first frame is where the wall clock puts the show") {
    test::TempDir dir;
    auto show = colouredShow(dir);
    installation::Installation inst;
    // Counted from 1970 instead, this instant would be 29.5 s into the show (scene c).
    inst.startEpoch = *installation::parseIsoInstant("2026-01-20T09:00:17Z");
    // Seven loops and 12.5 s after the start: scene b, 2.5 s in.
    const auto wallClockMade = std::chrono::steady_clock::now();
    control::Operations operations(inst, [](const std::string&) {},
                                   test::wallClockFrom(*inst.startEpoch + 7 * show->duration + seconds(12.5)));
    Played played = playInstallation(show, operations, dir, 1);
    const double secondsSinceWallClockMade =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallClockMade).count();
    REQUIRE(played.centres.size() == 1);
    CHECK(played.centres[0] == kGreen);
    // The log gives the first frame's show time to the millisecond: 12.5 s, and later only by
    // as long as the wall clock has run since it was made (opening the player, drawing).
    std::optional<double> firstAt;
    const std::regex firstFrame(R"(first frame on screen .* at 0:(\d\d\.\d\d\d))");
    for (const auto& line : played.log)
        if (std::smatch m; std::regex_search(line, m, firstFrame)) firstAt = std::stod(m[1]);
    REQUIRE(firstAt);
    CHECK(*firstAt >= 12.5);
    CHECK(*firstAt <= 12.5 + secondsSinceWallClockMade);
}

TEST_CASE("player: while calibrating, the proof of play records the test patterns and no scene") {
    test::TempDir dir;
    auto show = colouredShow(dir);
    installation::Installation inst;
    installation::Output output;
    output.id = "main";
    output.width = 320;
    output.height = 180;
    inst.outputs = {output};
    inst.proofOfPlay = installation::ProofOfPlaySettings{dir / "proof.log"};
    for (bool calibrate : {false, true}) {
        CAPTURE(calibrate);
        std::filesystem::remove(dir / "proof.log");
        auto clock = beforeSceneChange(inst, *show, 12);
        control::Operations operations(inst, [](const std::string&) {}, clock.wallClock);
        {
            render::RenderResources resources;
            std::stop_source stop;
            PlayerOptions options = test::smallWindowOptions(stop.get_token());
            options.operations = &operations;
            options.calibrate = calibrate;
            options.frameShown = [&](const sf::Image&) {
                if (std::chrono::steady_clock::now() >= clock.change + std::chrono::milliseconds(500)) stop.request_stop();
            };
            options.quitAfter = 60 * kMicrosPerSecond;
            Player player(show, resources, options, [](const std::string&) {});
            player.run();
        }
        std::string recorded;
        std::istringstream in(test::readTextFile(dir / "proof.log"));
        for (std::string line; std::getline(in, line);) recorded += line.substr(line.find(' ') + 1) + "\n";
        // Open, the scene on screen at start and the one that follows; calibrating, neither.
        if (calibrate) CHECK(recorded == "(started)\n(calibration started)\n");
        else CHECK(std::count(recorded.begin(), recorded.end(), '\n') == 3);
    }
}

TEST_CASE("player: the audio description is heard when the installation says, and when a command says") {
    test::TempDir dir;
    // A silent show but for its audio description: a tone through all of it.
    REQUIRE(test::makeTone(dir / "described.wav", 440, 0.5, 0, 10, 8000));
    std::ofstream(dir / "exhibit.xml")
        << "<exhibit size=\"320x180\"><audio kind=\"description\" src=\"described.wav\" captions=\"described.vtt\" "
           "credit=\"test\"/><scene id=\"a\" dur=\"10s\" background=\"#0000c8\"/></exhibit>";
    auto loaded = loadExhibit(dir / "exhibit.xml");
    REQUIRE(loaded.show);
    auto show = std::make_shared<const Show>(*loaded.show);
    const std::int64_t tuesdayMorning = test::unixAtLocal({2026, 3, 3}, 11);
    auto heard = [&](installation::DescriptionSettings settings, std::int64_t at,
                     std::optional<installation::DescriptionCommand> command = std::nullopt) {
        installation::Installation inst;
        inst.description = std::move(settings);
        control::Operations operations(inst, [](const std::string&) {}, test::wallClockFrom(at));
        if (command) {
            control::ControlCommand c;
            c.kind = control::ControlCommand::Kind::Description;
            c.description = *command;
            c.origin = "test";
            REQUIRE(operations.queue().push(c));
        }
        return playInstallation(show, operations, dir).loudness;
    };
    using installation::DescriptionPlay;
    installation::DescriptionSettings tuesdayMornings{DescriptionPlay::Scheduled, {}};
    tuesdayMornings.schedule.always = false;
    tuesdayMornings.schedule.weekly[1] = {installation::DaySpan{10 * 3600, 12 * 3600}};

    CHECK(heard({DescriptionPlay::Always, {}}, tuesdayMorning) > 0.1);
    CHECK(heard({DescriptionPlay::OnCommand, {}}, tuesdayMorning) < 1e-4);
    CHECK(heard({DescriptionPlay::OnCommand, {}}, tuesdayMorning, installation::DescriptionCommand::On) > 0.1);
    CHECK(heard(tuesdayMornings, tuesdayMorning) > 0.1);
    CHECK(heard(tuesdayMornings, tuesdayMorning, installation::DescriptionCommand::Off) < 1e-4);
    CHECK(heard(tuesdayMornings, test::unixAtLocal({2026, 3, 4}, 11)) < 1e-4);  // Wednesday
}
