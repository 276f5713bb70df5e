#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "control/status_page.h"
#include "media/media_test_files.h"
#include "support/build_paths.h"
#include "support/free_port.h"
#include "support/playing_player.h"
#include "support/puppeteer.h"

using namespace vitrine;

namespace {

std::string run(const std::string& command) {
    std::string output;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    pclose(pipe);
    return output;
}

bool isBlue(const nlohmann::json& c) { return c.is_array() && c[2] > 150 && c[0] < 60 && c[1] < 60; }
bool isGreen(const nlohmann::json& c) { return c.is_array() && c[1] > 150 && c[0] < 60 && c[2] < 60; }

}  // namespace

TEST_CASE("status page: in headless Chromium against a playing player, on a phone and a desk") {
    const auto script = test::puppeteerScript("tools/status-page-test/check_status_page.js");

    test::TempDir dir;
    // Two scenes of a minute, blue and green: the picture tells which is on screen.
    std::ofstream(dir / "exhibit.xml")
        << "<exhibit title=\"Status page test\" size=\"320x180\">"
           "<scene id=\"blue-room\" dur=\"60s\" background=\"#0000c8\"/>"
           "<scene id=\"green-room\" dur=\"60s\" background=\"#00c800\"/></exhibit>";
    const int port = test::freePort();
    const std::string token = "page-token-42";
    std::ofstream(dir / "installation.xml")
        << "<installation><control http=\"" << port << "\" bind=\"127.0.0.1\" token=\"" << token << "\"/>"
        << "<proof-of-play file=\"" << (dir / "proof.log").string() << "\"/></installation>";
    test::PlayingPlayer player(dir / "exhibit.xml", dir / "installation.xml", dir / "player.log");
    REQUIRE(player.pid > 0);
    httplib::Client client("127.0.0.1", port);
    bool up = false;
    for (int i = 0; i < 150 && !up; ++i) {
        auto r = client.Get("/status", httplib::Headers{{"Authorization", "Bearer " + token}});
        up = r && r->status == 200 && nlohmann::json::parse(r->body)["frame"].get<int>() > 0;
        if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    INFO(test::readTextFile(dir / "player.log"));
    REQUIRE(up);
    // The show starts where the wall clock puts it, perhaps a second before the scene
    // changes: jump to the blue scene's start, where it stays a minute, so every change the
    // page sees is the one its Next button makes.
    REQUIRE(client.Post("/scene/blue-room", httplib::Headers{{"Authorization", "Bearer " + token}}, "", "text/plain")->status == 202);
    bool blue = false;
    for (int i = 0; i < 50 && !blue; ++i) {
        blue = nlohmann::json::parse(client.Get("/status", httplib::Headers{{"Authorization", "Bearer " + token}})->body)["scene"] == "blue-room";
        if (!blue) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE(blue);

    const auto shots = test::binaryDir() / "status-page";  // the screenshots, to look at
    std::filesystem::create_directories(shots);
    const std::string output = run("timeout 120 node '" + script.string() + "' 'http://127.0.0.1:" +
                                   std::to_string(port) + "/' '" + token + "' '" + shots.string() + "'");
    INFO(output);
    const auto seen = nlohmann::json::parse(output.substr(output.rfind("\n{") == std::string::npos ? 0 : output.rfind("\n{") + 1),
                                            nullptr, false);
    REQUIRE_FALSE(seen.is_discarded());
    REQUIRE_FALSE(seen.contains("error"));
    // Readable on a 390 px phone: nothing wider than the screen.
    CHECK(seen["pageWidth"].get<int>() <= 390);
    // The picture is the screen: blue with the first scene, green after Next.
    CHECK(seen["firstScene"] == "blue-room");
    CHECK(isBlue(seen["firstColour"]));
    CHECK(seen["withoutToken"].get<std::string>().find("refused (401)") == 0);
    CHECK(seen["sceneAfterRefusal"] == "blue-room");
    CHECK(seen["withToken"] == "next: sent");
    CHECK(seen["nextScene"] == "green-room");
    CHECK(isGreen(seen["nextColour"]));
    // JavaScript off: the server's HTML says what plays; the buttons (which need it) are hidden.
    CHECK(seen["noScriptScene"] == "green-room");
    CHECK(seen["noScriptRoom"] == "open");
    CHECK(seen["noScriptFrames"].get<std::string>().find(" drawn, ") != std::string::npos);
    CHECK(seen["noScriptControlsHidden"] == true);
    for (const char* shot : {"phone.png", "phone-after-next.png", "desktop.png", "phone-no-javascript.png"})
        CHECK(std::filesystem::file_size(shots / shot) > 1000);
    // The proof of play has the scene on screen at start, then the one Next brought.
    const std::string proof = test::readTextFile(dir / "proof.log");
    CHECK(proof.find("(started)\n") != std::string::npos);
    CHECK(proof.find("blue-room\n") != std::string::npos);
    CHECK(proof.find("green-room\n") != std::string::npos);
}
