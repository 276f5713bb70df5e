#include <doctest/doctest.h>

#include "base/time_value.h"

using namespace vitrine;

TEST_CASE("time values in every documented form parse exactly") {
    CHECK(parseTimeValue("12s") == 12'000'000);
    CHECK(parseTimeValue("1.5s") == 1'500'000);
    CHECK(parseTimeValue("250ms") == 250'000);
    CHECK(parseTimeValue("01:02.5") == 62'500'000);
    CHECK(parseTimeValue("1:02:03.25") == 3'723'250'000);
    CHECK(parseTimeValue("4.5") == 4'500'000);
    CHECK(parseTimeValue("2min") == 120'000'000);
    CHECK(parseTimeValue("1h") == 3'600'000'000);
    CHECK(parseTimeValue(" 3s ") == 3'000'000);
    CHECK(parseTimeValue("0.000001s") == 1);
    CHECK(parseTimeValue("-2s") == -2'000'000);
}

TEST_CASE("decimal fractions do not drift through floating point") {
    // 0.1 + 0.2 in binary floating point is not 0.3; in microseconds it must be.
    CHECK(*parseTimeValue("0.1s") + *parseTimeValue("0.2s") == *parseTimeValue("0.3s"));
    CHECK(parseTimeValue("1.1s") == 1'100'000);
}

TEST_CASE("malformed time values are rejected") {
    for (const char* bad : {"", "s", "12x", "1.2.3s", "abc", "1:2", "1:60", "1:60:00", "12 s s", "--1s", "1e3s",
                            "99999999999999999999s", ":30", "1::00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseTimeValue(bad).has_value());
    }
}

TEST_CASE("times format back to a form that parses to the same value") {
    for (Micros t : {Micros{0}, Micros{1'500'000}, Micros{62'500'000}, Micros{3'723'250'000}, Micros{12'000'000}}) {
        CAPTURE(t);
        CHECK(parseTimeValue(formatTime(t)) == t);
    }
    CHECK(formatTime(1'500'000) == "1.5s");
    CHECK(formatTime(62'500'000) == "1:02.5");
    CHECK(formatClock(3'723'250'000) == "1:02:03.250");
}

TEST_CASE("times shown to a person never go finer than a millisecond") {
    CHECK(formatTime(93'196'281) == "1:33.196");  // not 1:33.196281
    CHECK(formatTime(28'964'004) == "28.964s");
    CHECK(formatTime(28'964'604) == "28.965s");  // rounded, not cut
    CHECK(formatTime(59'999'700) == "1:00");      // rounding carries into the minutes
    CHECK(formatTime(-1'000'400) == "-1s");
    CHECK(formatTime(400) == "0s");               // no "-0s" or "0.0004s"
    CHECK(formatTime(235'196'281, TimePrecision::Tenths) == "3:55.2");
    CHECK(formatTime(235'000'000, TimePrecision::Tenths) == "3:55");
    CHECK(formatClock(235'196'681) == "3:55.197");
    CHECK(formatClock(59'999'700) == "1:00.000");
}

TEST_CASE("time values with a unit and a fraction parse to the exact microsecond") {
    // Each fraction is of its unit: a tenth of a minute is six seconds, not a tenth of a second.
    CHECK(parseTimeValue("1.5min") == 90'000'000);
    CHECK(parseTimeValue("0.25min") == 15'000'000);
    CHECK(parseTimeValue("0.000001min") == 60);
    CHECK(parseTimeValue("0.5h") == 1'800'000'000);
    CHECK(parseTimeValue("1.25h") == 4'500'000'000);
    CHECK(parseTimeValue("0.000001h") == 3'600);
    // A unit longer than a second needs more than six digits to reach the microsecond.
    CHECK(parseTimeValue("0.0000001h") == 360);
    CHECK(parseTimeValue("0.0000000003h") == 1);
    CHECK(parseTimeValue("0.00000005min") == 3);
    CHECK(parseTimeValue("1.0000000005h") == 3'600'000'001);
    CHECK(parseTimeValue("2.5ms") == 2'500);
    CHECK(parseTimeValue("0.001ms") == 1);
    CHECK(parseTimeValue("1.5s") == 1'500'000);
    CHECK(parseTimeValue(".5min") == 30'000'000);
    CHECK(parseTimeValue("2.min") == 120'000'000);
    CHECK(parseTimeValue("1.5 min") == 90'000'000);
    CHECK(parseTimeValue("-1.5min") == -90'000'000);
    CHECK(parseTimeValue("0:00.000001") == 1);
    CHECK(parseTimeValue("0:01:00.5") == 60'500'000);
}
