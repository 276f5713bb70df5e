// A program run with input, its output collected, and killed at its timeout.
#include <doctest/doctest.h>

#include "power/child_process.h"

using namespace vitrine::power;
using namespace std::chrono_literals;

TEST_CASE("child process: input in, output and exit status out") {
    auto r = runChild({"sh", "-c", "read line; echo \"got $line\"; echo oops >&2; exit 3"}, "pow 0\n", 5s);
    CHECK(r.started);
    CHECK_FALSE(r.timedOut);
    CHECK(r.exitStatus == 3);
    CHECK(r.output == "got pow 0\noops\n");
}

TEST_CASE("child process: one that overruns is killed at the timeout, one that cannot start says so") {
    auto start = std::chrono::steady_clock::now();
    auto slow = runChild({"sleep", "30"}, "", 200ms);
    CHECK(slow.timedOut);
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    // A child that closes its output but keeps running is killed too.
    auto lingering = runChild({"sh", "-c", "exec >&- 2>&-; sleep 30"}, "", 200ms);
    CHECK(lingering.timedOut);
    auto missing = runChild({"vitrine-no-such-program"}, "", 1s);
    CHECK_FALSE(missing.started);
}
