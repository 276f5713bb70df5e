#include <doctest/doctest.h>

#include "control/watchdog.h"

using namespace vitrine::control;

TEST_CASE("watchdog: a loop that stops petting is reported frozen, with how long") {
    std::int64_t now = 0;  // injected clock, µs
    Watchdog dog(500'000, [&] { return now; });
    // A healthy loop at 60 fps for two seconds.
    for (int frame = 0; frame < 120; ++frame) {
        now += 16'667;
        dog.pet();
        CHECK_FALSE(dog.frozenFor());
    }
    CHECK(dog.report().empty());
    // The loop freezes (a decoder deadlock, say): time passes, nobody pets.
    now += 400'000;
    CHECK_FALSE(dog.frozenFor());  // within the limit
    now += 350'000;
    REQUIRE(dog.frozenFor());
    CHECK(*dog.frozenFor() == 750'000);
    CHECK(dog.report() == "frame loop frozen for 750 ms");
    // It recovers the moment the loop pets again.
    dog.pet();
    CHECK_FALSE(dog.frozenFor());
}

TEST_CASE("systemd notifier: without systemd it stays quiet") {
    // Tests do not run under systemd; NOTIFY_SOCKET is unset unless the CI sets it.
    if (std::getenv("NOTIFY_SOCKET")) return;
    SystemdNotifier n;
    CHECK_FALSE(n.active());
    n.ready();
    n.alive(1);
    n.stopping();  // no effect, no crash
}
