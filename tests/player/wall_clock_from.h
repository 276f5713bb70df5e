#pragma once
// A wall clock for player tests that run as an installation: it reads a chosen Unix time
// when made and runs on at real pace, so where the show should be is known.

#include <chrono>
#include <cstdint>

#include "control/operations.h"

namespace vitrine::test {

inline control::WallClock wallClockFrom(std::int64_t at) {
    const auto origin = std::chrono::steady_clock::now();
    return [at, origin] {
        return at + std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - origin).count();
    };
}

}  // namespace vitrine::test
