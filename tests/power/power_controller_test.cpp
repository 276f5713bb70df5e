// Projectors switched by the opening hours, against the PJLink simulator, with a clock the
// test moves: on at opening minus the warm-up lead, off at closing; a wrong password and a
// silent projector are reported, retried slowly, and never hold up a reader.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "power/pjlink_projector.h"
#include "power/power_controller.h"
#include "support/pjlink_simulator.h"

using namespace vitrine;
using namespace vitrine::power;
using namespace vitrine::installation;
using namespace std::chrono_literals;
using Sim = test::PjlinkSimulator;

namespace {

constexpr CivilDate kMonday{2026, 3, 2};
constexpr std::int64_t kMicrosPerSecond = 1'000'000;

OpeningHours dailyTenToSix() {
    OpeningHours h;
    h.always = false;
    h.weekly.fill({DaySpan{10 * 3600, 18 * 3600}});
    return h;
}

// A local clock the test sets: the controller reads it from its worker thread.
struct FakeClock {
    std::atomic<std::int64_t> seconds{LocalTime::at(kMonday, 9, 0).absolute()};
    void set(int hour, int minute) { seconds = LocalTime::at(kMonday, hour, minute).absolute(); }
    LocalClock clock() {
        return [this](std::int64_t ahead) { return LocalTime::fromAbsolute(seconds + ahead / kMicrosPerSecond); };
    }
};

PowerTiming fastTiming() {
    PowerTiming t;
    t.poll = 20ms;
    t.firstRetry = 20ms;
    t.lastRetry = 200ms;
    t.authRetry = 60s;
    t.timeout = 1s;
    return t;
}

std::unique_ptr<PowerController> controllerFor(const Sim& sim, FakeClock& clock, std::string password = {},
                                               PowerTiming timing = fastTiming()) {
    std::vector<PoweredDevice> devices;
    devices.push_back({"left", std::make_unique<PjlinkProjector>(PjlinkEndpoint{"127.0.0.1", sim.port(), std::move(password)},
                                                                 timing.timeout),
                       60 * kMicrosPerSecond});
    return std::make_unique<PowerController>(std::move(devices), dailyTenToSix(), clock.clock(), [] { return 42; }, timing,
                                             [](const std::string&) {});
}

// Waits up to 5 s for `done`; whether it came.
bool eventually(const std::function<bool()>& done) {
    for (auto until = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < until;
         std::this_thread::sleep_for(10ms))
        if (done()) return true;
    return done();
}

}  // namespace

TEST_CASE("power: a projector is switched on at opening minus its warm-up, and off at closing") {
    Sim::Settings settings;
    settings.warmUp = settings.coolDown = 50ms;
    settings.lampHours = 777;
    Sim sim(settings);
    FakeClock clock;
    clock.set(9, 58);  // two minutes before opening: more than the one-minute lead
    auto power = controllerFor(sim, clock);
    REQUIRE(eventually([&] { return power->snapshot()[0].state == PowerState::Off; }));
    std::this_thread::sleep_for(100ms);  // several polls: still nothing switched
    CHECK(sim.power() == "0");
    CHECK_FALSE(power->snapshot()[0].wanted);

    clock.set(9, 59);  // the lead begins
    CHECK(eventually([&] { return sim.power() == "1"; }));
    auto on = power->snapshot()[0];
    CHECK(on.wanted);
    CHECK(on.lampHours == 777);
    CHECK(on.problem == "");

    clock.set(17, 59);
    std::this_thread::sleep_for(100ms);
    CHECK(sim.power() == "1");
    clock.set(18, 0);  // closing
    CHECK(eventually([&] { return sim.power() == "0"; }));
    CHECK(eventually([&] { return power->snapshot()[0].state == PowerState::Off; }));
    CHECK(powerProblems(power->snapshot()).empty());
}

TEST_CASE("power: a wrong password is reported and not retried in a tight loop") {
    Sim sim(Sim::withPassword("right"));
    FakeClock clock;
    clock.set(12, 0);
    auto power = controllerFor(sim, clock, "wrong");
    REQUIRE(eventually([&] { return !power->snapshot()[0].problem.empty(); }));
    std::this_thread::sleep_for(500ms);  // 25 polls' worth
    CHECK(sim.connections() == 1);
    auto problems = powerProblems(power->snapshot());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "pjlink 127.0.0.1:" + std::to_string(sim.port()) + " (output left): wrong password (PJLINK ERRA)");
    CHECK(sim.power() == "0");
}

TEST_CASE("power: a silent projector is reported after the timeout and never holds up a reader") {
    Sim sim({});
    sim.setBehaviour(Sim::Behaviour::Silent);
    FakeClock clock;
    clock.set(12, 0);
    auto timing = fastTiming();
    timing.timeout = 400ms;
    auto power = controllerFor(sim, clock, {}, timing);
    REQUIRE(eventually([&] { return sim.connections() == 1; }));
    // The worker is inside its exchange now; the frame loop's read must not wait for it.
    auto start = std::chrono::steady_clock::now();
    auto during = power->snapshot();
    CHECK(std::chrono::steady_clock::now() - start < 100ms);
    CHECK(during[0].problem == "");
    REQUIRE(eventually([&] { return power->snapshot()[0].problem == "no answer (timed out)"; }));
    sim.setBehaviour(Sim::Behaviour::Normal);  // it answers again: the problem clears
    CHECK(eventually([&] { return power->snapshot()[0].problem.empty() && sim.power() != "0"; }));
}

TEST_CASE("power: a malformed reply is a problem retried with a growing pause, and the device's own errors are listed") {
    Sim sim({});
    sim.setBehaviour(Sim::Behaviour::Malformed);
    FakeClock clock;
    clock.set(12, 0);
    auto power = controllerFor(sim, clock);
    CHECK(eventually([&] { return power->snapshot()[0].problem.find("malformed reply") == 0; }));
    // Pauses of 20, 40, 80, 160, then 200 ms: about 7 tries in a second, where polling
    // at the 20 ms interval would make about 50.
    std::this_thread::sleep_for(1s);
    CHECK(sim.connections() <= 10);
    sim.setBehaviour(Sim::Behaviour::Normal);
    sim.setErrorStatus("200000");
    CHECK(eventually([&] { return power->snapshot()[0].errors == "fan: error"; }));
    auto problems = powerProblems(power->snapshot());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("reports fan: error") != std::string::npos);
}
