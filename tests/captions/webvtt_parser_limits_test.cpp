// The edges of what a WebVTT file may say: settings at 0% and 100%, and a header that
// runs straight into the first cue. Each decides whether a caption appears, and where.
#include <doctest/doctest.h>

#include "captions/webvtt_parser.h"

using namespace vitrine;

TEST_CASE("WebVTT: percentages from 0% to 100% place the cue, beyond 100% the setting is refused") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n"
                                     "00:01.000 --> 00:02.000 position:100%,line-right size:100% line:0%\n"
                                     "at the right edge\n\n"
                                     "00:03.000 --> 00:04.000 position:100.5% size:0%\n"
                                     "too far\n",
                                     "t.vtt", d);
    REQUIRE(track.cues.size() == 2);
    const CaptionCue& edge = track.cues[0];
    CHECK(edge.position == 100.0);
    CHECK(edge.positionAlign == CaptionCue::PositionAlign::LineRight);
    CHECK(edge.size == 100.0);
    CHECK(edge.line == 0.0);
    CHECK(edge.lineUnit == CaptionCue::LineUnit::Percent);
    const CaptionCue& beyond = track.cues[1];
    CHECK_FALSE(beyond.position.has_value());
    CHECK(beyond.size == 0.0);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-bad-setting");
    CHECK(d.all()[0].where.line == 6);
}

TEST_CASE("WebVTT: a first cue right under the header, without a blank line, is kept") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\nLanguage: hy\n00:01.000 --> 00:02.000\nfirst words\n\n"
                                     "00:03.000 --> 00:04.000\nsecond\n",
                                     "t.vtt", d);
    CHECK(track.lang == "hy");
    REQUIRE(track.cues.size() == 2);
    CHECK(track.cues[0].start == seconds(1));
    CHECK(track.cues[0].plainText() == "first words");
}
