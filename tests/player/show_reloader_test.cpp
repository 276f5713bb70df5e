// Reloads read on a worker: the frame loop never waits for one, a request made while one
// runs is coalesced into one more read, and what goes wrong on the worker is a refusal.

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "player/show_reloader.h"

using namespace vitrine;

namespace {

// Reads that each wait for the test to let them finish, and say which read they were.
struct GatedReads {
    std::mutex mutex;
    std::condition_variable changed;
    int started = 0, released = 0;

    ReadyShow read() {
        std::unique_lock lock(mutex);
        const int number = ++started;
        changed.notify_all();
        // Bounded, so a reloader that gets this wrong fails the test rather than hanging it.
        changed.wait_for(lock, std::chrono::seconds(10), [&] { return released >= number; });
        return {Error{"read " + std::to_string(number)}, nullptr};
    }
    void release() {
        std::lock_guard lock(mutex);
        ++released;
        changed.notify_all();
    }
    void waitStarted(int count) {
        std::unique_lock lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(10), [&] { return started >= count; });
    }
    int startedCount() {
        std::lock_guard lock(mutex);
        return started;
    }
};

// take() until it gives something (bounded); what it gave, if anything.
std::optional<ReadyShow> takeWhenReady(ShowReloader& reloader) {
    for (int i = 0; i < 2000; ++i) {
        if (auto ready = reloader.take()) return ready;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("show reloader: requests during a read are coalesced into one more read, and only the newest is taken") {
    GatedReads reads;
    ShowReloader reloader([&] { return reads.read(); });
    CHECK_FALSE(reloader.busy());
    CHECK_FALSE(reloader.take());  // nothing asked for

    reloader.request();
    reads.waitStarted(1);
    CHECK(reloader.busy());
    CHECK_FALSE(reloader.take());  // still reading: the loop does not wait
    reloader.request();            // the file changed again, twice
    reloader.request();

    reads.release();
    // Read 1 began before the last change: once it ends, take() drops it and starts read 2.
    for (int i = 0; i < 2000 && reads.startedCount() < 2; ++i) {
        CHECK_FALSE(reloader.take());
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE(reads.startedCount() == 2);
    CHECK(reloader.busy());
    reads.release();
    auto ready = takeWhenReady(reloader);
    REQUIRE(ready);
    REQUIRE_FALSE(ready->loaded.ok());
    CHECK(ready->loaded.error().message == "read 2");
    CHECK_FALSE(reloader.busy());
    CHECK(reads.startedCount() == 2);  // three requests, two reads
}

TEST_CASE("show reloader: a read that throws is a refused reload that says why, not a crash") {
    ShowReloader reloader([]() -> ReadyShow { throw std::runtime_error("out of memory reading map data"); });
    reloader.request();
    auto ready = takeWhenReady(reloader);
    REQUIRE(ready);
    REQUIRE_FALSE(ready->loaded.ok());
    CHECK(ready->loaded.error().message.find("out of memory reading map data") != std::string::npos);
}
