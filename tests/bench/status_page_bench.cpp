// Benchmark of the status page's cost to the show: the frame loop's frame time p95 with
// the status page open and refreshing (the page's own rhythm: /status and /screen.png every
// few seconds, so a screen copy every few seconds) against the same show with no one
// watching, in alternating runs of the real player. Target: at most 1.05x.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <httplib.h>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "control/operations.h"
#include "control/status_page.h"
#include "bench_player.h"
#include "player/player.h"
#include "render/render_resources.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

constexpr Micros kRun = 12 * kMicrosPerSecond;  // a little over the 600-frame window at 60 fps
constexpr int kRounds = 5;

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &length);
    ::close(fd);
    return ntohs(a.sin_port);
}

struct RunResult {
    Micros p95 = 0, p99 = 0, max = 0;
    int pictures = 0;  // screen pictures the page received
};

// Plays `show` in a 1920x1080 window for kRun as an installation with an HTTP server; with
// `watched`, a client does what the open status page does.
RunResult playOnce(const std::shared_ptr<const Show>& show, render::RenderResources& resources, bool watched) {
    installation::Installation inst;
    inst.control.httpPort = freeLoopbackPort();
    // The same stretch of the show every run: its start is "now".
    inst.startEpoch = installation::systemNowMicros();
    control::Operations operations(inst, [](const std::string&) {});
    for (const auto& problem : operations.startServers()) std::fprintf(stderr, "bench: %s\n", problem.c_str());
    RunResult result;
    std::atomic<bool> done{false};
    std::thread page;
    if (watched)
        page = std::thread([&] {
            httplib::Client client("127.0.0.1", inst.control.httpPort);
            client.Get("/");
            while (!done) {
                client.Get("/status");
                if (auto r = client.Get("/screen.png"); r && r->status == 200) ++result.pictures;
                for (int i = 0; i < control::kStatusPageRefreshSeconds * 10 && !done; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    const PlayerOptions options = benchPlayerOptions(operations, kRun);
    control::PlayerStatus status;
    {
        Player player(show, resources, options, [](const std::string&) {});
        player.run();
        status = operations.status();
    }
    done = true;
    if (page.joinable()) page.join();
    result.p95 = status.frameTime.p95;
    result.p99 = status.frameTime.p99;
    result.max = status.frameTime.max;
    return result;
}

}  // namespace

int runStatusPageBench() {
    auto show = twoSceneShow(fs::temp_directory_path() / "vitrine-status-page-bench", "status-page",
                             "The status page watches the show from afar.",
                             "A picture of the screen every few seconds, copied and encoded off the frame loop.");
    if (!show) return 1;
    render::RenderResources resources;
    std::vector<Micros> alone, watched;
    int pictures = 0;
    for (int round = 0; round < kRounds; ++round) {
        // Alternating, so the machine's drift in load falls on both sides alike.
        for (bool w : {round % 2 == 1, round % 2 == 0}) {
            RunResult r = playOnce(show, resources, w);
            (w ? watched : alone).push_back(r.p95);
            if (w) pictures += r.pictures;
            std::printf("status page: round %d %-9s frame time p95 %.2f ms, p99 %.2f ms, worst %.2f ms%s\n", round + 1,
                        w ? "watched" : "unwatched", r.p95 / 1000.0, r.p99 / 1000.0, r.max / 1000.0,
                        w ? (", " + std::to_string(r.pictures) + " pictures").c_str() : "");
        }
    }
    const Micros a = median(alone), b = median(watched);
    const double ratio = a > 0 ? static_cast<double>(b) / static_cast<double>(a) : 0;
    std::printf("status page: frame time p95 with the page open %.2f ms vs without %.2f ms (median of %d runs "
                "each): %.3fx (target <= 1.05x); %d pictures served\n",
                b / 1000.0, a / 1000.0, kRounds, ratio, pictures);
    return 0;
}

}  // namespace vitrine::bench
