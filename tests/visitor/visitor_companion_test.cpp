#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "media/media_test_files.h"
#include "support/free_port.h"
#include "support/loopback_client.h"
#include "support/playing_player.h"

using namespace vitrine;

namespace {

using Clock = std::chrono::steady_clock;

// A playing player with a control API (to read its frames and move it) and a visitors' page.
struct Installation {
    test::TempDir dir;
    int control = test::freePort(), visitor = test::freePort();
    httplib::Headers auth{{"Authorization", "Bearer t0ken"}};
    std::unique_ptr<test::PlayingPlayer> player;

    Installation() {
        std::ofstream(dir / "exhibit.xml") << R"(<exhibit title="Companion" size="320x180" lang="en">
  <scene id="one" title="First room" dur="5s"><text>Hello</text></scene>
  <scene id="two" title="Second room" dur="5s"/>
</exhibit>)";
        std::ofstream(dir / "installation.xml")
            << "<installation><control http=\"" << control << "\" bind=\"127.0.0.1\" token=\"t0ken\"/>"
            << "<visitor-page port=\"" << visitor << "\" bind=\"127.0.0.1\"/></installation>";
        player = std::make_unique<test::PlayingPlayer>(dir / "exhibit.xml", dir / "installation.xml", dir / "player.log");
        for (int i = 0; i < 150 && frames() <= 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    nlohmann::json status() {
        httplib::Client c("127.0.0.1", control);
        auto r = c.Get("/status", auth);
        return r && r->status == 200 ? nlohmann::json::parse(r->body) : nlohmann::json();
    }
    std::int64_t frames() {
        auto s = status();
        return s.is_object() ? s["frame"].get<std::int64_t>() : -1;
    }
    // Frames drawn over `seconds` while `during` runs (on this thread).
    template <class F>
    std::int64_t framesWhile(double seconds, F during) {
        const auto first = frames();
        const auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (Clock::now() < end) during();
        return frames() - first;
    }
};

}  // namespace

TEST_CASE("visitor companion: the player serves its clock and text and moves the generation on a jump") {
    Installation site;
    INFO(test::readTextFile(site.dir / "player.log"));
    REQUIRE(site.frames() > 0);
    httplib::Client visitor("127.0.0.1", site.visitor);
    auto text = nlohmann::json::parse(visitor.Get("/text.json")->body);
    CHECK(text["scenes"][0]["title"] == "First room");
    CHECK(text["scenes"][0]["text"]["en"][0] == "Hello");
    auto before = nlohmann::json::parse(visitor.Get("/clock")->body);
    CHECK(before["state"] == "playing");
    CHECK(before["duration"].get<double>() == doctest::Approx(10));
    httplib::Client control("127.0.0.1", site.control);
    REQUIRE(control.Post("/scene/two", site.auth, "", "text/plain")->status == 202);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto after = nlohmann::json::parse(visitor.Get("/clock")->body);
    CHECK(after["generation"] != before["generation"]);
    CHECK(after["time"].get<double>() >= 5);
    CHECK(after["time"].get<double>() < 6);
    REQUIRE(control.Post("/pause", site.auth, "", "text/plain")->status == 202);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(nlohmann::json::parse(visitor.Get("/clock")->body)["state"] == "paused");
    // The visitors' port changes nothing: a command sent to it is 404, the show stays paused.
    CHECK(visitor.Post("/play")->status == 404);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(site.status()["state"] == "paused");
}

TEST_CASE("visitor companion: slow clients and a flood of bad requests on the visitors' port leave the frames coming") {
    Installation site;
    INFO(test::readTextFile(site.dir / "player.log"));
    REQUIRE(site.frames() > 0);
    const auto quiet = site.framesWhile(3, [] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); });
    // Slowloris from 16 addresses, every connection each allows, each sending a byte now and then.
    std::vector<int> slow;
    for (int a = 1; a <= 16; ++a) {
        const std::string from = "127.0.3." + std::to_string(a);
        for (int i = 0; i < 4; ++i) slow.push_back(test::connectLoopback(site.visitor, from.c_str()));
    }
    int round = 0, flooded = 0;
    const auto attacked = site.framesWhile(3, [&] {
        for (int fd : slow) ::send(fd, "G", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
        // Bad paths, traversal and commands, from ever new addresses (past the rate limit).
        for (const char* bad : {"GET /../../etc/passwd HTTP/1.1\r\n\r\n", "POST /play HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
                                "GET /status HTTP/1.1\r\n\r\n"}) {
            const std::string from = "127.0.4." + std::to_string(1 + round++ % 250);
            flooded += !test::rawExchange(site.visitor, bad, true, from.c_str()).empty();
        }
    });
    for (int fd : slow) ::close(fd);
    MESSAGE("frames in 3 s: " << quiet << " quiet, " << attacked << " under " << slow.size() << " slow clients and "
                              << flooded << " bad requests");
    CHECK(flooded > 30);
    CHECK(attacked >= quiet / 2);
    CHECK(site.status()["state"] == "playing");
}
