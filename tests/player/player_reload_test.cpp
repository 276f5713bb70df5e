#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "small_window_options.h"

using namespace vitrine;

namespace {

// A port nobody listens on now: bind to 0, read what the kernel chose, let it go.
int freeTcpPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

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
    inst.control.httpPort = freeTcpPort();
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
    options.reload = [&] { return reloadShow(file, {}, {}); };
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
