#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "control/player_status.h"

using namespace vitrine::control;

TEST_CASE("player status: published snapshot, as JSON in seconds") {
    StatusBoard board;
    PlayerStatus s;
    s.scene = "testimony";
    s.time = 12'500'000;
    s.state = "playing";
    s.fps = 59.9;
    s.droppedFrames = 3;
    s.drift = -2'000;
    s.problems = {"image a.jpg: not found", "bad \xff utf-8"};
    board.publish(s);
    auto j = nlohmann::json::parse(statusJson(board.snapshot()));
    CHECK(j["scene"] == "testimony");
    CHECK(j["time"].get<double>() == doctest::Approx(12.5));
    CHECK(j["drift"].get<double>() == doctest::Approx(-0.002));
    CHECK(j["droppedFrames"] == 3);
    CHECK(j["problems"].size() == 2);
}

TEST_CASE("player status: standing problems and proof-of-play lines join the frame's snapshot") {
    StatusBoard board;
    PlayerStatus s;
    s.state = "playing";
    s.problems = {"reload failed"};
    board.publish(s);
    CHECK(roomState(board.snapshot()) == "faulty");
    board.setProblems("installation", {"installation.xml:3:5: error: bad time", "installation.xml:9:1: warning: x"});
    for (int i = 0; i < 25; ++i) board.noteProofOfPlay("line " + std::to_string(i));
    board.publish(s);  // the next frame's snapshot keeps them
    auto snap = board.snapshot();
    REQUIRE(snap.problems.size() == 3);
    CHECK(snap.problems[0] == "installation.xml:3:5: error: bad time");
    CHECK(snap.problems[2] == "reload failed");
    REQUIRE(snap.proofOfPlay.size() == StatusBoard::kProofOfPlayLines);
    CHECK(snap.proofOfPlay.front() == "line 5");
    CHECK(snap.proofOfPlay.back() == "line 24");
    auto j = nlohmann::json::parse(statusJson(snap));
    CHECK(j["proofOfPlay"].size() == StatusBoard::kProofOfPlayLines);
    board.setProblems("installation", {});
    s.problems.clear();
    board.publish(s);
    CHECK(board.snapshot().problems.empty());
    CHECK(roomState(board.snapshot()) == "open");
    s.state = "closed";
    board.publish(s);
    CHECK(roomState(board.snapshot()) == "closed on schedule");
}
