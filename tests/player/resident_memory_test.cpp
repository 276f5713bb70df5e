#include <doctest/doctest.h>

#include "player/resident_memory.h"

using namespace vitrine;

TEST_CASE("resident memory: VmRSS read from a status text, and from this process") {
    CHECK(parseResidentBytes("Name:\tvitrine\nVmPeak:\t  9000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n") ==
          123456LL * 1024);
    CHECK_FALSE(parseResidentBytes("Name:\tkthreadd\nState:\tS\n"));
    CHECK_FALSE(parseResidentBytes("VmRSS:\t \n"));
    auto rss = residentBytes();
    REQUIRE(rss);
    CHECK(*rss > 1024 * 1024);  // a test program holds more than a megabyte
}
