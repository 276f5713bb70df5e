#include "studio/text_edit.h"

#include <doctest/doctest.h>

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
