#include "studio/text_edit.h"

#include <algorithm>
#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "studio/studio_document.h"
#include "support/build_paths.h"

namespace vitrine::studio {

TEST_CASE("text edit: offsets, lines and inverse edits") {
    std::string text = "ab\ncde\n";
    CHECK(offsetOf(text, 2, 2) == 4u);
    CHECK(offsetOf(text, 2, 4) == 6u);  // the end of the line
    CHECK_FALSE(offsetOf(text, 2, 5).has_value());
    CHECK_FALSE(offsetOf(text, 4, 1).has_value());
    CHECK(lineOf(text, 4) == 2);
    TextEdit inverse = applyEdit(text, {3, 3, "XY"});
    CHECK(text == "ab\nXY\n");
    applyEdit(text, inverse);
    CHECK(text == "ab\ncde\n");
}

TEST_CASE("text edit: an attribute is found by its element's place, not by a name elsewhere") {
    std::string text = "<a>\n  <text dur=\"1s\"/><text  begin=\"2s\"\n   dur=\"5s\">x</text>\n</a>\n";
    // Two <text> on one line: each is found by its own column.
    auto e = attributeEdit(text, {"f", 2, 3}, "text", "dur", "2s");
    REQUIRE(e);
    applyEdit(text, *e);
    CHECK(text == "<a>\n  <text dur=\"2s\"/><text  begin=\"2s\"\n   dur=\"5s\">x</text>\n</a>\n");
    auto second = attributeEdit(text, {"f", 2, 19}, "text", "dur", "9s");
    REQUIRE(second);
    applyEdit(text, *second);
    CHECK(text == "<a>\n  <text dur=\"2s\"/><text  begin=\"2s\"\n   dur=\"9s\">x</text>\n</a>\n");
    auto wrongLine = attributeEdit(text, {"f", 1, 1}, "text", "dur", "1s");
    REQUIRE_FALSE(wrongLine);
    CHECK(wrongLine.error().message.find("<text>") != std::string::npos);
    auto goneLine = attributeEdit(text, {"f", 40, 1}, "text", "dur", "1s");
    REQUIRE_FALSE(goneLine);
    CHECK(goneLine.error().message == "line 40 is not in the file any more");
}

TEST_CASE("text edit: content of elements with and without markup") {
    std::string text = "<t>\n  hello\n</t><u/><v>a<br/>b</v>";
    auto e = contentEdit(text, {"f", 1, 1}, "t", "bye");
    REQUIRE(e);
    applyEdit(text, *e);
    CHECK(text == "<t>\n  bye\n</t><u/><v>a<br/>b</v>");
    auto u = contentEdit(text, {"f", 3, 5}, "u", "x");
    REQUIRE(u);
    applyEdit(text, *u);
    CHECK(text == "<t>\n  bye\n</t><u>x</u><v>a<br/>b</v>");
    auto withMarkup = contentEdit(text, {"f", 3, 5}, "v", "x");
    REQUIRE_FALSE(withMarkup);
    CHECK(withMarkup.error().message.find("markup") != std::string::npos);
}

namespace {

const std::filesystem::path kBaku = vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml";

// The Baku exhibit's text, and the place of the paragraph whose words begin with `opening`:
// a <p lang> of a text written in several languages, or a <text> written in one.
struct BakuParagraph {
    std::string text;
    SourceLocation where;
    std::string element;  // "p" or "text"
    std::string words;  // its words as the inspector shows them
};

BakuParagraph bakuParagraph(std::string_view opening) {
    BakuParagraph p;
    p.text = *readTextFile(kBaku);
    LoadedExhibit loaded = loadExhibitFromText(p.text, kBaku);
    REQUIRE(loaded.script);
    std::vector<const ScriptNode*> stack{&loaded.script->root};
    while (!stack.empty()) {
        const ScriptNode* node = stack.back();
        stack.pop_back();
        const bool paragraphs = std::any_of(node->children.begin(), node->children.end(),
                                            [](const ScriptNode& c) { return c.name == "p"; });
        if ((node->name == "text" || node->name == "p") && !paragraphs && node->plainText().starts_with(opening)) {
            p.where = node->where;
            p.element = node->name;
            p.words = node->plainText();
            return p;
        }
        for (const auto& c : node->children) stack.push_back(&c);
    }
    FAIL("no <text> or <p> begins with " << opening);
    return p;
}

std::string replacedOnce(std::string text, std::string_view from, std::string_view to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("text edit: a changed word in a hand-wrapped Baku paragraph changes only that word") {
    BakuParagraph p = bakuParagraph("The Baku Pogroms refer to");
    std::string words = replacedOnce(p.words, "week-long", "seven-day");
    auto e = contentEdit(p.text, p.where, p.element, words);
    REQUIRE(e);
    CHECK(e->length == std::string("week-long").size());
    CHECK(e->replacement == "seven-day");
    std::string text = p.text;
    applyEdit(text, *e);
    CHECK(text == replacedOnce(p.text, "week-long wave", "seven-day wave"));
}

TEST_CASE("text edit: words added, removed and moved across a line break keep the designer's lines") {
    BakuParagraph p = bakuParagraph("While the Soviet Union");
    // Words added at the start of a line and one dropped from its end.
    std::string words = replacedOnce(p.words, "movements surged in momentum.",
                                     "movements surged in strength, in numbers and in momentum.");
    words = replacedOnce(words, "growing anti-Armenian", "anti-Armenian");
    auto e = contentEdit(p.text, p.where, p.element, words);
    REQUIRE(e);
    std::string text = p.text;
    applyEdit(text, *e);
    // The added words would make their line wider than the paragraph's widest, its first
    // (103 characters, with its <p lang="en">): its last words start the next line, which
    // then fits.
    std::string expected = replacedOnce(p.text,
                                        "surged in\n"
                                        "        momentum. This violence was not spontaneous but emerged from growing anti-Armenian\n"
                                        "        sentiment, state propaganda, and the unresolved tensions surrounding the\n",
                                        "surged in\n"
                                        "        strength, in numbers and in momentum. This violence was not spontaneous but emerged from\n"
                                        "        anti-Armenian sentiment, state propaganda, and the unresolved tensions surrounding the\n");
    CHECK(text == expected);
}

TEST_CASE("text edit: a long sentence added to a wrapped paragraph is wrapped at its width and indentation") {
    BakuParagraph p = bakuParagraph("The Baku Pogroms refer to");
    const std::string added =
        " The pogroms ended only when Soviet troops entered the city, after most Armenians had already fled or been "
        "killed, and the events are still remembered by the survivors and their families.";
    auto e = contentEdit(p.text, p.where, p.element, p.words + added);
    REQUIRE(e);
    std::string text = p.text;
    applyEdit(text, *e);
    // The paragraph's first two lines are as written; its longest line was 108 characters (the
    // first, with its <p lang="en">), and
    // no line is longer now; every added line starts with the paragraph's 8 spaces.
    const std::size_t start = text.find("        <p lang=\"en\">The Baku Pogroms refer to");
    const std::size_t end = text.find("</p>", start);
    std::string paragraph = text.substr(start, end - start);
    CHECK(paragraph.starts_with(
        "        <p lang=\"en\">The Baku Pogroms refer to a week-long wave of organized violence, looting, and killings\n"
        "        carried out against the Armenian population of Baku, the capital of Soviet Azerbaijan,\n"
        "        from January 13 to 19, 1990. The pogroms ended"));
    int lines = 0;
    std::size_t widest = 0;
    for (std::size_t at = 0; at < paragraph.size();) {
        std::size_t next = paragraph.find('\n', at);
        std::string line = paragraph.substr(at, next - at);
        widest = std::max(widest, line.size());
        CHECK(line.starts_with("        "));
        CHECK_FALSE(line.starts_with("         "));
        ++lines;
        if (next == std::string::npos) break;  // the last line ends at </p>, not a line break
        at = next + 1;
    }
    CHECK(lines >= 4);
    CHECK(widest <= 108);
    // The words are exactly the new ones.
    LoadedExhibit loaded = loadExhibitFromText(text, kBaku);
    REQUIRE(loaded.script);
    CHECK(text.find(") after most Armenians") == std::string::npos);
    CHECK(text.find("families.</p>") != std::string::npos);
}

TEST_CASE("text edit: a one-line text that grows long wraps under its element, one step in") {
    std::string text = "<a>\n  <text dur=\"1s\">Short</text>\n</a>\n";
    std::string words = "Short, then a sentence long enough to pass the width of a hundred characters that a line "
                        "may have before it is wrapped";
    auto e = contentEdit(text, {"f", 2, 3}, "text", words);
    REQUIRE(e);
    applyEdit(text, *e);
    CHECK(text ==
          "<a>\n  <text dur=\"1s\">Short, then a sentence long enough to pass the width of a hundred characters that a\n"
          "    line may have before it is wrapped</text>\n</a>\n");
}

TEST_CASE("text edit: every word replaced, or all removed, still gives the new words") {
    std::string text = "<t>\n    one two\n    three\n</t>";
    auto e = contentEdit(text, {"f", 1, 1}, "t", "four five six seven");
    REQUIRE(e);
    std::string changed = text;
    applyEdit(changed, *e);
    CHECK(changed == "<t>\n    four five six seven\n</t>");
    e = contentEdit(text, {"f", 1, 1}, "t", "two");
    REQUIRE(e);
    changed = text;
    applyEdit(changed, *e);
    CHECK(changed == "<t>\n    two\n</t>");
    e = contentEdit(text, {"f", 1, 1}, "t", "zero one two three four");
    REQUIRE(e);
    changed = text;
    applyEdit(changed, *e);
    CHECK(changed == "<t>\n    zero one two\n    three four\n</t>");
}

TEST_CASE("text edit: the inspector's text box shows a paragraph line for line, as written") {
    BakuParagraph p = bakuParagraph("The Baku Pogroms refer to");
    auto written = writtenContent(p.text, p.where, p.element);
    REQUIRE(written);
    CHECK(*written ==
          "The Baku Pogroms refer to a week-long wave of organized violence, looting, and killings\n"
          "carried out against the Armenian population of Baku, the capital of Soviet Azerbaijan,\n"
          "from January 13 to 19, 1990.");
    // What the box gives back unchanged changes nothing.
    auto e = contentEdit(p.text, p.where, p.element, *written);
    REQUIRE(e);
    CHECK(e->length == 0);
    CHECK(e->replacement.empty());

    std::string text = "<t>\n    Fish &amp; chips\n    &lt;hot&gt;\n</t><u>a &#38; b</u><v>x<br/>y</v>";
    CHECK(writtenContent(text, {"f", 1, 1}, "t") == "Fish & chips\n<hot>");
    CHECK_FALSE(writtenContent(text, {"f", 4, 5}, "u"));  // a reference it does not read back
    CHECK_FALSE(writtenContent(text, {"f", 4, 5}, "v"));  // markup
}

TEST_CASE("text edit: a child is appended on its own line, indented like its siblings, inside nested same-named parents") {
    // Children indented by four, a comment holding "</map>", a nested <par> of the same name.
    std::string text = "<a>\n  <map v=\"1\">\n      <m/>\n      <!-- not </map> -->\n  </map>\n</a>\n";
    auto e = appendChildEdit(text, {"f", 2, 3}, "map", "<n x=\"1\"/>");
    REQUIRE(e);
    std::string edited = text;
    TextEdit back = applyEdit(edited, *e);
    CHECK(edited == "<a>\n  <map v=\"1\">\n      <m/>\n      <!-- not </map> -->\n      <n x=\"1\"/>\n  </map>\n</a>\n");
    applyEdit(edited, back);
    CHECK(edited == text);

    std::string nested = "<par>\n  <par>\n    <x/>\n  </par>\n</par>\n";
    auto outer = appendChildEdit(nested, {"f", 1, 1}, "par", "<y/>");
    REQUIRE(outer);
    applyEdit(nested, *outer);
    CHECK(nested == "<par>\n  <par>\n    <x/>\n  </par>\n  <y/>\n</par>\n");
}

TEST_CASE("text edit: a self-closing or empty parent is opened around its first child") {
    std::string text = "<a>\n    <map v=\"1\" />\n</a>\n";
    auto e = appendChildEdit(text, {"f", 2, 5}, "map", "<m/>");
    REQUIRE(e);
    applyEdit(text, *e);
    CHECK(text == "<a>\n    <map v=\"1\">\n      <m/>\n    </map>\n</a>\n");

    std::string empty = "<a>\n  <map></map>\n</a>\n";
    auto f = appendChildEdit(empty, {"f", 2, 3}, "map", "<m/>");
    REQUIRE(f);
    applyEdit(empty, *f);
    CHECK(empty == "<a>\n  <map>\n    <m/>\n  </map>\n</a>\n");
    CHECK_FALSE(appendChildEdit("<a>\n  <map>\n</a>\n", {"f", 2, 3}, "map", "<m/>"));
}

}  // namespace vitrine::studio
