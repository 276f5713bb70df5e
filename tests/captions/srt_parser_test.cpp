#include <doctest/doctest.h>

#include "captions/srt_parser.h"

using namespace vitrine;

namespace {

std::vector<std::string> texts(const CaptionTrack& track) {
    std::vector<std::string> out;
    for (const auto& c : track.cues) out.push_back(c.plainText());
    return out;
}

}  // namespace

TEST_CASE("a valid SRT file with numbered blocks, tags and multi-line text") {
    const char* text =
        "1\n"
        "00:00:01,000 --> 00:00:04,000\n"
        "<i>January 1990.</i>\n"
        "\n"
        "2\n"
        "00:00:04,500 --> 00:00:08,250\n"
        "<b>Baku</b>, <u>Azerbaijan</u>\n"
        "<font color=\"#ffff00\">second line</font>\n"
        "\n"
        "3\n"
        "01:00:00,000 --> 01:00:01,000 X1:10 X2:20 Y1:30 Y2:40\n"
        "Tom & Jerry &amp; friends\n";
    Diagnostics d;
    CaptionTrack track = parseSrt(text, "t.srt", d);
    CHECK(d.empty());
    CHECK(track.file == "t.srt");
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].id == "1");
    CHECK(track.cues[0].start == seconds(1));
    CHECK(track.cues[0].end == seconds(4));
    CHECK(track.cues[0].where.line == 2);
    REQUIRE(track.cues[0].lines.size() == 1);
    CHECK(track.cues[0].lines[0][0] == CaptionSpan{"January 1990.", true, false, "", ""});
    CHECK(track.cues[1].end == millis(8'250));
    REQUIRE(track.cues[1].lines.size() == 2);
    CHECK(track.cues[1].lines[0][0] == CaptionSpan{"Baku", false, true, "", ""});
    CHECK(track.cues[1].plainText() == "Baku, Azerbaijan\nsecond line");
    CHECK(track.cues[2].start == seconds(3600));
    CHECK(track.cues[2].plainText() == "Tom & Jerry & friends");
}

TEST_CASE("SRT: BOM, CRLF, no final newline, blank lines with spaces, extra blank lines") {
    Diagnostics d;
    CaptionTrack track = parseSrt("\xEF\xBB\xBF\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nfirst\r\n  \r\n\r\n\r\n"
                                  "2\r\n00:00:03,000 --> 00:00:04,000\r\nsecond",
                                  "crlf.srt", d);
    CHECK(d.empty());
    CHECK(texts(track) == std::vector<std::string>{"first", "second"});
    CHECK(track.cues[1].where.line == 9);  // the timing line
}

TEST_CASE("SRT: missing blank lines between blocks, missing index, dots and omitted hours") {
    Diagnostics d;
    CaptionTrack track = parseSrt(
        "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
        "00:00:05.000 --> 00:00:06.000\nno index, dot\n\n4\n00:07,000 --> 00:08,000\nno hours\n",
        "sloppy.srt", d);
    CHECK(d.empty());
    CHECK(texts(track) == std::vector<std::string>{"first", "second", "no index, dot", "no hours"});
    CHECK(track.cues[2].id.empty());
    CHECK(track.cues[3].start == seconds(7));
}

TEST_CASE("SRT: a number inside the text does not split the block") {
    Diagnostics d;
    CaptionTrack track = parseSrt("1\n00:00:01,000 --> 00:00:02,000\nThe year was\n1990\n", "n.srt", d);
    CHECK(d.empty());
    CHECK(texts(track) == std::vector<std::string>{"The year was\n1990"});
}

TEST_CASE("SRT: malformed blocks are reported with their line and skipped") {
    const char* text =
        "1\n"                                   // 1
        "00:00:01,000 --> 00:00:02,000\n"       // 2
        "good one\n"                            // 3
        "\n"                                    // 4
        "2\n"                                   // 5
        "00:00:03,000 --> 00:00:0x,000\n"       // 6 bad end time
        "lost\n"                                // 7
        "\n"                                    // 8
        "3\n"                                   // 9
        "00:00:09,000 --> 00:00:05,000\n"       // 10 end before start
        "backwards\n"                           // 11
        "\n"                                    // 12
        "4\n"                                   // 13
        "00:00:10,000 00:00:11,000\n"           // 14 no arrow
        "lost too\n"                            // 15
        "\n"                                    // 16
        "5\n"                                   // 17
        "00:00:12,000 --> 00:00:13,000\n"       // 18
        "good two\n";                           // 19
    Diagnostics d;
    CaptionTrack track = parseSrt(text, "bad.srt", d);
    CHECK(texts(track) == std::vector<std::string>{"good one", "good two"});
    REQUIRE(d.all().size() == 3);
    CHECK(d.all()[0].code == "caption-bad-timing");
    CHECK(d.all()[0].where.file == "bad.srt");
    CHECK(d.all()[0].where.line == 6);
    CHECK(d.all()[0].where.column == 18);
    CHECK(d.all()[1].code == "caption-end-before-start");
    CHECK(d.all()[1].where.line == 10);
    // A time without its arrow is a timing line with a fault, named at its column.
    CHECK(d.all()[2].code == "caption-bad-timing");
    CHECK(d.all()[2].where.line == 14);
    CHECK(d.all()[2].where.column == 14);
    CHECK(d.all()[2].message.find("expected '-->'") != std::string::npos);
}

TEST_CASE("SRT: an empty file has no cues and no complaints") {
    Diagnostics d;
    CHECK(parseSrt("", "e.srt", d).cues.empty());
    CHECK(parseSrt("\xEF\xBB\xBF\r\n\r\n", "e.srt", d).cues.empty());
    CHECK(d.empty());
}

namespace {

// "code@line:col" of each problem, in the order found.
std::vector<std::string> problems(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& p : d.all())
        out.push_back(p.code + "@" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column));
    return out;
}

const std::string kTwoCues = "1\r\n00:00:01,000 --> 00:00:02,000\r\nfirst\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nsecond\r\n";

std::string utf16(const std::string& ascii, bool littleEndian, bool mark) {
    std::string out = mark ? (littleEndian ? "\xFF\xFE" : "\xFE\xFF") : "";
    for (char c : ascii) out += littleEndian ? std::string{c, '\0'} : std::string{'\0', c};
    return out;
}

}  // namespace

TEST_CASE("SRT: UTF-16, little or big endian, with or without a byte-order mark, is read and named") {
    for (bool littleEndian : {true, false}) {
        for (bool mark : {true, false}) {
            CAPTURE(littleEndian);
            CAPTURE(mark);
            Diagnostics d;
            CaptionTrack track = parseSrt(utf16(kTwoCues, littleEndian, mark), "u.srt", d);
            CHECK(texts(track) == std::vector<std::string>{"first", "second"});
            REQUIRE(problems(d) == std::vector<std::string>{"caption-encoding@1:1"});
            CHECK(d.all()[0].severity == Severity::Warning);
            CHECK(d.all()[0].message.find(littleEndian ? "UTF-16 LE" : "UTF-16 BE") != std::string::npos);
        }
    }
}

TEST_CASE("SRT: a file that is not UTF-8 is read as Windows-1252 and named") {
    Diagnostics d;
    CaptionTrack track = parseSrt("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xE9 \x93" "Baku\x94\r\n", "w.srt", d);
    CHECK(texts(track) == std::vector<std::string>{"Caf\xC3\xA9 \xE2\x80\x9C" "Baku\xE2\x80\x9D"});
    REQUIRE(problems(d) == std::vector<std::string>{"caption-encoding@1:1"});
    CHECK(d.all()[0].message.find("Windows-1252") != std::string::npos);

    Diagnostics utf8;
    CHECK(texts(parseSrt("1\n00:00:01,000 --> 00:00:02,000\nCaf\xC3\xA9\n", "u.srt", utf8)) ==
          std::vector<std::string>{"Caf\xC3\xA9"});
    CHECK(utf8.empty());
}

TEST_CASE("SRT: lone CR line ends (old Mac editors)") {
    Diagnostics d;
    CaptionTrack track = parseSrt("1\r00:00:01,000 --> 00:00:02,000\rfirst\r\r2\r00:00:03,000 --> 00:00:04,000\rsecond\r",
                                  "cr.srt", d);
    CHECK(texts(track) == std::vector<std::string>{"first", "second"});
    CHECK(d.empty());
}

TEST_CASE("SRT: one or two digits of milliseconds are read as a fraction, with a warning") {
    Diagnostics d;
    CaptionTrack track = parseSrt("1\n00:00:01,50 --> 00:00:02,5\nshort\n", "m.srt", d);
    REQUIRE(track.cues.size() == 1);
    CHECK(track.cues[0].start == 1'500'000);
    CHECK(track.cues[0].end == 2'500'000);
    CHECK(problems(d) == std::vector<std::string>{"caption-short-milliseconds@2:1", "caption-short-milliseconds@2:17"});
}

TEST_CASE("SRT: blank lines inside a subtitle's text, as real files have them, keep the text") {
    Diagnostics d;
    CaptionTrack track = parseSrt("1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nstill first\n\n1990\n\n"
                                  "2\n00:00:03,000 --> 00:00:04,000\nsecond\n\n"
                                  "00:00:05,000 --> 00:00:06,000\nno index\n",
                                  "b.srt", d);
    CHECK(texts(track) == std::vector<std::string>{"first\n\nstill first\n\n1990", "second", "no index"});
    CHECK(d.empty());
}
