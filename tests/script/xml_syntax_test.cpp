#include <doctest/doctest.h>

#include "script/xml_syntax.h"

#include <string>

using namespace vitrine;

namespace {
// The one syntax error in `xml` as "line:column: message", or "" when it is well-formed.
std::string firstError(const std::string& xml) {
    Diagnostics d;
    bool clean = checkXmlSyntax(xml, "main.xml", d);
    CHECK(clean == d.empty());
    if (d.empty()) return "";
    const Diagnostic& e = d.all().front();
    CHECK(e.code == "xml-syntax");
    CHECK_FALSE(e.hint.empty());
    return std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message;
}
}  // namespace

TEST_CASE("well-formed scripts pass, with comments, CDATA, declarations and entities") {
    CHECK(firstError("<?xml version=\"1.0\"?>\n<!-- a <comment> & more -->\n"
                     "<exhibit title=\"A &amp; B &#8212; &#x2014;\" note='it&apos;s'>\n"
                     "  <text>Tom &amp; Jerry &lt;3 <![CDATA[ x < y & z ]]></text>\n"
                     "  <image src=\"a.jpg\" />\n</exhibit>\n") == "");
}

TEST_CASE("a tag closed in the wrong place names where each was opened") {
    CHECK(firstError("<exhibit>\n<scene>\n  <text>\n    <p>one\n  </text>\n</scene>\n</exhibit>") ==
          "4:5: the <p> opened at line 4 is not closed before </text> at line 5");
    CHECK(firstError("<exhibit>\n<scene>\n  <text>a</text>\n") == "2:1: the <scene> opened at line 2 is never closed");
    CHECK(firstError("<exhibit>\n</scene>\n</exhibit>") ==
          "1:1: the <exhibit> opened at line 1 is not closed before </scene> at line 2");
    CHECK(firstError("<exhibit/>\n</exhibit>") == "2:1: </exhibit> closes nothing: no <exhibit> is open here");
}

TEST_CASE("bad attribute syntax is found at the mistake") {
    CHECK(firstError("<exhibit>\n  <text dur=5s>a</text>\n</exhibit>") == "2:13: the value of 'dur' is not in quotes");
    CHECK(firstError("<exhibit>\n  <text dur>a</text>\n</exhibit>") == "2:12: attribute 'dur' of <text> has no value");
    CHECK(firstError("<exhibit>\n  <text dur=\"5s\"begin=\"1s\">a</text>\n</exhibit>") ==
          "2:17: attribute 'begin' needs a space before it");
    CHECK(firstError("<exhibit>\n  <text dur=\"5s>a</text>\n</exhibit>") ==
          "2:18: a '<' inside the value of 'dur'");
    CHECK(firstError("<exhibit>\n  <text dur=\"5s\"\n  <p>a</p>\n</exhibit>") ==
          "3:3: the tag <text> at line 2 has no closing '>'");
    CHECK(firstError("<exhibit title=\"x") == "1:16: the value of 'title' has no closing quote");
}

TEST_CASE("every '&' starts an entity or character reference") {
    Diagnostics d;
    CHECK_FALSE(checkXmlSyntax("<exhibit title=\"Salt & Pepper\">\n<text>Tom & Jerry &c; &#; &nbsp;</text>\n</exhibit>",
                               "main.xml", d));
    std::vector<std::string> found;
    for (const auto& e : d.all())
        found.push_back(std::to_string(e.where.line) + ":" + std::to_string(e.where.column) + ": " + e.message);
    CHECK(found == std::vector<std::string>{
                       "1:22: a bare '&' in the value of 'title'",
                       "2:11: a bare '&' in text",
                       "2:19: unknown entity &c; in text",
                       "2:23: a bare '&' in text",
                       "2:27: unknown entity &nbsp; in text",
                   });
}

TEST_CASE("a '<' that starts no tag is refused") {
    CHECK(firstError("<exhibit>\n<text>1 < 2</text>\n</exhibit>") == "2:9: a '<' that starts no tag");
}
