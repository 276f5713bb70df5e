#include <doctest/doctest.h>

#include "control/frame_times.h"

using namespace vitrine::control;

TEST_CASE("frame times: quantiles of the latest window, sum and count of all") {
    FrameTimes times;
    CHECK(times.summary().p95 == 0);
    // 1 ms … 100 ms once each: the 95th percentile is 95 ms, the median 50 ms.
    for (int ms = 100; ms >= 1; --ms) times.add(ms * 1000);
    auto s = times.summary();
    CHECK(s.p50 == 50'000);
    CHECK(s.p95 == 95'000);
    CHECK(s.p99 == 99'000);
    CHECK(s.max == 100'000);
    CHECK(s.count == 100);
    CHECK(s.sumSeconds == doctest::Approx(5.05));
    // The window forgets: a full window of 2 ms frames leaves no trace of the slow ones.
    for (std::size_t i = 0; i < FrameTimes::kWindow; ++i) times.add(2000);
    s = times.summary();
    CHECK(s.p99 == 2000);
    CHECK(s.max == 2000);
    CHECK(s.count == 100 + static_cast<std::int64_t>(FrameTimes::kWindow));
}
