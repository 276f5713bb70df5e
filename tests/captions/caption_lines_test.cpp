#include <doctest/doctest.h>

#include <string>

#include "captions/caption_lines.h"
#include "captions/srt_parser.h"
#include "captions/webvtt_parser.h"

using namespace vitrine;

namespace {

// "00:00:01.000"-style stamps for cue `i`, one second each.
std::string stamp(std::size_t second, char fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%02zu:%02zu:%02zu%c000", second / 3600, second / 60 % 60, second % 60, fraction);
    return text;
}

// `cues` one-second cues, in WebVTT or SRT.
std::string captions(std::size_t cues, bool srt) {
    std::string text = srt ? "" : "WEBVTT\n\n";
    const char fraction = srt ? ',' : '.';
    for (std::size_t i = 0; i < cues; ++i) {
        if (srt) text += std::to_string(i + 1) + "\n";
        text += stamp(i, fraction) + " --> " + stamp(i + 1, fraction) + "\nA line.\n\n";
    }
    return text;
}

CaptionTrack parse(const std::string& text, bool srt, Diagnostics& d) {
    return srt ? parseSrt(text, srt ? "c.srt" : "c.vtt", d) : parseWebVtt(text, "c.vtt", d);
}

}  // namespace

TEST_CASE("caption limits: more cues than the limit is one error at the first cue past it, in WebVTT and SRT") {
    for (bool srt : {false, true}) {
        CAPTURE(srt);
        Diagnostics within;
        CHECK(parse(captions(50, srt), srt, within).cues.size() == 50);
        CHECK(within.empty());
        Diagnostics d;
        const CaptionTrack track = parse(captions(kMaxCaptionCues + 5, srt), srt, d);
        CHECK(track.cues.empty());
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == "too-many-captions");
        // WebVTT: a header and a blank line, then 3 lines a cue; SRT: 4 lines a cue, its timing second.
        const int line = srt ? static_cast<int>(kMaxCaptionCues) * 4 + 2 : 2 + static_cast<int>(kMaxCaptionCues) * 3 + 1;
        CHECK(d.all()[0].where.line == line);
    }
}

TEST_CASE("caption limits: a line longer than the limit is one error at that line") {
    for (bool srt : {false, true}) {
        CAPTURE(srt);
        std::string text = captions(3, srt);
        text += (srt ? "4\n" : "") + stamp(10, srt ? ',' : '.') + " --> " + stamp(11, srt ? ',' : '.') + "\n" +
                std::string(kMaxCaptionLineBytes + 1, 'a') + "\n";
        Diagnostics d;
        CHECK(parse(text, srt, d).cues.empty());
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == "caption-line-too-long");
        CHECK(d.all()[0].where.line == (srt ? 15 : 13));
    }
}

TEST_CASE("caption limits: a caption file larger than the limit is not read") {
    std::string text = "WEBVTT\n\n";
    while (text.size() <= kMaxCaptionFileBytes) text += "NOTE " + std::string(94, '-') + "\n\n";
    Diagnostics d;
    CHECK(parseWebVtt(text, "big.vtt", d).cues.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == "big.vtt");
    CHECK(d.all()[0].where.line > 1);
}
