#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

#include "control/metrics_text.h"
#include "media/media_test_files.h"

using namespace vitrine::control;

namespace {

struct Checked {
    int status = -1;
    std::string output;
};

// Debian's promtool (package prometheus, installed by tools/setup) reads the text as a
// Prometheus server would and lints it: names, units, counters' _total, HELP lines.
Checked promtoolCheck(const std::string& metrics) {
    vitrine::test::TempDir dir;
    const auto file = dir / "metrics.txt";
    std::ofstream(file) << metrics;
    Checked c;
    FILE* pipe = popen(("promtool check metrics < '" + file.string() + "' 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) c.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    c.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return c;
}

PlayerStatus busyPlayer() {
    PlayerStatus s;
    s.state = "playing";
    s.frame = 1234;
    s.lateFrames = 7;
    s.droppedFrames = 2;
    s.frameTime = {16'000, 17'500, 21'000, 40'000, 20.5, 1234};
    s.drift = -1'500;
    s.residentBytes = 150'000'000;
    s.uptime = 3'600'000'000;
    s.problems = {"proof of play: cannot write /var/lib/vitrine/proof-of-play.log"};
    vitrine::power::DeviceStatus left, right;
    left.output = "left";
    left.state = vitrine::power::PowerState::On;
    left.lampHours = 1520;
    right.output = "right \"B\"\\2";
    right.state = vitrine::power::PowerState::Off;
    right.problem = "no answer from 10.0.0.7:4352";
    s.power = {left, right};
    return s;
}

}  // namespace

TEST_CASE("metrics: promtool accepts the exposition, lint included") {
    REQUIRE_MESSAGE(std::system("promtool --version >/dev/null 2>&1") == 0, "promtool missing: run tools/setup");
    const std::string text = metricsText(busyPlayer());
    const Checked checked = promtoolCheck(text);
    INFO(text);
    INFO(checked.output);
    CHECK(checked.status == 0);
    CHECK(checked.output.empty());  // not even a lint warning
    // The check can fail: a counter without _total is refused (so the test above means something).
    const Checked bad = promtoolCheck("# HELP vitrine_frames counter without suffix\n# TYPE vitrine_frames counter\nvitrine_frames 1\n");
    CHECK(bad.status != 0);
}

TEST_CASE("metrics: the values a dashboard watches, in base units") {
    const std::string text = metricsText(busyPlayer());
    CHECK(text.find("\nvitrine_frames_drawn_total 1234\n") != std::string::npos);
    CHECK(text.find("\nvitrine_frames_late_total 7\n") != std::string::npos);
    CHECK(text.find("\nvitrine_frames_dropped_total 2\n") != std::string::npos);
    CHECK(text.find("\nvitrine_frame_time_seconds{quantile=\"0.95\"} 0.017500000000000002\n") != std::string::npos);
    CHECK(text.find("\nvitrine_frame_time_seconds_count 1234\n") != std::string::npos);
    CHECK(text.find("\nvitrine_drift_seconds -0.0015\n") != std::string::npos);
    CHECK(text.find("\nvitrine_resident_memory_bytes 150000000\n") != std::string::npos);
    CHECK(text.find("\nvitrine_uptime_seconds 3600\n") != std::string::npos);
    CHECK(text.find("\nvitrine_open 1\n") != std::string::npos);
    CHECK(text.find("\nvitrine_problems 1\n") != std::string::npos);
    CHECK(text.find("\nvitrine_projector_power_on{output=\"left\"} 1\n") != std::string::npos);
    CHECK(text.find("\nvitrine_projector_lamp_seconds{output=\"left\"} 5472000\n") != std::string::npos);
    // A lamp whose hours are not known has no sample rather than a made-up one.
    CHECK(text.find("vitrine_projector_lamp_seconds{output=\"right") == std::string::npos);
    // Label values from the installation file are escaped.
    CHECK(text.find("\nvitrine_projector_error{output=\"right \\\"B\\\"\\\\2\"} 1\n") != std::string::npos);
    PlayerStatus closed = busyPlayer();
    closed.state = "closed";
    CHECK(metricsText(closed).find("\nvitrine_open 0\n") != std::string::npos);
}
