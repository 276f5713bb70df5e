#include "media/background_thread.h"

#include <doctest/doctest.h>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

TEST_CASE("background thread: lowering a thread's priority leaves the calling thread's as it was") {
    auto niceOf = [](long thread) { return getpriority(PRIO_PROCESS, static_cast<id_t>(thread)); };
    const long self = syscall(SYS_gettid);
    const int before = niceOf(self);
    const int policyBefore = sched_getscheduler(0);
    int inside = -100, policyInside = -1;
    std::thread worker([&] {
        vitrine::lowerThisThreadPriority();
        inside = niceOf(syscall(SYS_gettid));
        policyInside = sched_getscheduler(0);
    });
    worker.join();
    CHECK(inside > before);  // lower priority is a higher nice value (capped at 19)
    CHECK(policyInside == SCHED_IDLE);  // runs only where nothing else wants the core
    CHECK(niceOf(self) == before);
    CHECK(sched_getscheduler(0) == policyBefore);
}
