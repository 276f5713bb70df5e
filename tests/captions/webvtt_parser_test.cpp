#include <doctest/doctest.h>

#include "captions/webvtt_parser.h"

using namespace vitrine;

namespace {

const Diagnostic* findCode(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return &x;
    return nullptr;
}

std::vector<std::string> texts(const CaptionTrack& track) {
    std::vector<std::string> out;
    for (const auto& c : track.cues) out.push_back(c.plainText());
    return out;
}

}  // namespace

TEST_CASE("a valid WebVTT file with header, notes, styles, ids, settings and voices") {
    const char* text =
        "WEBVTT - testimony 01\n"
        "Kind: captions\n"
        "Language: en\n"
        "\n"
        "STYLE\n"
        "::cue { color: yellow }\n"
        "\n"
        "NOTE recorded in Yerevan, 2019\n"
        "and transcribed by hand\n"
        "\n"
        "intro\n"
        "00:00.000 --> 00:04.000 line:-2 position:10%,line-left size:80% align:start\n"
        "<v Anna>We left Baku in January.</v>\n"
        "\n"
        "00:04.000 --> 00:08.500 line:10%,end\n"
        "<v.narrator Narrator>Her family</v>\n"
        "<i>never</i> returned &amp; <b>never</b> spoke of it.\n"
        "\n"
        "3\n"
        "01:00:00.000 --> 01:00:02.000 vertical:rl align:right\n"
        "One hour in.\n";
    Diagnostics d;
    CaptionTrack track = parseWebVtt(text, "t.vtt", d);
    CHECK(d.empty());
    CHECK(track.file == "t.vtt");
    CHECK(track.lang == "en");
    REQUIRE(track.cues.size() == 3);

    const CaptionCue& a = track.cues[0];
    CHECK(a.id == "intro");
    CHECK(a.start == 0);
    CHECK(a.end == seconds(4));
    REQUIRE(a.line.has_value());
    CHECK(*a.line == -2.0);
    CHECK(a.lineUnit == CaptionCue::LineUnit::LineNumber);
    CHECK(a.position == 10.0);
    CHECK(a.positionAlign == CaptionCue::PositionAlign::LineLeft);
    CHECK(a.size == 80.0);
    CHECK(a.align == CaptionCue::Align::Start);
    CHECK(a.voice == "Anna");
    CHECK(a.where.line == 12);
    CHECK(a.plainText() == "We left Baku in January.");

    const CaptionCue& b = track.cues[1];
    CHECK(b.id.empty());
    CHECK(b.end == millis(8'500));
    CHECK(b.line == 10.0);
    CHECK(b.lineUnit == CaptionCue::LineUnit::Percent);
    CHECK(b.lineAlign == CaptionCue::LineAlign::End);
    CHECK_FALSE(b.position.has_value());
    CHECK(b.align == CaptionCue::Align::Center);
    CHECK(b.voice == "Narrator");
    REQUIRE(b.lines.size() == 2);
    CHECK(b.lines[0][0].voice == "Narrator");
    REQUIRE(b.lines[1].size() == 4);
    CHECK(b.lines[1][0] == CaptionSpan{"never", true, false, "", ""});
    CHECK(b.lines[1][1].text == " returned & ");
    CHECK(b.lines[1][2] == CaptionSpan{"never", false, true, "", ""});

    const CaptionCue& c = track.cues[2];
    CHECK(c.id == "3");
    CHECK(c.start == seconds(3600));
    CHECK(c.vertical == CaptionCue::Vertical::RightToLeft);
    CHECK(c.align == CaptionCue::Align::Right);
}

TEST_CASE("WebVTT: BOM, CRLF, lone CR and a missing final newline") {
    Diagnostics d;
    CaptionTrack crlf = parseWebVtt("\xEF\xBB\xBFWEBVTT\r\n\r\n1\r\n00:01.000 --> 00:02.000\r\nline one\r\nline two", "c.vtt", d);
    CHECK(d.empty());
    REQUIRE(crlf.cues.size() == 1);
    CHECK(crlf.cues[0].id == "1");
    CHECK(crlf.cues[0].plainText() == "line one\nline two");

    CaptionTrack cr = parseWebVtt("WEBVTT\r\r00:01.000 --> 00:02.000\rold mac\r\r00:03.000 --> 00:04.000\rtwo\r", "r.vtt", d);
    CHECK(d.empty());
    CHECK(texts(cr) == std::vector<std::string>{"old mac", "two"});
}

TEST_CASE("WebVTT: hours above 99, omitted hours, very long shows") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt(
        "WEBVTT\n\n"
        "59:58.000 --> 01:00:01.000\nacross the hour\n\n"
        "23:59:59.000 --> 24:00:01.000\nacross midnight of the show\n\n"
        "100:00:00.000 --> 100:00:05.000\nday five\n",
        "long.vtt", d);
    CHECK(d.empty());
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].start == seconds(3598));
    CHECK(track.cues[0].end == seconds(3601));
    CHECK(track.cues[1].end == seconds(24 * 3600 + 1));
    CHECK(track.activeAt(seconds(24 * 3600)).size() == 1);
    CHECK(track.cues[2].start == seconds(100 * 3600));
}

TEST_CASE("WebVTT: zero-length cue is kept with a warning, empty payload is kept") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01.000 --> 00:01.000\nblink\n\nempty\n00:02.000 --> 00:03.000\n\n"
                                     "00:04.000 --> 00:05.000\nafter\n",
                                     "z.vtt", d);
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].start == track.cues[0].end);
    CHECK(track.cues[1].id == "empty");
    CHECK(track.cues[1].lines.empty());
    CHECK(track.cues[2].plainText() == "after");
    const Diagnostic* zero = findCode(d, "caption-zero-length");
    REQUIRE(zero != nullptr);
    CHECK(zero->severity == Severity::Warning);
    CHECK(zero->where.line == 3);
    CHECK_FALSE(d.hasErrors());
}

TEST_CASE("WebVTT: a missing header is one error at line 1") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("00:01.000 --> 00:02.000\nhello\n", "nohead.vtt", d);
    CHECK(track.cues.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-missing-header");
    CHECK(d.all()[0].where.file == "nohead.vtt");
    CHECK(d.all()[0].where.line == 1);
    // "WEBVTTX" is not the signature either; "WEBVTT" followed by a tab is.
    Diagnostics x;
    parseWebVtt("WEBVTTX\n", "x.vtt", x);
    CHECK(x.errorCount() == 1);
    Diagnostics tab;
    parseWebVtt("WEBVTT\tdescription\n", "tab.vtt", tab);
    CHECK(tab.empty());
}

TEST_CASE("WebVTT: malformed cues are reported with line and column and skipped, the rest survive") {
    const char* text =
        "WEBVTT\n"                          // 1
        "\n"                                // 2
        "00:01.000 --> 00:02.000\n"         // 3
        "first\n"                           // 4
        "\n"                                // 5
        "bad\n"                             // 6
        "00:03.000 --> 00:0x.000\n"         // 7  bad end time
        "lost\n"                            // 8
        "\n"                                // 9
        "00:05.000 --> 00:04.000\n"         // 10 end before start
        "backwards\n"                       // 11
        "\n"                                // 12
        "just some stray words\n"           // 13 not a cue
        "\n"                                // 14
        "00:06.000 --> 00:07.000 size:200% wobble:yes\n"  // 15 bad settings: warnings only
        "second\n"                          // 16
        "\n"                                // 17
        "00:08.000 -- 00:09.000\n"          // 18 a mistyped arrow
        "also lost\n"                       // 19
        "\n"                                // 20
        "00:10.000 --> 00:11.000\n"         // 21
        "third\n";                          // 22
    Diagnostics d;
    CaptionTrack track = parseWebVtt(text, "bad.vtt", d);
    CHECK(texts(track) == std::vector<std::string>{"first", "second", "third"});

    const Diagnostic* timing = findCode(d, "caption-bad-timing");
    REQUIRE(timing != nullptr);
    CHECK(timing->where.file == "bad.vtt");
    CHECK(timing->where.line == 7);
    CHECK(timing->where.column == 15);

    const Diagnostic* backwards = findCode(d, "caption-end-before-start");
    REQUIRE(backwards != nullptr);
    CHECK(backwards->where.line == 10);

    std::vector<int> notCueLines;
    for (const auto& x : d.all())
        if (x.code == "caption-not-a-cue") notCueLines.push_back(x.where.line);
    CHECK(notCueLines == std::vector<int>{13});
    std::vector<std::string> timingFaults;
    for (const auto& x : d.all())
        if (x.code == "caption-bad-timing")
            timingFaults.push_back(std::to_string(x.where.line) + ":" + std::to_string(x.where.column));
    CHECK(timingFaults == std::vector<std::string>{"7:15", "18:11"});

    const Diagnostic* size = findCode(d, "caption-bad-setting");
    REQUIRE(size != nullptr);
    CHECK(size->severity == Severity::Warning);
    CHECK(size->where.line == 15);
    CHECK(size->where.column == 25);
    const Diagnostic* unknown = findCode(d, "caption-unknown-setting");
    REQUIRE(unknown != nullptr);
    CHECK(unknown->where.column == 35);
    CHECK(d.errorCount() == 4);
    CHECK_FALSE(track.cues[1].size.has_value());
}

TEST_CASE("WebVTT: a timing line without a blank line before it starts a new cue") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt(
        "WEBVTT\n00:00.500 --> 00:01.000\nright after the header\n00:01.000 --> 00:02.000\nno blank line\n", "tight.vtt",
        d);
    CHECK(d.empty());
    CHECK(texts(track) == std::vector<std::string>{"right after the header", "no blank line"});
}

TEST_CASE("WebVTT: overlapping and out-of-order cues are kept and sorted by start") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt(
        "WEBVTT\n\n00:05.000 --> 00:09.000\nlate\n\n00:01.000 --> 00:06.000\nearly\n\n00:05.000 --> 00:07.000\nlate too\n",
        "o.vtt", d);
    CHECK(d.empty());
    CHECK(texts(track) == std::vector<std::string>{"early", "late", "late too"});
    auto active = track.activeAt(seconds(5));
    REQUIRE(active.size() == 3);
    CHECK(active[0]->plainText() == "early");
    CHECK(active[1]->plainText() == "late");
}

TEST_CASE("WebVTT: a STYLE block after a cue is ignored with a warning") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01.000 --> 00:02.000\na\n\nSTYLE\n::cue {}\n", "s.vtt", d);
    CHECK(track.cues.size() == 1);
    const Diagnostic* w = findCode(d, "caption-misplaced-block");
    REQUIRE(w != nullptr);
    CHECK(w->where.line == 6);
}

TEST_CASE("hasWebVttSignature") {
    CHECK(hasWebVttSignature("WEBVTT"));
    CHECK(hasWebVttSignature("\xEF\xBB\xBFWEBVTT\r\n"));
    CHECK(hasWebVttSignature("WEBVTT Kind"));
    CHECK_FALSE(hasWebVttSignature("WEBVTTX"));
    CHECK_FALSE(hasWebVttSignature("1\n00:00:01,000 --> 00:00:02,000\n"));
}

namespace {

// "code@line:col" of each problem, in the order found.
std::vector<std::string> problems(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& p : d.all())
        out.push_back(p.code + "@" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column));
    return out;
}

}  // namespace

TEST_CASE("WebVTT: a ',' before the milliseconds (SRT's form) is named at the comma") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01,000 --> 00:02.000\nstart\n\n"
                                     "00:03.000 --> 00:04,500\nend\n\n00:05.000 --> 00:06.000\nfine\n",
                                     "c.vtt", d);
    CHECK(texts(track) == std::vector<std::string>{"fine"});
    REQUIRE(problems(d) == std::vector<std::string>{"caption-bad-timing@3:6", "caption-bad-timing@6:20"});
    CHECK(d.all()[0].message.find("',' before the milliseconds") != std::string::npos);
    CHECK(d.all()[1].hint.find("write 00:04.500") != std::string::npos);
}

TEST_CASE("WebVTT: a mistyped arrow is named at its column, with or without an identifier") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01.000 -> 00:02.000\nlost\n\nid\n00:03.000 => 00:04.000\nlost\n",
                                     "a.vtt", d);
    CHECK(track.cues.empty());
    REQUIRE(problems(d) == std::vector<std::string>{"caption-bad-timing@3:11", "caption-bad-timing@7:11"});
    CHECK(d.all()[0].message.find("expected '-->' after the start time, found '->'") != std::string::npos);
}

TEST_CASE("WebVTT: the signature is WEBVTT followed by a space, a tab or the line's end") {
    Diagnostics misspelt;
    CHECK(parseWebVtt("WEBVT\n\n00:01.000 --> 00:02.000\nx\n", "h.vtt", misspelt).cues.empty());
    REQUIRE(problems(misspelt) == std::vector<std::string>{"caption-missing-header@1:1"});
    CHECK(misspelt.all()[0].message.find("not 'WEBVT'") != std::string::npos);

    Diagnostics glued;
    CHECK(parseWebVtt("WEBVTT-1\n\n00:01.000 --> 00:02.000\nx\n", "h.vtt", glued).cues.empty());
    CHECK(problems(glued) == std::vector<std::string>{"caption-missing-header@1:7"});

    // The spec's seventh character is a space, a tab or a line feed: not a form feed.
    Diagnostics formFeed;
    CHECK(parseWebVtt("WEBVTT\f\n\n00:01.000 --> 00:02.000\nx\n", "h.vtt", formFeed).cues.empty());
    CHECK(problems(formFeed) == std::vector<std::string>{"caption-missing-header@1:7"});

    Diagnostics fine;
    CHECK(parseWebVtt("\xEF\xBB\xBFWEBVTT\tKind: captions\n\n00:01.000 --> 00:02.000\nx\n", "h.vtt", fine).cues.size() == 1);
    CHECK(fine.empty());
}

TEST_CASE("WebVTT: form feeds separate the parts of a timing line, as the spec's whitespace") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01.000\f-->\f00:02.000\falign:start\nx\n", "f.vtt", d);
    CHECK(d.empty());
    REQUIRE(track.cues.size() == 1);
    CHECK(track.cues[0].end == 2 * kMicrosPerSecond);
    CHECK(track.cues[0].align == CaptionCue::Align::Start);
}

TEST_CASE("WebVTT: a NUL is read as U+FFFD, with a warning at its place") {
    Diagnostics d;
    constexpr char kText[] = "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nA\0B\r\n";
    CaptionTrack track = parseWebVtt(std::string_view(kText, sizeof kText - 1), "n.vtt", d);
    CHECK(texts(track) == std::vector<std::string>{"A\xEF\xBF\xBD" "B"});
    CHECK(problems(d) == std::vector<std::string>{"caption-nul@4:2"});
}

TEST_CASE("WebVTT: a UTF-16 file is refused with its encoding named") {
    const std::string utf8 = "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n";
    std::string utf16 = "\xFF\xFE";
    for (char c : utf8) utf16 += std::string{c, '\0'};
    Diagnostics d;
    CHECK(parseWebVtt(utf16, "u.vtt", d).cues.empty());
    REQUIRE(problems(d) == std::vector<std::string>{"caption-encoding@1:1"});
    CHECK(d.all()[0].message.find("UTF-16 LE") != std::string::npos);
}

TEST_CASE("WebVTT: bytes that are not UTF-8 are read as U+FFFD, as the spec decodes, with a warning at the first") {
    Diagnostics d;
    CaptionTrack track = parseWebVtt("WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xE9 ok\n\n00:03.000 --> 00:04.000\n\xC3\xA9t\xE9\n",
                                     "w.vtt", d);
    CHECK(texts(track) == std::vector<std::string>{"Caf\xEF\xBF\xBD ok", "\xC3\xA9t\xEF\xBF\xBD"});
    REQUIRE(problems(d) == std::vector<std::string>{"caption-encoding@4:4"});
    CHECK(d.all()[0].severity == Severity::Warning);
    CHECK(d.all()[0].message.find("Windows-1252") != std::string::npos);
}
