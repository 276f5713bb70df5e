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
