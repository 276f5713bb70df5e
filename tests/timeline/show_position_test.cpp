#include "timeline/show_position.h"

#include <doctest/doctest.h>

#include "support/in_memory_files.h"

using namespace vitrine;
using vitrine::test::compileText;

TEST_CASE("image items needed: first needed first, one file in two boxes counts twice, wrapping when looping") {
    Diagnostics d;
    Show s = compileText("<exhibit>\n"
                         "<scene id=\"a\" dur=\"10s\"><image id=\"wide\" src=\"p.jpg\" credit=\"c\"/>"
                         "<image id=\"small\" src=\"p.jpg\" credit=\"c\" width=\"20%\" height=\"20%\" begin=\"4s\"/></scene>\n"
                         "<scene id=\"b\" dur=\"10s\"><image id=\"next\" src=\"q.jpg\" credit=\"c\"/>"
                         "<image placeholder=\"to be supplied\"/></scene>\n"
                         "</exhibit>",
                         d);
    auto ids = [&](const std::vector<int>& items) {
        std::vector<std::string> out;
        for (int i : items) out.push_back(s.items[i].id);
        return out;
    };
    CHECK(ids(imageItemsNeeded(s, seconds(2), seconds(5), false)) == std::vector<std::string>{"wide", "small"});
    CHECK(ids(imageItemsNeeded(s, seconds(9), seconds(12), false)) == std::vector<std::string>{"wide", "small", "next"});
    // Near the end of a loop the first scene's pictures are needed again, after the last's.
    CHECK(ids(imageItemsNeeded(s, seconds(18), seconds(22), true)) == std::vector<std::string>{"next", "wide"});
    CHECK(imageItemsNeeded(s, seconds(18), seconds(22), false).size() == 1);
}

TEST_CASE("resolve position: a scene and an offset or a time give a show time, anything else an Error saying why") {
    Diagnostics d;
    Show s = compileText("<exhibit>\n<scene id=\"a\" dur=\"10s\"/>\n<scene id=\"b\" dur=\"10s\"/>\n</exhibit>", d);
    REQUIRE(resolvePosition(s, "b"));
    CHECK(*resolvePosition(s, "b") == seconds(10));
    CHECK(*resolvePosition(s, "b+2.5s") == seconds(12.5));
    CHECK(*resolvePosition(s, "0:03") == seconds(3));

    auto unknown = resolvePosition(s, "c+2s");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "no scene is called 'c'");
    auto neither = resolvePosition(s, "later");
    REQUIRE_FALSE(neither);
    CHECK(neither.error().message.find("'later' is neither a time nor a scene (scenes: a, b)") == 0);
    auto badOffset = resolvePosition(s, "a+soon");
    REQUIRE_FALSE(badOffset);
    CHECK(badOffset.error().message == "'soon' is not a time");
    auto outside = resolvePosition(s, "b+10s");
    REQUIRE_FALSE(outside);
    CHECK(outside.error().message.find("is outside the show") != std::string::npos);
}
