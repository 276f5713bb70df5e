// One PJLink exchange against the simulator on loopback (tests/support/pjlink_simulator.h):
// switching, the password, and the projectors that go wrong.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "power/pjlink_projector.h"
#include "support/pjlink_simulator.h"

using namespace vitrine;
using namespace vitrine::power;
using namespace std::chrono_literals;
using Sim = test::PjlinkSimulator;

namespace {
PjlinkProjector projectorFor(const Sim& sim, std::string password = {}, std::chrono::milliseconds timeout = 2000ms) {
    return PjlinkProjector({"127.0.0.1", sim.port(), std::move(password)}, timeout);
}
}  // namespace

TEST_CASE("pjlink projector: switched on, it warms up, then reads on with its lamp hours") {
    Sim::Settings settings;
    settings.lampHours = 4321;
    Sim sim(settings);
    auto projector = projectorFor(sim);
    auto first = projector.exchange(true);
    CHECK(first.reached);
    CHECK_FALSE(first.problem);
    CHECK(first.state == PowerState::WarmingUp);
    CHECK(first.lampHours == 4321);
    CHECK(sim.power() == "3");
    // While warming up it is left alone (a command then would be ERR3).
    auto warming = projector.exchange(true);
    CHECK(warming.state == PowerState::WarmingUp);
    CHECK_FALSE(warming.problem);
    std::this_thread::sleep_for(150ms);
    CHECK(projector.exchange(true).state == PowerState::On);
    auto off = projector.exchange(false);
    CHECK(off.state == PowerState::CoolingDown);
    CHECK(sim.power() == "2");
    int switches = 0;
    for (const auto& c : sim.commands()) switches += c == "%1POWR 1" || c == "%1POWR 0";
    CHECK(switches == 2);
}

TEST_CASE("pjlink projector: the password is sent as the specification's digest") {
    Sim sim(Sim::withPassword("JBMIAProjectorLink"));
    auto projector = projectorFor(sim, "JBMIAProjectorLink");
    auto o = projector.exchange(true);
    CHECK_FALSE(o.problem);
    CHECK(o.reached);
    CHECK(sim.refusedPasswords() == 0);
    CHECK(sim.power() == "3");
}

TEST_CASE("pjlink projector: a wrong or missing password is reported as such, never as a dead projector") {
    Sim sim(Sim::withPassword("right"));
    auto wrong = projectorFor(sim, "wrong").exchange(true);
    CHECK_FALSE(wrong.reached);
    CHECK(wrong.authRefused);
    CHECK(wrong.problem.value_or(Error{}).message == "wrong password (PJLINK ERRA)");
    CHECK(sim.refusedPasswords() == 1);
    auto none = projectorFor(sim).exchange(true);
    CHECK(none.authRefused);
    CHECK(none.problem.value_or(Error{}).message.find("asks for a password") != std::string::npos);
    CHECK(sim.power() == "0");
}

TEST_CASE("pjlink projector: a silent projector times out within the session's timeout") {
    Sim sim({});
    sim.setBehaviour(Sim::Behaviour::Silent);
    auto projector = projectorFor(sim, {}, 300ms);
    auto start = std::chrono::steady_clock::now();
    auto o = projector.exchange(true);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(o.reached);
    CHECK(o.problem.value_or(Error{}).message == "no answer (timed out)");
    CHECK(took >= 250ms);  // poll() counts whole milliseconds
    CHECK(took < 3s);  // bounded by the timeout, not by the projector
}

TEST_CASE("pjlink projector: a malformed reply, an error status and a closed port are reported") {
    Sim sim({});
    sim.setBehaviour(Sim::Behaviour::Malformed);
    auto malformed = projectorFor(sim).exchange(true);
    CHECK_FALSE(malformed.reached);
    CHECK(malformed.problem.value_or(Error{}).message == "malformed reply to POWR: '%1POWR#xyz'");

    sim.setBehaviour(Sim::Behaviour::Normal);
    sim.setErrorStatus("022000");
    auto failing = projectorFor(sim).exchange(true);
    CHECK(failing.reached);
    CHECK(failing.errors == "lamp: error, temperature: error");

    int closedPort = 0;
    {
        Sim gone({});
        closedPort = gone.port();
    }
    auto refused = PjlinkProjector({"127.0.0.1", closedPort, ""}, 500ms).exchange(true);
    CHECK_FALSE(refused.reached);
    CHECK(refused.problem.value_or(Error{}).message.find("cannot connect") == 0);
}
