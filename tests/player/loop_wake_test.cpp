#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "player/loop_wake.h"

using namespace vitrine;
using namespace std::chrono_literals;

TEST_CASE("loop wake: a wait ends at its deadline, or at once when woken") {
    LoopWake wake;
    SUBCASE("nothing wakes it: the deadline ends it") {
        const auto start = LoopWake::Clock::now();
        CHECK_FALSE(wake.waitUntil(start + 50ms));
        CHECK(LoopWake::Clock::now() - start >= 50ms);
    }
    SUBCASE("a wake from another thread ends it long before the deadline") {
        const auto start = LoopWake::Clock::now();
        std::thread other([&] {
            std::this_thread::sleep_for(20ms);
            wake.wake();
        });
        CHECK(wake.waitUntil(start + 10s));
        other.join();
        CHECK(LoopWake::Clock::now() - start < 5s);
    }
    SUBCASE("a wake before the wait is not lost, and is used once") {
        wake.wake();
        const auto start = LoopWake::Clock::now();
        CHECK(wake.waitUntil(start + 10s));
        CHECK(LoopWake::Clock::now() - start < 5s);
        CHECK_FALSE(wake.waitUntil(LoopWake::Clock::now() + 10ms));
    }
}
