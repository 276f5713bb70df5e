#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "control/refusal_tally.h"

using namespace vitrine::control;

TEST_CASE("refusal tally: the first refusal is logged at once, then one line a minute at most") {
    std::int64_t now = 5'000'000;
    std::vector<std::string> lines;
    RefusalTally tally("http", [&](const std::string& l) { lines.push_back(l); }, [&] { return now; });
    tally.refuse("without a valid token", "127.0.0.1");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "control: http refused 1 request: 1 without a valid token from 127.0.0.1");
    for (int i = 0; i < 1200; ++i) tally.refuse("without a valid token", "127.0.0.1");
    for (int i = 0; i < 34; ++i) tally.refuse("too slow", "::1");
    now += RefusalTally::kPeriodMicros - 1;
    tally.flushIfDue();
    CHECK(lines.size() == 1);  // not yet a minute
    now += 1;
    tally.flushIfDue();
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] == "control: http refused 1234 requests in the last 60 s: 1200 without a valid token from 127.0.0.1, "
                      "34 too slow from ::1");
    tally.flushIfDue();
    CHECK(lines.size() == 2);  // nothing waiting, nothing written
    CHECK(tally.total() == 1235);
}

TEST_CASE("refusal tally: a line names a bounded number of sources, the rest are summed") {
    std::int64_t now = 0;
    std::vector<std::string> lines;
    RefusalTally tally("osc", [&](const std::string& l) { lines.push_back(l); }, [&] { return now; });
    tally.refuse("malformed", "10.0.0.1");
    for (int i = 0; i < 10'000; ++i) tally.refuse("malformed", "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256));
    tally.flush();
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].size() < 400);
    CHECK(lines[1].find("refused 10000 requests") != std::string::npos);
    CHECK(lines[1].find(std::to_string(10'000 - RefusalTally::kNamedSources) + " from other addresses") != std::string::npos);
}
