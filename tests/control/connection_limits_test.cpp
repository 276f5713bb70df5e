#include <doctest/doctest.h>

#include "control/connection_limits.h"

using namespace vitrine::control;

TEST_CASE("connection limits: per address and in total, freed as connections close") {
    ConnectionLimits limits(2, 3);
    CHECK(limits.admit("10.0.0.1", 10));
    CHECK(limits.admit("10.0.0.1", 11));
    CHECK_FALSE(limits.admit("10.0.0.1", 12));  // that address has its two
    CHECK(limits.admit("10.0.0.2", 13));
    CHECK_FALSE(limits.admit("10.0.0.3", 14));  // three in all
    CHECK(limits.open() == 3);
    limits.release("10.0.0.1", 10);
    CHECK(limits.admit("10.0.0.1", 15));
    limits.release("10.0.0.1", 11);
    limits.release("10.0.0.1", 15);
    limits.release("10.0.0.2", 13);
    CHECK(limits.open() == 0);
    CHECK(limits.admit("10.0.0.3", 16));
}
