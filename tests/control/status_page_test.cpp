#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "control/status_page.h"
#include "media/media_test_files.h"
#include "support/build_paths.h"

extern char** environ;

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

// A loopback port free now (the kernel's pick), for the player's control server.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &length);
    ::close(fd);
    return ntohs(a.sin_port);
}

// puppeteer-core, from the npm registry into the build folder, once (tools/status-page-test).
std::filesystem::path puppeteerFolder() {
    const auto folder = test::binaryDir() / "status-page-test";
    if (!std::filesystem::exists(folder / "node_modules/puppeteer-core/package.json")) {
        std::filesystem::create_directories(folder);
        for (const char* file : {"package.json", "package-lock.json", "check_status_page.js"})
            std::filesystem::copy_file(test::sourceDir() / "tools/status-page-test" / file, folder / file,
                                       std::filesystem::copy_options::overwrite_existing);
        const std::string npm = run("cd '" + folder.string() + "' && npm ci --no-audit --no-fund --loglevel=error");
        REQUIRE_MESSAGE(std::filesystem::exists(folder / "node_modules/puppeteer-core/package.json"), npm);
    }
    std::filesystem::copy_file(test::sourceDir() / "tools/status-page-test/check_status_page.js",
                               folder / "check_status_page.js", std::filesystem::copy_options::overwrite_existing);
    return folder;
}

// `vitrine play` in a small window, its journal in `log`; killed when this goes.
struct PlayingPlayer {
    pid_t pid = -1;
    PlayingPlayer(const std::filesystem::path& exhibit, const std::filesystem::path& installation,
                  const std::filesystem::path& log) {
        const std::string program = (test::binaryDir() / "bin/vitrine").string();
        std::vector<std::string> args = {program, "play", exhibit.string(), "--installation", installation.string(),
                                         "--windowed", "320x180", "--audio", "off"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~PlayingPlayer() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (::waitpid(pid, &status, WNOHANG) == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
        }
    }
};

bool isBlue(const nlohmann::json& c) { return c.is_array() && c[2] > 150 && c[0] < 60 && c[1] < 60; }
bool isGreen(const nlohmann::json& c) { return c.is_array() && c[1] > 150 && c[0] < 60 && c[2] < 60; }

}  // namespace

TEST_CASE("status page: in headless Chromium against a playing player, on a phone and a desk") {
    REQUIRE_MESSAGE(std::system("chromium --version >/dev/null 2>&1") == 0, "chromium missing: run tools/setup");
    REQUIRE_MESSAGE(std::system("node --version >/dev/null 2>&1") == 0, "node missing: run tools/setup");
    const auto puppeteer = puppeteerFolder();

    test::TempDir dir;
    // Two scenes of a minute, blue and green: the picture tells which is on screen.
    std::ofstream(dir / "exhibit.xml")
        << "<exhibit title=\"Status page test\" size=\"320x180\">"
           "<scene id=\"blue-room\" dur=\"60s\" background=\"#0000c8\"/>"
           "<scene id=\"green-room\" dur=\"60s\" background=\"#00c800\"/></exhibit>";
    const int port = freePort();
    const std::string token = "page-token-42";
    std::ofstream(dir / "installation.xml")
        << "<installation><control http=\"" << port << "\" bind=\"127.0.0.1\" token=\"" << token << "\"/>"
        << "<proof-of-play file=\"" << (dir / "proof.log").string() << "\"/></installation>";
    PlayingPlayer player(dir / "exhibit.xml", dir / "installation.xml", dir / "player.log");
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
    const std::string output = run("timeout 120 node '" + (puppeteer / "check_status_page.js").string() + "' 'http://127.0.0.1:" +
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
