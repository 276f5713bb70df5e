#include <doctest/doctest.h>

#include <thread>

#include "control/control_queue.h"

using namespace vitrine::control;

TEST_CASE("control queue: commands arrive in order, drained once, bounded") {
    ControlQueue q;
    CHECK(q.push({ControlCommand::Kind::Pause, {}, "test"}));
    CHECK(q.push({ControlCommand::Kind::Scene, "testimony", "test"}));
    auto first = q.drain();
    REQUIRE(first.size() == 2);
    CHECK(first[0].kind == ControlCommand::Kind::Pause);
    CHECK(first[1].sceneId == "testimony");
    CHECK(q.drain().empty());
    for (std::size_t i = 0; i < ControlQueue::kCapacity; ++i) CHECK(q.push({}));
    CHECK_FALSE(q.push({}));
    CHECK(q.drain().size() == ControlQueue::kCapacity);
    CHECK(parseCommandVerb("black") == ControlCommand::Kind::Black);
    CHECK_FALSE(parseCommandVerb("scene"));
    CHECK_FALSE(parseCommandVerb("explode"));
}

TEST_CASE("control queue: a command pushed from another thread wakes a waiter") {
    ControlQueue q;
    CHECK_FALSE(q.waitForCommand(std::chrono::milliseconds(0)));
    std::thread pusher([&] { q.push({ControlCommand::Kind::Next, {}, "thread"}); });
    CHECK(q.waitForCommand(std::chrono::seconds(10)));
    pusher.join();
    CHECK(q.drain().at(0).kind == ControlCommand::Kind::Next);
}
