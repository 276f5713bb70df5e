// Kill → the right frame on screen again. systemd is not PID 1 in a container, so this
// benchmark is the supervisor, doing what tools/package/vitrine.service asks of systemd:
// Restart=always (any death, SIGKILL included, is restarted) after RestartSec (read from
// the unit file), then it waits for the player's first presented frame (what Type=notify
// waits for: READY=1 is sent after that frame). The player logs the show time of that
// frame and its distance from where the wall clock says the show should be, so "the right
// frame" is checked, not assumed (issue: target < 3 s).

#include <poll.h>
#include "support/build_paths.h"
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr int kRuns = 3;
constexpr int kStartTimeoutMs = 60'000;
constexpr auto kPlayBeforeKill = std::chrono::seconds(2);

// A running `vitrine play` whose stderr we read line by line.
struct Child {
    pid_t pid = -1;
    int err = -1;
    std::string pending;
};

Child spawnPlayer(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Child c;
    if (posix_spawn(&c.pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) c.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    c.err = fds[0];
    return c;
}

// Blocks (up to the timeout) until a line containing `needle` arrives; returns it.
std::string waitForLine(Child& c, const std::string& needle, int timeoutMs) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    char buf[4096];
    for (;;) {
        for (std::size_t nl; (nl = c.pending.find('\n')) != std::string::npos;) {
            std::string line = c.pending.substr(0, nl);
            c.pending.erase(0, nl + 1);
            if (line.find(needle) != std::string::npos) return line;
        }
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
        if (left <= 0) return {};
        pollfd p{c.err, POLLIN, 0};
        if (::poll(&p, 1, left) <= 0) return {};
        ssize_t n = ::read(c.err, buf, sizeof buf);
        if (n <= 0) return {};
        c.pending.append(buf, static_cast<std::size_t>(n));
    }
}

void reap(Child& c, int signal) {
    if (c.pid > 0) {
        ::kill(c.pid, signal);
        ::waitpid(c.pid, nullptr, 0);
    }
    if (c.err >= 0) ::close(c.err);
    c = {};
}

// RestartSec= from the unit, in seconds (systemd's default is 100 ms).
double restartSecFromUnit(const fs::path& unit) {
    std::ifstream in(unit);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("RestartSec=", 0) == 0) return std::atof(line.c_str() + 11);
    return 0.1;
}

std::string firstLineOf(const fs::path& p) {
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    return s;
}

}  // namespace

int runRestartBench() {
    const fs::path source = vitrine::test::sourceDir();
    const fs::path self = fs::read_symlink("/proc/self/exe");
    const fs::path vitrine = self.parent_path() / "vitrine";
    const fs::path unit = source / "tools/package/vitrine.service";
    const double restartSec = restartSecFromUnit(unit);
    if (!fs::exists(vitrine)) {
        std::fprintf(stderr, "restart bench: %s not built\n", vitrine.c_str());
        return 1;
    }
    const fs::path dir = fs::temp_directory_path() / ("vitrine-restart-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path installationFile = dir / "installation.xml";
    std::ofstream(installationFile) << "<installation start=\"2026-01-20T09:00:00+04:00\"/>\n";
    const std::vector<std::string> args{vitrine.string(), "play",
                                        (source / "exhibits/baku-1990/exhibit.xml").string(),
                                        "--installation", installationFile.string(),
                                        "--windowed", "1280x720", "--audio", "off"};
    std::printf("restart: PID 1 is '%s' (not systemd): this benchmark supervises as %s says: "
                "Restart=always, RestartSec=%.1f s, ready at the first frame (Type=notify)\n",
                firstLineOf("/proc/1/comm").c_str(), unit.filename().c_str(), restartSec);
    std::regex frameLine(R"(first frame on screen (\d+) ms after launch, at ([0-9:.]+) \(([-+0-9.]+) ms from the wall clock\))");
    int status = 0;
    for (int run = 0; run < kRuns; ++run) {
        Child first = spawnPlayer(args);
        if (waitForLine(first, "first frame on screen", kStartTimeoutMs).empty()) {
            std::fprintf(stderr, "restart bench: the player did not start\n");
            reap(first, SIGKILL);
            status = 1;
            break;
        }
        std::this_thread::sleep_for(kPlayBeforeKill);  // it is playing; now it crashes
        const auto killed = Clock::now();
        reap(first, SIGKILL);
        // systemd notices the death at once (SIGCHLD) and starts again after RestartSec.
        std::this_thread::sleep_for(std::chrono::duration<double>(restartSec));
        Child second = spawnPlayer(args);
        std::string line = waitForLine(second, "first frame on screen", kStartTimeoutMs);
        const double seconds = std::chrono::duration<double>(Clock::now() - killed).count();
        reap(second, SIGTERM);
        std::smatch m;
        if (!std::regex_search(line, m, frameLine)) {
            std::fprintf(stderr, "restart bench: no first-frame line after the restart ('%s')\n", line.c_str());
            status = 1;
            break;
        }
        std::printf("  run %d: SIGKILL -> first frame again %.2f s (RestartSec %.1f s + start to frame %s ms); "
                    "that frame at show time %s, %s ms from the wall clock (target < 3 s)\n",
                    run + 1, seconds, restartSec, m[1].str().c_str(), m[2].str().c_str(), m[3].str().c_str());
    }
    fs::remove_all(dir);
    return status;
}

}  // namespace vitrine::bench
