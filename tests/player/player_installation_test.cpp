#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <thread>

#include "audio/audio_test_media.h"
#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "small_window_options.h"
#include "wall_clock_from.h"

using namespace vitrine;

namespace {

constexpr Micros kSceneLength = seconds(10);
const sf::Color kGreen(0, 200, 0);  // scene b's background

// Three scenes of 10 s, each its own background colour and each with a tone throughout.
std::shared_ptr<const Show> colouredShow(const test::TempDir& dir) {
    REQUIRE(test::makeTone(dir / "tone.wav", 440, 0.5, 0, 10, 8000));
    std::string scenes;
    for (const char* scene : {"id=\"a\" background=\"#0000c8\"", "id=\"b\" background=\"#00c800\"",
                              "id=\"c\" background=\"#c80000\""})
        scenes += std::string("<scene dur=\"10s\" ") + scene + "><audio src=\"tone.wav\" credit=\"test tone\"/></scene>";
    std::ofstream(dir / "exhibit.xml") << "<exhibit size=\"320x180\">" + scenes + "</exhibit>";
    auto loaded = loadExhibit(dir / "exhibit.xml");
    REQUIRE(loaded.show);
    REQUIRE(loaded.show->duration == 3 * kSceneLength);
    return std::make_shared<const Show>(*loaded.show);
}

// The Unix time, in µs, at which this machine's local clock reads `date` `hour`:00.
std::int64_t unixAtLocal(installation::CivilDate date, int hour) {
    std::tm local{};
    local.tm_year = date.year - 1900;
    local.tm_mon = date.month - 1;
    local.tm_mday = date.day;
    local.tm_hour = hour;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local)) * kMicrosPerSecond;
}

struct Played {
    std::vector<sf::Color> centres;  // the middle pixel of each frame shown
    double loudness = 0;             // RMS of everything the mixer produced
    std::vector<std::string> log;
};

// Plays `show` as an installation in a small window for `frames` frames, with the mixer's
// output captured, and returns what was seen and heard.
Played playInstallation(std::shared_ptr<const Show> show, control::Operations& operations, const test::TempDir& dir,
                        std::size_t frames = 20) {
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
            if (played.centres.size() >= frames) stop.request_stop();
        };
        options.quitAfter = 60 * kMicrosPerSecond;  // a bound, should frames never be shown
        Player player(std::move(show), resources, options, [&](const std::string& line) { played.log.push_back(line); });
        player.run();
    }  // the capture is complete once the player is gone
    AudioOpenResult opened = AudioDecoder::open(capture);
    REQUIRE(opened.ok());
    played.loudness = test::rms(test::readAll(*opened.decoder));
    return played;
}

installation::Installation weekdaysTenToSix() {
    installation::Installation inst;
    inst.hours.always = false;
    for (int day = 0; day < 5; ++day) inst.hours.weekly[day] = {installation::DaySpan{10 * 3600, 18 * 3600}};
    return inst;
}

// 2026-03-02 is a Monday.
constexpr installation::CivilDate kMonday{2026, 3, 2};

}  // namespace

TEST_CASE("player: outside the opening hours the frames are black and the mixer hears nothing") {
    test::TempDir dir;
    auto show = colouredShow(dir);
    SUBCASE("open: the show is seen and heard (the measure can tell)") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(unixAtLocal(kMonday, 12)));
        REQUIRE(operations.openNow());
        Played played = playInstallation(show, operations, dir);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c != sf::Color::Black);
        CHECK(played.loudness > 0.1);
    }
    SUBCASE("closed in the evening") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(unixAtLocal(kMonday, 20)));
        REQUIRE_FALSE(operations.openNow());
        Played played = playInstallation(show, operations, dir);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c == sf::Color::Black);
        CHECK(played.loudness < 1e-4);
    }
    SUBCASE("open, but a remote asked for black") {
        control::Operations operations(weekdaysTenToSix(), [](const std::string&) {},
                                       test::wallClockFrom(unixAtLocal(kMonday, 12)));
        REQUIRE(operations.queue().push({control::ControlCommand::Kind::Black, {}, "test"}));
        Played played = playInstallation(show, operations, dir);
        REQUIRE_FALSE(played.centres.empty());
        for (const auto& c : played.centres) CHECK(c == sf::Color::Black);
        CHECK(played.loudness < 1e-4);
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
