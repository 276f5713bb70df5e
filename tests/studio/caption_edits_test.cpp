#include <doctest/doctest.h>

#include "studio/caption_edits.h"
#include "studio/caption_tapper.h"

namespace vitrine::studio {
namespace {

constexpr Micros kMs = kMicrosPerMillisecond;

const char* kFile =
    "WEBVTT\n"
    "\n"
    "NOTE keep this note\n"
    "\n"
    "first\n"
    "00:01.000 --> 00:02.000 line:-3 align:start\n"
    "<v Ruben>We lived on <i>Basin</i> street.</v>\n"
    "\n"
    "00:02.500  -->  00:04.000\n"
    "Two\n";

std::string edited(std::string text, const TextEdit& edit) {
    applyEdit(text, edit);
    return text;
}

}  // namespace

TEST_CASE("formatCueTimestampLike keeps the file's form of a timestamp") {
    CHECK(formatCueTimestampLike("00:01.000", 1300 * kMs) == "00:01.300");
    CHECK(formatCueTimestampLike("00:00:01.000", 1300 * kMs) == "00:00:01.300");
    CHECK(formatCueTimestampLike("0:00:01.000", 61300 * kMs) == "0:01:01.300");
    CHECK(formatCueTimestampLike("00:00:01,000", 1300 * kMs) == "00:00:01,300");
    // Past an hour, a file without hours needs them.
    CHECK(formatCueTimestampLike("59:59.000", 3601 * kMicrosPerSecond) == "01:00:01.000");
}

TEST_CASE("cueTimingEdit changes only the two timestamps of the cue's timing line") {
    Diagnostics d;
    const CaptionTrack track = parseCaptionText(kFile, "voice.vtt", d);
    REQUIRE(track.cues.size() == 2);
    auto first = cueTimingEdit(kFile, track.cues[0], 1200 * kMs, 2250 * kMs);
    REQUIRE(first);
    CHECK(edited(kFile, *first) == std::string(kFile).replace(std::string(kFile).find("00:01.000 --> 00:02.000"), 23,
                                                              "00:01.200 --> 00:02.250"));
    // The spaces around the arrow are the file's own.
    auto second = cueTimingEdit(kFile, track.cues[1], 3 * kMicrosPerSecond, 4 * kMicrosPerSecond);
    REQUIRE(second);
    CHECK(edited(kFile, *second).ends_with("00:03.000  -->  00:04.000\nTwo\n"));
    CHECK(second->replacement == "00:03.000  -->  00:04.000");
}

TEST_CASE("cueTimingEdit keeps an SRT file's commas and a byte order mark") {
    const std::string srt = "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nTwo\r\n";
    Diagnostics d;
    const CaptionTrack track = parseCaptionText(srt, "voice.srt", d);
    REQUIRE(track.cues.size() == 2);
    auto edit = cueTimingEdit(srt, track.cues[1], 2500 * kMs, 4 * kMicrosPerSecond);
    REQUIRE(edit);
    CHECK(edited(srt, *edit) == "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nTwo\r\n");
}

TEST_CASE("cueTimingRecipe finds its cue by index and the times it had") {
    auto recipe = cueTimingRecipe("voice.vtt", {1, 2500 * kMs, 4000 * kMs}, 3000 * kMs, 4000 * kMs);
    CHECK(recipe(kFile));
    auto stale = cueTimingRecipe("voice.vtt", {1, 2600 * kMs, 4000 * kMs}, 3000 * kMs, 4000 * kMs);
    auto why = stale(kFile);
    REQUIRE(!why);
    CHECK(why.error().message == "cue 2 of voice.vtt is no longer at 0:02.600–0:04.000 (it is at 0:02.500–0:04.000)");
    CHECK(!cueTimingRecipe("voice.vtt", {2, 0, 0}, 0, 1)(kFile));
}

TEST_CASE("draggedCue clamps a cue between its neighbours, 0 and its sound's end") {
    Diagnostics d;
    const CaptionTrack track = parseCaptionText(kFile, "voice.vtt", d);
    const CueLimits first = cueLimits(track, 0, 10 * kMicrosPerSecond);
    CHECK(first.earliest == 0);
    CHECK(first.latest == 2500 * kMs);
    const CueLimits last = cueLimits(track, 1, 10 * kMicrosPerSecond);
    CHECK(last.earliest == 2000 * kMs);
    CHECK(last.latest == 10 * kMicrosPerSecond);
    using P = std::pair<Micros, Micros>;
    // Moves keep the length and stop at 0, at the next cue, at the sound's end.
    CHECK(draggedCue(track.cues[0], CueDrag::Move, -5 * kMicrosPerSecond, first) == P{0, 1000 * kMs});
    CHECK(draggedCue(track.cues[0], CueDrag::Move, 2 * kMicrosPerSecond, first) == P{1500 * kMs, 2500 * kMs});
    CHECK(draggedCue(track.cues[1], CueDrag::Move, -1 * kMicrosPerSecond, last) == P{2000 * kMs, 3500 * kMs});
    CHECK(draggedCue(track.cues[1], CueDrag::Move, 9 * kMicrosPerSecond, last) == P{8500 * kMs, 10000 * kMs});
    CHECK(draggedCue(track.cues[1], CueDrag::Move, 100 * kMs, last) == P{2600 * kMs, 4100 * kMs});
    // Trims stop at a neighbour and leave the shortest caption the tapper allows.
    CHECK(draggedCue(track.cues[0], CueDrag::TrimEnd, 3 * kMicrosPerSecond, first) == P{1000 * kMs, 2500 * kMs});
    CHECK(draggedCue(track.cues[0], CueDrag::TrimEnd, -3 * kMicrosPerSecond, first) == P{1000 * kMs, 1000 * kMs + kShortestCaption});
    CHECK(draggedCue(track.cues[1], CueDrag::TrimStart, -3 * kMicrosPerSecond, last) == P{2000 * kMs, 4000 * kMs});
    CHECK(draggedCue(track.cues[1], CueDrag::TrimStart, 3 * kMicrosPerSecond, last) == P{4000 * kMs - kShortestCaption, 4000 * kMs});
}

}  // namespace vitrine::studio
