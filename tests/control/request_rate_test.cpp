#include <doctest/doctest.h>

#include <string>

#include "control/request_rate.h"

using vitrine::control::RequestRate;

TEST_CASE("request rate: a burst of twice the rate then the rate itself per address") {
    std::int64_t now = 0;
    RequestRate rate(5, [&] { return now; });
    int allowed = 0;
    for (int i = 0; i < 20; ++i) allowed += rate.allow("10.0.0.1");
    CHECK(allowed == 10);  // the burst
    CHECK(rate.allow("10.0.0.2"));  // another phone is not held back by the first
    now += 1'000'000;  // a second later: five more, not more
    allowed = 0;
    for (int i = 0; i < 20; ++i) allowed += rate.allow("10.0.0.1");
    CHECK(allowed == 5);
    now += 200'000;
    CHECK(rate.allow("10.0.0.1"));
    CHECK_FALSE(rate.allow("10.0.0.1"));
}

TEST_CASE("request rate: no limit at 0 and the table of addresses stays bounded") {
    RequestRate none(0);
    for (int i = 0; i < 1000; ++i) REQUIRE(none.allow("10.0.0.1"));
    std::int64_t now = 0;
    RequestRate rate(1, [&] { return now; });
    // A flood from ever new addresses: each is remembered until the table is full…
    for (std::size_t i = 0; i < RequestRate::kMaxAddresses; ++i) REQUIRE(rate.allow("a" + std::to_string(i)));
    CHECK_FALSE(rate.allow("one too many"));
    // …and once the first ones are idle again (their buckets full), they make room.
    now += 10'000'000;
    CHECK(rate.allow("one too many"));
}
