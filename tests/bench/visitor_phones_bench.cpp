// Benchmark of the visitors' page's cost to the show: the frame loop's frame time p95 while
// 300 simulated phones on loopback (each its own address, 127.0.5.1 to 127.0.6.50) ask for
// the clock once a second, as the page does, against the same show with no phone, in
// alternating runs of the real player; and the memory the phones cost, per phone.
// Target: at most 1.05x. The phones are bounded: 300, for the run's 12 s.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "control/operations.h"
#include "control/resident_memory.h"
#include "bench_player.h"
#include "player/player.h"
#include "render/render_resources.h"
#include "visitor/visitor_companion.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

constexpr Micros kRun = 12 * kMicrosPerSecond;
constexpr int kRounds = 3;
constexpr int kPhones = 300;
constexpr int kPhoneThreads = 6;  // each plays 50 phones in turn

// One request for /clock from `from`; whether a whole 200 came back.
bool askClock(int port, const std::string& from) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in source{}, server{};
    source.sin_family = server.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &source.sin_addr);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    server.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) == 0 &&
              ::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
    static constexpr char kRequest[] = "GET /clock HTTP/1.1\r\nHost: vitrine\r\n\r\n";
    ok = ok && ::send(fd, kRequest, sizeof kRequest - 1, MSG_NOSIGNAL) > 0;
    char reply[512];
    const ssize_t n = ok ? ::recv(fd, reply, sizeof reply, 0) : -1;
    ::close(fd);
    return n > 12 && std::string(reply, 12) == "HTTP/1.1 200";
}

std::string phoneAddress(int phone) { return "127.0." + std::to_string(5 + phone / 250) + "." + std::to_string(1 + phone % 250); }

struct RunResult {
    Micros p95 = 0;
    long answered = 0, refused = 0;
    std::int64_t residentGrowth = 0;  // bytes, from before the phones to the run's end
};

RunResult playOnce(const std::shared_ptr<const Show>& show, render::RenderResources& resources, bool phones) {
    installation::Installation inst;
    inst.startEpoch = installation::systemNowMicros();
    control::Operations operations(inst, [](const std::string&) {});
    visitor::VisitorCompanion companion(*show, [](const std::string&) {});
    installation::VisitorPageSettings page;
    page.bindAddress = "127.0.0.1";
    if (auto e = companion.start(page)) std::fprintf(stderr, "bench: %s\n", e->message.c_str());
    operations.onFrame([&](const control::PlayerStatus& s, std::int64_t at) { companion.follow(s, at); });
    RunResult result;
    const auto before = residentSet();
    std::atomic<bool> done{false};
    std::atomic<long> answered{0}, refused{0};
    std::vector<std::thread> threads;
    if (phones)
        for (int t = 0; t < kPhoneThreads; ++t)
            threads.emplace_back([&, t] {
                // Each phone asks once a second, the thread's phones spread over the second.
                const int per = kPhones / kPhoneThreads;
                const auto step = std::chrono::microseconds(1'000'000 / per);
                auto next = std::chrono::steady_clock::now();
                for (int i = 0; !done; i = (i + 1) % per) {
                    (askClock(companion.port(), phoneAddress(t * per + i)) ? answered : refused)++;
                    next += step;
                    std::this_thread::sleep_until(next);
                }
            });
    const PlayerOptions options = benchPlayerOptions(operations, kRun);
    {
        Player player(show, resources, options, [](const std::string&) {});
        player.run();
        result.p95 = operations.status().frameTime.p95;
    }
    const auto after = residentSet();
    done = true;
    for (auto& t : threads) t.join();
    result.answered = answered;
    result.refused = refused;
    if (before && after) result.residentGrowth = after->bytes - before->bytes;
    return result;
}

}  // namespace

int runVisitorPhonesBench() {
    auto show = twoSceneShow(fs::temp_directory_path() / "vitrine-visitor-phones-bench", "visitor-phones",
                             "Visitors follow the show on their phones.",
                             "Each asks the player's clock once a second, off the frame loop.");
    if (!show) return 1;
    render::RenderResources resources;
    std::vector<Micros> alone, watched;
    std::vector<Micros> growth;
    for (int round = 0; round < kRounds; ++round) {
        // Alternating, so the machine's drift in load falls on both sides alike.
        for (bool p : {round % 2 == 1, round % 2 == 0}) {
            RunResult r = playOnce(show, resources, p);
            (p ? watched : alone).push_back(r.p95);
            if (p) growth.push_back(r.residentGrowth);
            std::printf("visitor phones: round %d %-10s frame time p95 %.2f ms; %ld clock answers, %ld refused; "
                        "resident memory %+.1f MiB over the run\n",
                        round + 1, p ? "300 phones" : "none", r.p95 / 1000.0, r.answered, r.refused,
                        static_cast<double>(r.residentGrowth) / (1 << 20));
        }
    }
    const Micros a = median(alone), b = median(watched);
    std::printf("visitor phones: frame time p95 with %d phones %.2f ms vs none %.2f ms (median of %d runs each): "
                "%.3fx (target <= 1.05x); memory per phone %.1f KiB (median growth of the runs with phones / %d)\n",
                kPhones, b / 1000.0, a / 1000.0, kRounds, a > 0 ? static_cast<double>(b) / static_cast<double>(a) : 0,
                static_cast<double>(median(growth)) / 1024.0 / kPhones, kPhones);
    return 0;
}

}  // namespace vitrine::bench
