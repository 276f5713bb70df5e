#include <doctest/doctest.h>

#include "captions/caption_track.h"

using namespace vitrine;

namespace {

CaptionCue cue(std::string id, Micros start, Micros end) {
    CaptionCue c;
    c.id = std::move(id);
    c.start = start;
    c.end = end;
    return c;
}

std::vector<std::string> ids(const std::vector<const CaptionCue*>& cues) {
    std::vector<std::string> out;
    for (const CaptionCue* c : cues) out.push_back(c->id);
    return out;
}

}  // namespace

TEST_CASE("caption activeAt includes the start and excludes the end") {
    CaptionTrack track;
    track.cues = {cue("a", seconds(1), seconds(3)), cue("b", seconds(3), seconds(5))};
    CHECK(ids(track.activeAt(seconds(1) - 1)).empty());
    CHECK(ids(track.activeAt(seconds(1))) == std::vector<std::string>{"a"});
    CHECK(ids(track.activeAt(seconds(3) - 1)) == std::vector<std::string>{"a"});
    // At 3 s the first cue has ended and the second begun: exactly one, never both or none.
    CHECK(ids(track.activeAt(seconds(3))) == std::vector<std::string>{"b"});
    CHECK(ids(track.activeAt(seconds(5))).empty());
}

TEST_CASE("caption activeAt returns overlapping cues in track order") {
    CaptionTrack track;
    track.cues = {cue("long", seconds(0), seconds(10)), cue("short", seconds(2), seconds(4)),
                  cue("later", seconds(3), seconds(6))};
    CHECK(ids(track.activeAt(seconds(3))) == std::vector<std::string>{"long", "short", "later"});
    CHECK(ids(track.activeAt(seconds(4))) == std::vector<std::string>{"long", "later"});
    CHECK(ids(track.activeAt(seconds(7))) == std::vector<std::string>{"long"});
}

TEST_CASE("a zero-length cue is never active") {
    CaptionTrack track;
    track.cues = {cue("zero", seconds(2), seconds(2))};
    CHECK(track.activeAt(seconds(2)).empty());
}

TEST_CASE("sortCues orders by start and keeps file order for equal starts") {
    CaptionTrack track;
    track.cues = {cue("c", seconds(5), seconds(6)), cue("a1", seconds(1), seconds(2)), cue("a2", seconds(1), seconds(3))};
    track.sortCues();
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].id == "a1");
    CHECK(track.cues[1].id == "a2");
    CHECK(track.cues[2].id == "c");
}

TEST_CASE("plainText joins lines and spans") {
    CaptionCue c;
    c.lines = {{{"Hello ", false, false, "", ""}, {"there", true, false, "", ""}}, {{"second", false, false, "", ""}}};
    CHECK(c.plainText() == "Hello there\nsecond");
}
