#include <doctest/doctest.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "control/operations.h"
#include "control/start_line.h"
#include "media/media_test_files.h"
#include "player/coloured_show.h"

using namespace vitrine;
using namespace vitrine::control;

namespace {

using test::kMonday;

constexpr std::int64_t kPeriod = 16'667;

installation::Installation weekdaysTenToSix(const std::filesystem::path& proofOfPlay) {
    installation::Installation inst;
    inst.file = "/etc/vitrine/installation.xml";
    inst.hours.always = false;
    for (int day = 0; day < 5; ++day) inst.hours.weekly[day] = {installation::DaySpan{10 * 3600, 18 * 3600}};
    inst.proofOfPlay = installation::ProofOfPlaySettings{proofOfPlay};
    return inst;
}

struct Lines {
    std::mutex m;
    std::vector<std::string> all;
    ServerLog sink() {
        return [this](const std::string& l) {
            std::lock_guard g(m);
            all.push_back(l);
        };
    }
    std::string joined() {
        std::lock_guard g(m);
        std::string out;
        for (const auto& l : all) out += l + "\n";
        return out;
    }
};

PlayerStatus frame(const std::string& state, const std::string& scene) {
    PlayerStatus s;
    s.state = state;
    s.scene = scene;
    return s;
}

// The proof-of-play file without its timestamps: "(started)\na\n…".
std::string recorded(const std::filesystem::path& file) {
    std::istringstream in(test::readTextFile(file));
    std::string out;
    for (std::string line; std::getline(in, line);) out += line.substr(line.find(' ') + 1) + "\n";
    return out;
}

}  // namespace

TEST_CASE("operations: the journal and the proof of play say when the room opens, closes and calibrates") {
    test::TempDir dir;
    const auto proof = dir / "proof-of-play.log";
    std::int64_t now = test::unixAtLocal(kMonday, 12);
    Lines log;
    Operations ops(weekdaysTenToSix(proof), log.sink(), [&now] { return now; });
    ops.started("The Baku Pogroms", "exhibits/baku-1990/exhibit.xml");
    const std::string start = log.joined();
    CHECK(start.find(std::string("vitrine ") + programVersion() + ": playing \"The Baku Pogroms\" "
                     "(exhibits/baku-1990/exhibit.xml) with /etc/vitrine/installation.xml") == 0);
    CHECK(start.find("outputs: one, the whole display") != std::string::npos);
    CHECK(start.find("open until Mon 2026-03-02 18:00, next opening Tue 2026-03-03 10:00") != std::string::npos);

    ops.frameDone(frame("playing", "a"), 1000, kPeriod);  // the first frame: scene a on screen
    ops.frameDone(frame("playing", "a"), 1000, kPeriod);
    ops.sceneStarted("b");                                // the player's scene start
    ops.frameDone(frame("playing", "b"), 1000, kPeriod);
    now = test::unixAtLocal(kMonday, 18);
    ops.frameDone(frame("closed", "c"), 1000, kPeriod);
    ops.frameDone(frame("closed", "a"), 1000, kPeriod);   // the show runs on in the dark: nothing
    now = test::unixAtLocal({2026, 3, 3}, 10);
    ops.frameDone(frame("playing", "b"), 1000, kPeriod);  // opening: scene b on screen
    ops.frameDone(frame("calibrating", "b"), 1000, kPeriod);
    ops.frameDone(frame("calibrating", "c"), 1000, kPeriod);
    ops.frameDone(frame("playing", "c"), 1000, kPeriod);
    CHECK(recorded(proof) ==
          "(started)\na\nb\n(closed)\n(opened)\nb\n(calibration started)\n(calibration ended)\nc\n");
    const std::string journal = log.joined().substr(start.size());
    CHECK(journal == "closed (opening hours); next opening Tue 2026-03-03 10:00\nopen (opening hours), scene b\n");
    // The status page shows the same lines.
    auto status = ops.status();
    REQUIRE(status.proofOfPlay.size() == 9);
    CHECK(status.proofOfPlay.back().find(" c") != std::string::npos);
    CHECK(status.problems.empty());
}

TEST_CASE("operations: started closed, the proof of play says so and records no scene until opening") {
    test::TempDir dir;
    const auto proof = dir / "proof-of-play.log";
    std::int64_t now = test::unixAtLocal(kMonday, 20);
    Lines log;
    Operations ops(weekdaysTenToSix(proof), log.sink(), [&now] { return now; });
    ops.started("Show", "show.xml");
    CHECK(log.joined().find("; closed, next opening Tue 2026-03-03 10:00") != std::string::npos);
    ops.frameDone(frame("closed", "a"), 1000, kPeriod);
    CHECK(recorded(proof) == "(started)\n");
    CHECK(ops.status().nextOpening == "Tue 2026-03-03 10:00");
}

TEST_CASE("operations: a proof-of-play log that cannot be written is a problem in /status until it can") {
    test::TempDir dir;
    std::ofstream(dir / "not-a-folder") << "x";  // a file where the log's folder should be
    Lines log;
    installation::Installation inst;
    inst.proofOfPlay = installation::ProofOfPlaySettings{dir / "not-a-folder" / "proof-of-play.log"};
    Operations ops(inst, log.sink());
    ops.frameDone(frame("playing", "a"), 1000, kPeriod);
    ops.sceneStarted("b");
    ops.frameDone(frame("playing", "b"), 1000, kPeriod);
    auto status = ops.status();
    REQUIRE(status.problems.size() == 1);
    CHECK(status.problems[0].find("cannot write the proof-of-play log") != std::string::npos);
    CHECK(roomState(status) == "faulty");
    // Logged once, not once a scene.
    CHECK(log.all.size() == 1);
    std::filesystem::remove(dir / "not-a-folder");
    ops.sceneStarted("c");
    CHECK(ops.status().problems.empty());
}

TEST_CASE("operations: frame statistics for /status and /metrics") {
    installation::Installation inst;
    Operations ops(inst, [](const std::string&) {});
    // 100 frames: 90 on time, 6 late but within half a period more, 4 dropped.
    for (int i = 0; i < 100; ++i) {
        const std::int64_t took = i < 90 ? 10'000 : i < 96 ? 20'000 : 30'000;
        ops.frameDone(frame("playing", "a"), took, kPeriod);
    }
    auto s = ops.status();
    CHECK(s.frame == 100);
    CHECK(s.lateFrames == 10);
    CHECK(s.droppedFrames == 4);
    CHECK(s.nextOpening.empty());  // always open
}

TEST_CASE("operations: a control port another process holds is a problem in /status") {
    ControlQueue queue;
    StatusBoard board;
    HttpControlServer holder(queue, board, nullptr, [](const std::string&) {});
    REQUIRE_FALSE(holder.start("127.0.0.1", 0, ""));
    installation::Installation inst;
    inst.control.httpPort = holder.port();
    Operations ops(inst, [](const std::string&) {});
    auto problems = ops.startServers();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("held by another process") != std::string::npos);
    ops.frameDone(frame("playing", "a"), 1000, kPeriod);
    REQUIRE(ops.status().problems.size() == 1);
    CHECK(ops.status().problems[0] == problems[0]);
    CHECK(ops.screenCopy() == nullptr);  // no server, no copies of the screen
}
