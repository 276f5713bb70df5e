#include <doctest/doctest.h>

#include "captions/cue_timestamp.h"

using namespace vitrine;

namespace {

std::optional<Micros> read(std::string_view text, FractionSeparator sep = FractionSeparator::Dot) {
    std::size_t pos = 0;
    auto t = readCueTimestamp(text, pos, sep);
    if (t && pos != text.size()) return std::nullopt;  // the whole string must be the timestamp
    return t;
}

}  // namespace

TEST_CASE("cue timestamps with and without hours") {
    CHECK(read("00:01.500") == millis(1'500));
    CHECK(read("01:02:03.004") == seconds(3723) + millis(4));
    CHECK(read("1:02:03.004") == seconds(3723) + millis(4));
    CHECK(read("59:59.999") == seconds(3599) + millis(999));
    // More than 99 hours: a show that runs for days is still one timeline.
    CHECK(read("100:00:00.000") == seconds(360'000));
    CHECK(read("123456:00:00.001") == Micros{123456} * 3600 * kMicrosPerSecond + millis(1));
}

TEST_CASE("malformed cue timestamps are rejected") {
    for (const char* bad : {"", "1:02.000", "00:60.000", "00:01:60.000", "00:1.000", "00:01.00", "00:01.0000",
                            "00:01,000", "00:01", "aa:bb.ccc", "99999999999:00:00.000", "60:00.000x"}) {
        CAPTURE(bad);
        CHECK_FALSE(read(bad).has_value());
    }
}

TEST_CASE("a comma before the milliseconds is accepted only where SRT allows it") {
    CHECK(read("00:00:01,250", FractionSeparator::DotOrComma) == millis(1'250));
    CHECK_FALSE(read("00:00:01,250", FractionSeparator::Dot).has_value());
}

TEST_CASE("a failed read leaves the position alone") {
    std::size_t pos = 0;
    CHECK_FALSE(readCueTimestamp("00:01:xx", pos, FractionSeparator::Dot).has_value());
    CHECK(pos == 0);
}

TEST_CASE("timing lines report the column of the fault") {
    Diagnostics d;
    SourceLocation where{"t.vtt", 7, 1};
    CHECK_FALSE(readCueTiming("00:01.000 --> 00:0x.000", FractionSeparator::Dot, where, "ex", d).has_value());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-bad-timing");
    CHECK(d.all()[0].where.line == 7);
    CHECK(d.all()[0].where.column == 15);

    Diagnostics arrow;
    CHECK_FALSE(readCueTiming("00:01.000 -> 00:02.000", FractionSeparator::Dot, where, "ex", arrow).has_value());
    REQUIRE(arrow.all().size() == 1);
    CHECK(arrow.all()[0].where.column == 11);

    Diagnostics backwards;
    CHECK_FALSE(readCueTiming("00:05.000 --> 00:02.000", FractionSeparator::Dot, where, "ex", backwards).has_value());
    REQUIRE(backwards.all().size() == 1);
    CHECK(backwards.all()[0].code == "caption-end-before-start");

    Diagnostics fine;
    auto timing = readCueTiming("00:01.000-->00:02.000 align:start", FractionSeparator::Dot, where, "ex", fine);
    REQUIRE(timing.has_value());
    CHECK(fine.empty());
    CHECK(timing->start == seconds(1));
    CHECK(timing->end == seconds(2));
    CHECK(timing->restBegin == 21);
}
