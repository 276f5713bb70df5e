#pragma once
// A wall clock for player tests that run as an installation: it reads a chosen Unix time
// when made and runs on at real pace, so where the show should be is known.

#include <chrono>
#include <cstdint>
#include <ctime>

#include "control/operations.h"

namespace vitrine::test {

inline control::WallClock wallClockFrom(std::int64_t at) {
    const auto origin = std::chrono::steady_clock::now();
    return [at, origin] {
        return at + std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - origin).count();
    };
}

/// The Unix time, in µs, at which this machine's local clock reads `date` `hour`:00.
inline std::int64_t unixAtLocal(installation::CivilDate date, int hour) {
    std::tm local{};
    local.tm_year = date.year - 1900;
    local.tm_mon = date.month - 1;
    local.tm_mday = date.day;
    local.tm_hour = hour;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local)) * 1'000'000;
}

}  // namespace vitrine::test
