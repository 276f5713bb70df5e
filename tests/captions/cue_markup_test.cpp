#include <doctest/doctest.h>

#include "captions/cue_markup.h"

using namespace vitrine;

namespace {

CueText vtt(std::string_view payload, Diagnostics* d = nullptr) {
    Diagnostics local;
    return parseCueMarkup(payload, CueMarkup::WebVtt, {"m.vtt", 10, 1}, d ? *d : local);
}

CueText srt(std::string_view payload) {
    Diagnostics local;
    return parseCueMarkup(payload, CueMarkup::Srt, {"m.srt", 10, 1}, local);
}

}  // namespace

TEST_CASE("italic and bold become span styles, adjacent equal spans merge") {
    CueText t = vtt("plain <i>it <b>both</b></i> tail");
    REQUIRE(t.lines.size() == 1);
    const auto& spans = t.lines[0];
    REQUIRE(spans.size() == 4);
    CHECK(spans[0] == CaptionSpan{"plain ", false, false, "", ""});
    CHECK(spans[1] == CaptionSpan{"it ", true, false, "", ""});
    CHECK(spans[2] == CaptionSpan{"both", true, true, "", ""});
    CHECK(spans[3] == CaptionSpan{" tail", false, false, "", ""});
    // <u> and <c> do not change how we draw, so their text merges with its neighbours.
    CueText u = vtt("a<u>b</u><c.yellow>c</c>d");
    REQUIRE(u.lines[0].size() == 1);
    CHECK(u.lines[0][0].text == "abcd");
}

TEST_CASE("voices, classes on voices, and lang") {
    CueText t = vtt("<v.loud Anna  Petrosyan>We ran.</v> <lang hy>Բարև</lang>");
    CHECK(t.firstVoice == "Anna Petrosyan");
    REQUIRE(t.lines[0].size() == 3);
    CHECK(t.lines[0][0].voice == "Anna Petrosyan");
    CHECK(t.lines[0][0].text == "We ran.");
    CHECK(t.lines[0][1].voice.empty());
    CHECK(t.lines[0][2].lang == "hy");
    CHECK(t.lines[0][2].text == "Բարև");
}

TEST_CASE("entities decode, unknown ones stay literal") {
    CueText t = vtt("&amp; &lt;b&gt; a&nbsp;b &lrm;&rlm; &#233;&#xE9; &bogus; AT&T &#0;");
    CHECK(t.lines[0][0].text ==
          "& <b> a\u00A0b \u200E\u200F \u00E9\u00E9 &bogus; AT&T \uFFFD");
}

TEST_CASE("unclosed tags close at the end of the cue, ruby keeps its base text") {
    CueText t = vtt("<i>one\ntwo");
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[1][0].italic);
    CueText r = vtt("<ruby>漢<rt>kan</rt>字<rt>ji</ruby> after");
    CHECK(r.lines[0][0].text == "漢字 after");
}

TEST_CASE("timestamp tags are dropped and unknown tags warn with line and column") {
    Diagnostics d;
    CueText t = vtt("one <00:00:05.000>two\nx <span>y</span>", &d);
    CHECK(t.lines[0][0].text == "one two");
    CHECK(t.lines[1][0].text == "x y");
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-unknown-tag");
    CHECK(d.all()[0].severity == Severity::Warning);
    CHECK(d.all()[0].where.line == 11);
    CHECK(d.all()[0].where.column == 3);
}

TEST_CASE("an end tag closes what was opened inside it") {
    CueText t = vtt("<i><b>x</i>y");
    REQUIRE(t.lines[0].size() == 2);
    CHECK(t.lines[0][1] == CaptionSpan{"y", false, false, "", ""});
}

TEST_CASE("SRT markup: case-insensitive tags, font, literal '<', override codes") {
    CueText t = srt("{\\an8}<I>Hi</I> <font color=\"#ff0\">there</font> 1 < 2");
    REQUIRE(t.lines.size() == 1);
    REQUIRE(t.lines[0].size() == 2);
    CHECK(t.lines[0][0] == CaptionSpan{"Hi", true, false, "", ""});
    CHECK(t.lines[0][1].text == " there 1 < 2");
}

TEST_CASE("an empty payload has no lines") {
    CHECK(vtt("").lines.empty());
}
