#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "text/text_layout.h"
#include "base/utf8.h"

using namespace vitrine::text;

namespace {

struct Fonts {
    FontLibrary library{bundledFontsDirectory()};
};

Span span(std::string text, bool bold = false, bool italic = false) {
    Span s;
    s.utf8 = std::move(text);
    s.bold = bold;
    s.italic = italic;
    return s;
}

std::vector<Paragraph> plain(std::initializer_list<std::string> texts) {
    std::vector<Paragraph> out;
    for (const auto& t : texts) out.push_back(Paragraph{{span(t)}});
    return out;
}

// The characters of each line, spaces that were drawn included, as UTF-8.
std::vector<std::string> lineTexts(const TextLayout& layout) {
    std::vector<std::u32string> lines(layout.lines.size());
    for (const auto& run : layout.runs) {
        for (const auto& g : run.glyphs) lines[static_cast<std::size_t>(run.line)].push_back(g.codepoint);
    }
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(encodeUtf8(l));
    return out;
}

float rightmostAdvanceEdge(const TextLayout& layout, int line) {
    float edge = 0;
    for (const auto& run : layout.runs) {
        if (run.line != line) continue;
        for (const auto& g : run.glyphs) {
            if (g.codepoint != U' ') edge = std::max(edge, g.x + g.advance);
        }
    }
    return edge;
}

const char* kSentence =
    "On 13 January 1990 a pogrom began against the Armenian population of Baku, "
    "and it lasted for about a week.";

}  // namespace

TEST_CASE_FIXTURE(Fonts, "text_layout: no wrapping puts a paragraph on one line") {
    LayoutStyle style;
    const auto layout = layoutText(library, plain({kSentence}), style);
    REQUIRE(layout.lines.size() == 1);
    CHECK(layout.sizePx == 44);
    CHECK(layout.width == doctest::Approx(layout.lines[0].width));
    CHECK(layout.height == doctest::Approx(std::round(1.35f * 44)));
    CHECK(lineTexts(layout)[0] == kSentence);
}

TEST_CASE_FIXTURE(Fonts, "text_layout: wrapping breaks at spaces and never exceeds the width") {
    LayoutStyle style;
    style.maxWidthPx = 600;
    const auto layout = layoutText(library, plain({kSentence}), style);
    const auto texts = lineTexts(layout);
    REQUIRE(texts.size() >= 3);
    std::string rejoined;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CAPTURE(texts[i]);
        CHECK(layout.lines[i].width <= 600);
        CHECK(rightmostAdvanceEdge(layout, static_cast<int>(i)) <= 600);
        CHECK(texts[i].front() != ' ');
        CHECK(texts[i].back() != ' ');
        rejoined += (i ? " " : "") + texts[i];
    }
    // Every break replaced exactly one space: no word was split, none lost.
    CHECK(rejoined == kSentence);
    // Greedy: the next line's first word would not have fitted on the line before.
    for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
        const std::string nextWord = texts[i + 1].substr(0, texts[i + 1].find(' '));
        const auto probe = layoutText(library, plain({texts[i] + " " + nextWord}), LayoutStyle{});
        CHECK(probe.lines[0].width > 600);
    }
}

TEST_CASE_FIXTURE(Fonts, "text_layout: a word wider than the width stands alone on its line") {
    LayoutStyle style;
    style.maxWidthPx = 300;
    const auto layout = layoutText(library, plain({"in Sumqayıt and Kirovabad-Ganja nationalistically motivated"}), style);
    const auto texts = lineTexts(layout);
    const auto it = std::find(texts.begin(), texts.end(), "nationalistically");
    REQUIRE(it != texts.end());
    CHECK(layout.lines[static_cast<std::size_t>(it - texts.begin())].width > 300);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (texts[i] != "nationalistically") CHECK(layout.lines[i].width <= 300);
    }
}

TEST_CASE_FIXTURE(Fonts, "text_layout: breaks after a hyphen between words and after an em dash") {
    LayoutStyle style;
    style.maxWidthPx = 400;
    const auto hyphen = lineTexts(layoutText(library, plain({"from Kirovabad-Ganjaaaa"}), style));
    REQUIRE(hyphen.size() == 2);
    CHECK(hyphen[0] == "from Kirovabad-");
    CHECK(hyphen[1] == "Ganjaaaa");
    style.maxWidthPx = 230;
    const auto dash = lineTexts(layoutText(library, plain({"the city\u2014the whole city"}), style));
    REQUIRE(dash.size() >= 2);
    CHECK(dash[0] == "the city\u2014");
    // A minus sign before a number is not a place to break.
    style.maxWidthPx = 60;
    const auto minus = lineTexts(layoutText(library, plain({"-12"}), style));
    CHECK(minus.size() == 1);
}

TEST_CASE_FIXTURE(Fonts, "text_layout: centre and right alignment offset each line") {
    LayoutStyle style;
    style.maxWidthPx = 1000;
    const auto left = layoutText(library, plain({"Baku"}), style);
    style.align = LayoutStyle::Align::Center;
    const auto centre = layoutText(library, plain({"Baku"}), style);
    style.align = LayoutStyle::Align::Right;
    const auto right = layoutText(library, plain({"Baku"}), style);
    const float w = left.lines[0].width;
    CHECK(left.lines[0].x == 0);
    CHECK(centre.lines[0].x == doctest::Approx(std::round((1000 - w) / 2)));
    CHECK(right.lines[0].x == doctest::Approx(1000 - w));
    CHECK(right.runs[0].glyphs[0].x == doctest::Approx(1000 - w));
    CHECK(rightmostAdvanceEdge(right, 0) == doctest::Approx(1000));
    // Without a wrap width lines align within the widest line.
    style.maxWidthPx = 0;
    const auto block = layoutText(library, plain({"Baku", "January 1990"}), style);
    CHECK(block.width == doctest::Approx(block.lines[1].width));
    CHECK(block.lines[0].x + block.lines[0].width == doctest::Approx(block.width));
}

TEST_CASE_FIXTURE(Fonts, "text_layout: explicit line breaks and paragraph spacing") {
    LayoutStyle style;
    const float pitch = std::round(1.35f * 44);
    const float gap = std::round(0.6f * 44);
    const auto layout = layoutText(library, plain({"first\nsecond", "third"}), style);
    REQUIRE(layout.lines.size() == 3);
    CHECK(lineTexts(layout) == std::vector<std::string>{"first", "second", "third"});
    CHECK(layout.lines[1].top == doctest::Approx(pitch));
    CHECK(layout.lines[2].top == doctest::Approx(2 * pitch + gap));
    CHECK(layout.lines[2].paragraph == 1);
    CHECK(layout.height == doctest::Approx(3 * pitch + gap));
    CHECK(layout.lines[2].baselineY - layout.lines[2].top == doctest::Approx(layout.lines[0].baselineY));
    style.paragraphSpacing = 0;
    CHECK(layoutText(library, plain({"a", "b"}), style).height == doctest::Approx(2 * pitch));
}

TEST_CASE_FIXTURE(Fonts, "text_layout: mixed scripts and styles become runs of the right faces") {
    LayoutStyle style;
    Paragraph p{{span("Bakı "), span("Բաքու", true), span(" Баку", false, true)}};
    const auto layout = layoutText(library, {p}, style);
    std::vector<std::string> stems;
    for (const auto& run : layout.runs) stems.push_back(library.info(run.face).stem);
    CHECK(stems == std::vector<std::string>{"NotoSerif-Regular", "NotoSerifArmenian-Bold", "NotoSerif-Italic"});
    // Pen positions only move forward, each glyph starting where the previous advance ended
    // (give or take kerning, which never exceeds a few pixels at this size).
    float previousEnd = 0;
    for (const auto& run : layout.runs) {
        for (const auto& g : run.glyphs) {
            CHECK(std::abs(g.x - previousEnd) <= 4);
            previousEnd = g.x + g.advance;
        }
    }
}

TEST_CASE_FIXTURE(Fonts, "text_layout: sizes are rounded to whole pixels and kerning is applied") {
    LayoutStyle style;
    style.sizePx = 43.6f;
    CHECK(layoutText(library, plain({"x"}), style).sizePx == 44);
    // Positions equal the sum of advances and kerning, exactly as SFML advances its pen.
    // Noto keeps its kerning in GPOS, which FreeType's FT_Get_Kerning (and so SFML 2.5)
    // does not read; DejaVu has a 'kern' table, so it shows kerning being applied.
    LayoutStyle dejavu;
    dejavu.family = "DejaVuSans";
    const auto layout = layoutText(library, plain({"AVATAR"}), dejavu);
    const FontFaceId face = layout.runs[0].face;
    CHECK(library.kerning(face, U'A', U'V', 44) < 0);
    float pen = 0;
    char32_t previous = 0;
    for (const auto& g : layout.runs[0].glyphs) {
        pen += library.kerning(face, previous, g.codepoint, 44);
        CHECK(g.x == doctest::Approx(pen));
        pen += library.advance(face, g.codepoint, 44);
        previous = g.codepoint;
    }
}

TEST_CASE_FIXTURE(Fonts, "text_layout: invalid UTF-8 and odd input never crash") {
    LayoutStyle style;
    style.maxWidthPx = 1;
    const auto layout = layoutText(library, plain({"\xFF\xC3(\xE2\x82", "", "\n\n", "   ", "\t\x01\x7F"}), style);
    CHECK(layout.lines.size() >= 5);
    CHECK(lineTexts(layout)[0].starts_with("\xEF\xBF\xBD"));
    CHECK(layoutText(library, {}, style).lines.empty());
    style.sizePx = -5;
    CHECK(layoutText(library, plain({"x"}), style).sizePx == 1);
    const FontLibrary none(std::filesystem::path("/nonexistent"));
    CHECK(layoutText(none, plain({"x"}), LayoutStyle{}).runs.empty());
}
