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
