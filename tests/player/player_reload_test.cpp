#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include "support/free_port.h"
#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "audio/audio_test_media.h"
#include "media/media_test_files.h"
#include "player/compile_options.h"
#include "player/player.h"
#include "small_window_options.h"
#include "wall_clock_from.h"

using namespace vitrine;

namespace {

std::string exhibit(const std::string& title, int firstSceneSeconds) {
    return "<exhibit title=\"" + title + "\" size=\"320x180\">\n"
           "  <scene id=\"a\" dur=\"" + std::to_string(firstSceneSeconds) + "s\"><text>First</text></scene>\n"
           "  <scene id=\"b\" dur=\"20s\"><text>Second</text></scene>\n"
           "</exhibit>\n";
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file);
    out << text;
}

// What the client thread saw, checked on the main thread afterwards.
struct Observed {
    bool started = false;
    nlohmann::json paused, reloaded, failed, fixed;
};

}  // namespace

TEST_CASE("player: reload over HTTP keeps the scene and offset, a broken file keeps the old show and says so") {
    auto dir = std::filesystem::temp_directory_path() / ("vitrine-reload-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "exhibit.xml";
    write(file, exhibit("Version one", 10));
    auto loaded = loadExhibit(file);
    REQUIRE(loaded.show);

    installation::Installation inst;
    inst.control.httpPort = test::freePort();
    std::mutex logMutex;
    std::vector<std::string> log;
    auto sink = [&](const std::string& line) {
        std::lock_guard g(logMutex);
        log.push_back(line);
    };
    control::Operations operations(inst, sink);
    REQUIRE(operations.startServers().empty());

    render::RenderResources resources;
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token());
    options.operations = &operations;
    options.reload = [&] { return reloadShow(file, {}); };
    Player player(std::make_shared<const Show>(*loaded.show), resources, options, sink);

    Observed seen;
    std::thread client([&] {
        httplib::Client http("127.0.0.1", inst.control.httpPort);
        // Waits (bounded) until /status satisfies `ready`; the last status either way.
        auto statusWhen = [&](const std::function<bool(const nlohmann::json&)>& ready) {
            nlohmann::json last;
            for (int i = 0; i < 1000; ++i) {
                if (auto r = http.Get("/status"); r && r->status == 200) {
                    last = nlohmann::json::parse(r->body);
                    if (ready(last)) return last;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            return last;
        };
        seen.started = statusWhen([](const auto& s) { return s["frame"].template get<int>() > 0; })["frame"] > 0;
        http.Post("/scene/b");
        http.Post("/pause");
        seen.paused = statusWhen([](const auto& s) { return s["state"] == "paused" && s["scene"] == "b"; });
        // Scene a grows by 4 s: scene b now starts later, and the player should stay in it.
        write(file, exhibit("Version two", 14));
        http.Post("/reload");
        seen.reloaded = statusWhen([](const auto& s) { return s["exhibit"] == "Version two"; });
        write(file, "<exhibit title=\"Broken\"><scene id=\"a\" dur=\"5s\"><text>unclosed</scene></exhibit>");
        http.Post("/reload");
        seen.failed = statusWhen([](const auto& s) { return !s["problems"].empty(); });
        write(file, exhibit("Version three", 14));
        http.Post("/reload");
        seen.fixed = statusWhen([](const auto& s) { return s["exhibit"] == "Version three" && s["problems"].empty(); });
        stop.request_stop();
    });
    player.run();
    client.join();

    REQUIRE(seen.started);
    REQUIRE(seen.paused["scene"] == "b");
    const double offset = seen.paused["time"].get<double>() - 10.0;
    CHECK(offset >= 0);
    CHECK(offset < 5);
    CHECK(seen.reloaded["exhibit"] == "Version two");
    CHECK(seen.reloaded["scene"] == "b");
    CHECK(seen.reloaded["state"] == "paused");
    CHECK(seen.reloaded["time"].get<double>() == doctest::Approx(14.0 + offset).epsilon(1e-6));
    CHECK(seen.reloaded["problems"].empty());
    // The broken version is refused: the previous one plays on and /status says why.
    CHECK(seen.failed["exhibit"] == "Version two");
    CHECK(seen.failed["scene"] == "b");
    REQUIRE(seen.failed["problems"].size() == 1);
    const std::string problem = seen.failed["problems"][0];
    CHECK(problem.find("reload failed") != std::string::npos);
    CHECK(problem.find("exhibit.xml:1") != std::string::npos);  // names the file and line
    CHECK(seen.fixed["exhibit"] == "Version three");
    CHECK(seen.fixed["problems"].empty());
    bool logged = false;
    for (const auto& line : log) logged = logged || line.find("reload failed") != std::string::npos;
    CHECK(logged);
    std::filesystem::remove_all(dir);
}

namespace {

using SteadyClock = std::chrono::steady_clock;

// How long a reload that reads a large map may take: about 5 s in a release build, several
// times that in the sanitizer build (tools/test --sanitize) on a busy two-core machine.
constexpr std::chrono::seconds kMapReloadLimit{90};

// A GeoJSON of about `megabytes` MB: small square islands in rows over the Caucasus, valid
// (so only its size makes it slow to parse, check and triangulate) unless `brokenAtEnd`:
// then its last feature's coordinates are a string, found only once all else is parsed.
std::string bigMapData(int megabytes, bool brokenAtEnd = false) {
    std::string data = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    char feature[400];
    for (int i = 0; data.size() < std::size_t(megabytes) * 1'000'000; ++i) {
        const double west = 40 + (i % 500) * 0.02, south = 37.5 + (i / 500 % 300) * 0.02;
        std::snprintf(feature, sizeof feature,
                      "%s{\"type\":\"Feature\",\"id\":\"f%d\",\"properties\":{\"name\":\"Island %d\"},"
                      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],"
                      "[%.5f,%.5f],[%.5f,%.5f]]]}}\n",
                      i ? "," : "", i, i, west, south, west + 0.01, south, west + 0.01, south + 0.01, west,
                      south + 0.01, west, south);
        data += feature;
    }
    if (brokenAtEnd) data += ",{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"not a ring\"}}\n";
    return data + "]}\n";
}

// What a player run by `runPlayer` saw: when each frame went on screen, and each log line
// with when it was logged.
struct Timeline {
    std::mutex mutex;
    std::vector<SteadyClock::time_point> frames;
    std::vector<sf::Color> centres;  // the middle pixel of each frame
    std::vector<std::pair<SteadyClock::time_point, std::string>> log;

    std::size_t linesWith(const std::string& text) {
        std::lock_guard g(mutex);
        return std::count_if(log.begin(), log.end(), [&](const auto& l) { return l.second.find(text) != std::string::npos; });
    }
    std::size_t frameCount() {
        std::lock_guard g(mutex);
        return frames.size();
    }
    // When the first line holding `text` was logged (the end of time when none was).
    SteadyClock::time_point whenLogged(const std::string& text) {
        std::lock_guard g(mutex);
        for (const auto& [when, line] : log)
            if (line.find(text) != std::string::npos) return when;
        return SteadyClock::time_point::max();
    }
    // The longest time between two frames shown while [from, to] lasted.
    SteadyClock::duration longestGap(SteadyClock::time_point from, SteadyClock::time_point to) {
        std::lock_guard g(mutex);
        auto longest = SteadyClock::duration::zero();
        for (std::size_t i = 1; i < frames.size(); ++i)
            if (frames[i] > from && frames[i - 1] < to) longest = std::max(longest, frames[i] - frames[i - 1]);
        return longest;
    }
    // Waits (at most `limit`) until `ready` holds; whether it did.
    bool waitFor(const std::function<bool()>& ready, std::chrono::seconds limit = std::chrono::seconds(20)) {
        const auto until = SteadyClock::now() + limit;
        while (!ready()) {
            if (SteadyClock::now() > until) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return true;
    }
};

// Plays `file` (already written) as an installation in a small window while `drive` runs
// on another thread; the player stops when `drive` returns. `drive` checks with CHECK, not
// REQUIRE: an exception leaving its thread would end the test program.
void runPlayer(const std::filesystem::path& file, control::Operations& operations, Timeline& seen,
               const std::function<void()>& drive, AudioDevice audio = AudioDevice::Off) {
    auto loaded = loadExhibit(file);
    REQUIRE(loaded.show);
    render::RenderResources resources;
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token());
    options.operations = &operations;
    options.audio = audio;
    options.reload = [file] { return reloadShow(file, mediaAwareOptions()); };
    options.frameShown = [&](const sf::Image& picture) {
        std::lock_guard g(seen.mutex);
        seen.frames.push_back(SteadyClock::now());
        seen.centres.push_back(picture.getPixel(picture.getSize().x / 2, picture.getSize().y / 2));
    };
    options.quitAfter = 60 * kMicrosPerSecond;  // a bound, should `drive` never return
    auto sink = [&](const std::string& line) {
        std::lock_guard g(seen.mutex);
        seen.log.emplace_back(SteadyClock::now(), line);
    };
    Player player(std::make_shared<const Show>(*loaded.show), resources, options, sink);
    std::thread driver([&] {
        seen.waitFor([&] { return seen.frameCount() > 0; });
        drive();
        stop.request_stop();
    });
    player.run();
    driver.join();
}

void askReload(control::Operations& operations) {
    CHECK(operations.queue().push({control::ControlCommand::Kind::Reload, {}, "test"}));
}

double inMilliseconds(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

const std::int64_t kStartEpoch = *installation::parseIsoInstant("2026-01-20T09:00:00Z");

}  // namespace

TEST_CASE("player: a reload that parses a large map keeps the frames flowing, and the map is ready when it swaps in") {
    test::TempDir dir;
    const auto file = dir / "exhibit.xml";
    write(file, exhibit("Before the map", 60));
    installation::Installation inst;
    inst.startEpoch = kStartEpoch;
    // 5 s into scene a, which the reload keeps.
    control::Operations operations(inst, [](const std::string&) {}, test::wallClockFrom(kStartEpoch + seconds(5)));
    Timeline seen;
    SteadyClock::time_point asked;
    runPlayer(file, operations, seen, [&] {
        write(dir / "big.geojson", bigMapData(8));
        write(file, "<exhibit title=\"With the map\" size=\"320x180\">\n"
                    "  <scene id=\"a\" dur=\"60s\"><text>First</text></scene>\n"
                    "  <scene id=\"m\" dur=\"10s\"><map src=\"big.geojson\" view=\"40,37.5 → 51,43.5\"/></scene>\n"
                    "</exhibit>\n");
        // Frames flow before the reload is asked for.
        const std::size_t before = seen.frameCount();
        seen.waitFor([&] { return seen.frameCount() >= before + 5; });
        asked = SteadyClock::now();
        askReload(operations);
        seen.waitFor([&] { return seen.linesWith("reloaded") + seen.linesWith("reload failed") > 0; }, kMapReloadLimit);
        // Straight to the map scene: its data was loaded before the swap, so its first
        // frame does not wait for it.
        CHECK(operations.queue().push({control::ControlCommand::Kind::Scene, "m", "test"}));
        const std::size_t after = seen.frameCount();
        seen.waitFor([&] { return seen.frameCount() >= after + 5; });
    });
    REQUIRE(seen.linesWith("reload failed") == 0);
    REQUIRE(seen.linesWith("reloaded") == 1);
    // The longest time between two frames while the reload was read, checked and its map
    // triangulated, up to the frame that swapped it in (a frame at 30 fps is 33 ms); then
    // from that frame on, when the map scene is drawn.
    const auto done = seen.whenLogged("reloaded");
    const auto whileReading = seen.longestGap(asked, done), atTheMap = seen.longestGap(done, seen.frames.back());
    MESSAGE("reload took " << inMilliseconds(done - asked) << " ms; longest frame gap meanwhile "
                           << inMilliseconds(whileReading) << " ms, at the map scene's first frames "
                           << inMilliseconds(atTheMap) << " ms");
    // The map must take clearly longer than a frame, or this shows nothing.
    REQUIRE(done - asked > std::chrono::milliseconds(500));
    // About a frame, with room for this shared two-core machine: the worker and other
    // programs take turns with the frame loop (up to 130 ms seen while compiling beside it).
    CHECK(whileReading < std::chrono::milliseconds(300));
    // Drawing this map the first time takes a software renderer about 0.3 s (its islands
    // uploaded and stroked); waiting for its data to load took 3 s.
    CHECK(atTheMap < std::chrono::milliseconds(1000));
    CHECK(seen.linesWith("scene m") > 0);
}

TEST_CASE("player: fifty reloads while playing leave the show exactly on the wall clock") {
    test::TempDir dir;
    const auto file = dir / "exhibit.xml";
    // With sound, as in a museum: each reload also replaces the mixer and its output.
    REQUIRE(test::makeTone(dir / "tone.wav", 440, 0.5, 0, 60, 8000));
    write(file, "<exhibit title=\"Unchanged\" size=\"320x180\">\n"
                "  <scene id=\"a\" dur=\"60s\"><audio src=\"tone.wav\" credit=\"test tone\"/><text>First</text></scene>\n"
                "</exhibit>\n");
    installation::Installation inst;
    inst.startEpoch = kStartEpoch;
    inst.control.httpPort = test::freePort();
    control::Operations operations(inst, [](const std::string&) {}, test::wallClockFrom(kStartEpoch + seconds(5)));
    REQUIRE(operations.startServers().empty());
    Timeline seen;
    std::vector<double> drifts;  // seconds, from /status after the reloads
    runPlayer(file, operations, seen, [&] {
        for (std::size_t i = 1; i <= 50; ++i) {
            askReload(operations);
            if (!seen.waitFor([&] { return seen.linesWith("reloaded") == i; })) {
                FAIL_CHECK("reload " << i << " never swapped in");
                return;
            }
        }
        httplib::Client http("127.0.0.1", inst.control.httpPort);
        // /status as of a frame after the last reload.
        const std::size_t frames = seen.frameCount();
        seen.waitFor([&] { return seen.frameCount() >= frames + 2; });
        for (int i = 0; i < 5; ++i) {
            if (auto r = http.Get("/status"); r && r->status == 200)
                drifts.push_back(nlohmann::json::parse(r->body)["drift"].get<double>());
            std::this_thread::sleep_for(std::chrono::milliseconds(40));
        }
    }, AudioDevice::Null);
    CHECK(seen.linesWith("follows the wall clock again") == 0);
    REQUIRE_FALSE(drifts.empty());
    double worst = 0, best = 1;
    for (double drift : drifts) worst = std::max(worst, std::abs(drift)), best = std::min(best, std::abs(drift));
    MESSAGE("drift from the wall clock after 50 reloads: " << best * 1000 << " to " << worst * 1000 << " ms");
    CHECK(worst <= 0.005);
    // Exactly on it: the sample least disturbed by this busy machine is within the few
    // microseconds between reading the two clocks (without the re-anchoring, the few
    // microseconds each swap takes added up to 0.2 ms).
    CHECK(best <= 0.0001);
}

TEST_CASE("player: a refused reload leaves the show as it was and the frames flowing, and says why once") {
    test::TempDir dir;
    const auto file = dir / "exhibit.xml";
    write(file, "<exhibit title=\"Good\" size=\"320x180\">\n"
                "  <scene id=\"a\" dur=\"60s\" background=\"#00c800\"><text x=\"5%\" y=\"5%\" width=\"20%\">First</text></scene>\n"
                "</exhibit>\n");
    std::string broken, where;
    bool slow = false;  // whether the refusal takes clearly longer than a frame
    SUBCASE("broken XML") {
        broken = "<exhibit title=\"Broken\" size=\"320x180\"><scene id=\"a\" dur=\"5s\" background=\"#c80000\">"
                 "<text>unclosed</scene></exhibit>";
        where = "exhibit.xml:1";
    }
    SUBCASE("a large map whose last feature is broken: refused only after seconds of parsing") {
        write(dir / "big.geojson", bigMapData(8, true));
        broken = "<exhibit title=\"Broken map\" size=\"320x180\">\n"
                 "  <scene id=\"a\" dur=\"60s\" background=\"#c80000\"><text>First</text></scene>\n"
                 "  <scene id=\"m\" dur=\"10s\"><map src=\"big.geojson\" view=\"40,37.5 → 51,43.5\"/></scene>\n"
                 "</exhibit>\n";
        where = "exhibit.xml:3";
        slow = true;
    }
    SUBCASE("a map nested 100,000 deep, which once overflowed the stack and killed the player") {
        write(dir / "deep.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n"
                                    "{\"type\":\"Feature\",\"properties\":{\"deep\":" +
                                        std::string(100'000, '[') + std::string(100'000, ']') +
                                        "},\"geometry\":null}]}\n");
        broken = "<exhibit title=\"Deep map\" size=\"320x180\">\n"
                 "  <scene id=\"a\" dur=\"60s\" background=\"#c80000\"><text>First</text></scene>\n"
                 "  <scene id=\"m\" dur=\"10s\"><map src=\"deep.geojson\" view=\"40,37.5 → 51,43.5\"/></scene>\n"
                 "</exhibit>\n";
        where = "deep.geojson:2";
    }
    installation::Installation inst;
    inst.startEpoch = kStartEpoch;
    control::Operations operations(inst, [](const std::string&) {}, test::wallClockFrom(kStartEpoch + seconds(5)));
    Timeline seen;
    SteadyClock::time_point asked;
    runPlayer(file, operations, seen, [&] {
        write(file, broken);
        asked = SteadyClock::now();
        askReload(operations);
        CHECK(seen.waitFor([&] { return seen.linesWith("reload failed") > 0; }, kMapReloadLimit));
        const std::size_t after = seen.frameCount();
        seen.waitFor([&] { return seen.frameCount() >= after + 10; });
    });
    CHECK(seen.linesWith("reload failed") == 1);  // said once
    CHECK(seen.linesWith("reloaded") == 0);
    for (const auto& [when, line] : seen.log)
        if (line.find("reload failed") != std::string::npos) CHECK(line.find(where) != std::string::npos);
    // Every frame, before, during and after, is the good version's green.
    REQUIRE(seen.centres.size() >= 10);
    for (const auto& c : seen.centres) CHECK(c == sf::Color(0, 200, 0));
    const auto refused = seen.whenLogged("reload failed");
    const auto longest = seen.longestGap(asked, refused);
    MESSAGE("refused after " << inMilliseconds(refused - asked) << " ms; longest frame gap meanwhile "
                             << inMilliseconds(longest) << " ms");
    if (slow) CHECK(refused - asked > std::chrono::milliseconds(500));
    CHECK(longest < std::chrono::milliseconds(300));  // as for a large map that is accepted
}
