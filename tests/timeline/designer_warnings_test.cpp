// What a visitor would suffer, found while compiling: here, the reading time of a text
// written in several languages, of which a visitor reads one.

#include "timeline/designer_warnings.h"

#include <doctest/doctest.h>

#include <string>

#include "support/in_memory_files.h"

using namespace vitrine;
using vitrine::test::compileText;

namespace {

std::vector<Diagnostic> readingWarnings(const std::string& text) {
    Diagnostics d;
    compileText("<exhibit lang=\"en fr\">\n<scene dur=\"30s\">\n" + text + "\n</scene>\n</exhibit>", d);
    std::vector<Diagnostic> out;
    for (const auto& x : d.all())
        if (x.code == "reading-time") out.push_back(x);
    return out;
}

// Ten English words and twelve French ones: 12 words at 130 a minute + 1.5 s is 7.1 s (rounded
// up to the tenth); the 22 words of both together would need 11.7 s.
const std::string kEnglish = "<p lang=\"en\">one two three four five six seven eight nine ten</p>";
const std::string kFrench = "<p lang=\"fr\">un deux trois quatre cinq six sept huit neuf dix onze douze</p>";

}  // namespace

TEST_CASE("designer warnings: a text in two languages needs the reading time of its longer one, not of both") {
    CHECK(readingWarnings("<text dur=\"7.5s\">" + kEnglish + kFrench + "</text>").empty());

    const auto short_ = readingWarnings("<text dur=\"6.5s\">" + kEnglish + kFrench + "</text>");
    REQUIRE(short_.size() == 1);
    CHECK(short_[0].message == "its fr text of 12 words is on screen for 6.5s, less than its reading time of 7.1s");
    CHECK(short_[0].hint.find("at least 7.1s") != std::string::npos);
}

TEST_CASE("designer warnings: a text in one language is timed as a whole, whatever its paragraphs") {
    const auto warnings = readingWarnings("<text dur=\"6.5s\">" + kEnglish + "<p>eleven twelve</p></text>");
    REQUIRE(warnings.size() == 1);  // 12 English words (a paragraph without lang is the exhibit's first language)
    CHECK(warnings[0].message == "text of 12 words is on screen for 6.5s, less than its reading time of 7.1s");
}
