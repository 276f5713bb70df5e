// A decimal fraction is a fraction of the unit it is written in: what a designer types
// as "1.5min" must last ninety seconds on the wall.
#include <doctest/doctest.h>

#include "base/time_value.h"

using namespace vitrine;

TEST_CASE("a fraction of a minute, hour or millisecond is a fraction of that unit") {
    CHECK(parseTimeValue("1.5min") == seconds(90));
    CHECK(parseTimeValue("0.25h") == seconds(900));
    CHECK(parseTimeValue("2.5ms") == Micros{2'500});
    CHECK(parseTimeValue("1.5s") == Micros{1'500'000});
}
