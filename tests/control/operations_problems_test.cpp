// What reaches /status from the installation side: the installation file's own problems,
// and each projector's state and problems (here a wrong PJLink password), every frame.
#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "control/operations.h"
#include "support/free_port.h"
#include "support/pjlink_simulator.h"

using namespace vitrine;
using namespace std::chrono_literals;

TEST_CASE("operations: /status lists the installation file's problems and each projector's, with its power") {
    test::PjlinkSimulator sim(test::PjlinkSimulator::withPassword("right"));
    installation::Installation inst;
    inst.problems = {"site.xml:4:39: error: '25:00' is not a time of day"};
    installation::Output out;
    out.id = "left";
    installation::PowerControl power;
    power.host = "127.0.0.1";
    power.port = sim.port();
    power.password = "wrong";
    out.power = power;
    inst.outputs.push_back(out);
    inst.control.httpPort = test::freePort();
    control::Operations ops(inst, [](const std::string&) {});
    REQUIRE(ops.startServers().empty());
    httplib::Client client("127.0.0.1", inst.control.httpPort);
    nlohmann::json status;
    for (auto until = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < until;) {
        ops.frameDone(control::PlayerStatus{}, 1000, 16'667);
        auto r = client.Get("/status");
        REQUIRE(r);
        status = nlohmann::json::parse(r->body);
        if (status["problems"].size() >= 2) break;
        std::this_thread::sleep_for(20ms);
    }
    INFO(status.dump());
    REQUIRE(status["problems"].size() >= 2);
    CHECK(status["problems"][0] == "site.xml:4:39: error: '25:00' is not a time of day");
    CHECK(status["problems"][1] == "pjlink 127.0.0.1:" + std::to_string(sim.port()) +
                                       " (output left): wrong password (PJLINK ERRA)");
    REQUIRE(status["power"].size() == 1);
    CHECK(status["power"][0]["output"] == "left");
    CHECK(status["power"][0]["wanted"] == "on");  // no <hours>: always open
    CHECK(status["power"][0]["problem"] == "wrong password (PJLINK ERRA)");
    CHECK(status["power"][0].dump().find("wrong\"") == std::string::npos);  // never the password
}
