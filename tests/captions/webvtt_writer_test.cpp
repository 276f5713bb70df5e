#include <doctest/doctest.h>

#include "captions/webvtt_parser.h"
#include "captions/webvtt_writer.h"

namespace vitrine {
namespace {

// Cues compared on everything the file says; `where` differs by design.
void checkSameCues(const CaptionTrack& a, const CaptionTrack& b) {
    CHECK(a.lang == b.lang);
    REQUIRE(a.cues.size() == b.cues.size());
    for (std::size_t i = 0; i < a.cues.size(); ++i) {
        const CaptionCue& x = a.cues[i];
        const CaptionCue& y = b.cues[i];
        INFO("cue " << i << ": " << x.plainText());
        CHECK(x.id == y.id);
        CHECK(x.start == y.start);
        CHECK(x.end == y.end);
        CHECK(x.lines == y.lines);
        CHECK(x.voice == y.voice);
        CHECK(x.line == y.line);
        CHECK(x.lineUnit == y.lineUnit);
        CHECK(x.lineAlign == y.lineAlign);
        CHECK(x.position == y.position);
        CHECK(x.positionAlign == y.positionAlign);
        CHECK(x.size == y.size);
        CHECK(x.align == y.align);
        CHECK(x.vertical == y.vertical);
    }
}

}  // namespace

TEST_CASE("webvtt writer: timestamps are hours form, rounded to the millisecond") {
    CHECK(formatWebVttTimestamp(0) == "00:00:00.000");
    CHECK(formatWebVttTimestamp(seconds(61.5)) == "00:01:01.500");
    CHECK(formatWebVttTimestamp(seconds(3600 * 101 + 2.25)) == "101:00:02.250");
    CHECK(formatWebVttTimestamp(1'499) == "00:00:00.001");
    CHECK(formatWebVttTimestamp(1'500) == "00:00:00.002");
}

TEST_CASE("webvtt writer: a parsed file written and parsed again gives the same cues") {
    const char* source =
        "WEBVTT\n"
        "Language: hy\n"
        "\n"
        "NOTE a comment the writer does not keep\n"
        "\n"
        "intro\n"
        "00:01.000 --> 00:04.000 line:-2 position:30%,line-left size:60% align:start\n"
        "<v Ruben Sahakyan>We lived on <i>Basin</i> street</v>\n"
        "<v.loud Anna>and then</v> <b>&lt;nothing&gt;</b> &amp; more\n"
        "\n"
        "00:04.500 --> 00:07.000 line:10%,end vertical:rl align:right\n"
        "<lang ru><i>Армяне</i></lang> -- &gt; arrows --&gt; stay text\n"
        "\n"
        "00:07.000 --> 01:00:08.125 position:50%,center align:end line:0,center\n"
        "<v Nobody></v>plain words after an empty voice\n"
        "<b> </b>\n"
        "last\n"
        "\n"
        "00:09.000 --> 00:09.500\n"
        "<c></c>\n";
    Diagnostics first;
    CaptionTrack parsed = parseWebVtt(source, "in.vtt", first);
    REQUIRE_FALSE(first.hasErrors());
    REQUIRE(parsed.cues.size() == 4);

    std::string written = writeWebVtt(parsed);
    INFO(written);
    Diagnostics second;
    CaptionTrack again = parseWebVtt(written, "out.vtt", second);
    CHECK(second.empty());
    checkSameCues(parsed, again);
    // And writing is stable: the second file is the first.
    CHECK(writeWebVtt(again) == written);
}

TEST_CASE("webvtt writer: ids that would read as timing lines are dropped, text that looks like markup is escaped") {
    CaptionTrack track;
    CaptionCue cue;
    cue.id = "a --> b";
    cue.start = seconds(1);
    cue.end = seconds(2);
    auto plain = [](const char* text) {
        CaptionSpan s;
        s.text = text;
        return std::vector<CaptionSpan>{s};
    };
    cue.lines = {plain("1 < 2 && 3 > 2 -->"), plain("   ")};
    track.cues.push_back(cue);
    std::string written = writeWebVtt(track);
    CHECK(written.find("a --> b") == std::string::npos);
    Diagnostics diagnostics;
    CaptionTrack again = parseWebVtt(written, "out.vtt", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(again.cues.size() == 1);
    CHECK(again.cues[0].id.empty());
    CHECK(again.cues[0].lines == cue.lines);
}

TEST_CASE("webvtt writer: settings at their limits are written back exactly") {
    const char* source =
        "WEBVTT\n"
        "\n"
        "00:01.000 --> 00:02.000 position:100%,line-right line:100%,end size:100% align:end\n"
        "at the far corner\n"
        "\n"
        "00:02.000 --> 00:03.000 position:0%,line-left line:0%,center size:0% align:start\n"
        "at the near corner\n"
        "\n"
        "00:03.000 --> 00:04.000 line:0 align:left\n"
        "first line\n"
        "\n"
        "00:04.000 --> 00:05.000 line:-1 align:right vertical:lr\n"
        "last line\n";
    Diagnostics first;
    CaptionTrack parsed = parseWebVtt(source, "in.vtt", first);
    REQUIRE(first.empty());
    REQUIRE(parsed.cues.size() == 4);
    REQUIRE(parsed.cues[0].position == 100.0);
    REQUIRE(parsed.cues[0].line == 100.0);
    REQUIRE(parsed.cues[0].size == 100.0);
    REQUIRE(parsed.cues[1].size == 0.0);

    std::string written = writeWebVtt(parsed);
    INFO(written);
    for (const char* setting : {" line:100%,end position:100%,line-right size:100% align:end\n",
                                " line:0%,center position:0%,line-left size:0% align:start\n", " line:0 align:left\n",
                                " line:-1 align:right vertical:lr\n"}) {
        CAPTURE(setting);
        CHECK(written.find(setting) != std::string::npos);
    }
    Diagnostics second;
    checkSameCues(parsed, parseWebVtt(written, "out.vtt", second));
    CHECK(second.empty());
}

}  // namespace vitrine
