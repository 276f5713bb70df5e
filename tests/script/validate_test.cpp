#include <doctest/doctest.h>

#include "support/in_memory_files.h"

using namespace vitrine;
using vitrine::test::compileText;
using vitrine::test::findCode;

namespace {
// Line and column of the first diagnostic with `code`.
std::pair<int, int> at(const Diagnostics& d, const std::string& code) {
    const Diagnostic* x = findCode(d, code);
    REQUIRE_MESSAGE(x, "no diagnostic " << code);
    return {x->where.line, x->where.column};
}
}  // namespace

TEST_CASE("unknown elements and attributes get a suggestion and an exact position") {
    Diagnostics d;
    compileText("<exhibit>\n"
                "  <style id=\"body\" colr=\"#fff\"/>\n"
                "  <scene>\n"
                "    <imagee src=\"a.jpg\"/>\n"
                "  </scene>\n"
                "</exhibit>",
                d);
    CHECK(at(d, "unknown-attribute") == std::pair{2, 20});
    CHECK(findCode(d, "unknown-attribute")->hint == "did you mean 'color'?");
    CHECK(at(d, "unknown-element") == std::pair{4, 5});
    CHECK(findCode(d, "unknown-element")->hint == "did you mean 'image'?");
}

TEST_CASE("all problems are reported together, not only the first") {
    Diagnostics d;
    compileText("<exhibit>\n<scene dur=\"soon\">\n<text begin=\"x\" fade=\"1\">a</text>\n"
                "<image src=\"a.jpg\" fit=\"cove\" credit=\"c\"/>\n</scene>\n</exhibit>",
                d);
    CHECK(d.errorCount() == 3);
    CHECK(at(d, "bad-time") == std::pair{2, 8});
    CHECK(findCode(d, "bad-value")->hint == "did you mean 'cover'?");
}

TEST_CASE("bad colours, lengths, easings and transitions name the attribute") {
    Diagnostics d;
    compileText("<exhibit>\n<style id=\"s\" color=\"#12\" size=\"big\"/>\n"
                "<scene transition=\"wipe 1s\"><text><animate attribute=\"x\" from=\"0\" to=\"1\" easing=\"bouncy\"/>a</text></scene>\n"
                "</exhibit>",
                d);
    CHECK(at(d, "bad-color") == std::pair{2, 15});
    int badValues = 0;
    for (const auto& x : d.all())
        if (x.code == "bad-value") ++badValues;
    CHECK(badValues == 3);  // size, transition, easing
}

TEST_CASE("references to missing styles and regions are errors with suggestions") {
    Diagnostics d;
    compileText("<exhibit>\n<style id=\"body\"/>\n<region id=\"lower\" y=\"70%\"/>\n"
                "<scene><text style=\"bdy\" region=\"lowe\">a</text></scene>\n</exhibit>",
                d);
    CHECK(findCode(d, "missing-style")->hint == "did you mean 'body'?");
    CHECK(findCode(d, "missing-region")->hint == "did you mean 'lower'?");
    CHECK(at(d, "missing-style").first == 4);
}

TEST_CASE("misplaced elements, stray text and duplicate ids") {
    Diagnostics d;
    compileText("<exhibit>\n<scene id=\"a\">loose words<scene id=\"a\"/></scene>\n<p>x</p>\n</exhibit>", d);
    CHECK(findCode(d, "stray-text"));
    CHECK(findCode(d, "duplicate-id"));
    CHECK(at(d, "misplaced-element").first == 2);
    CHECK(findCode(d, "duplicate-id")->hint.find("line 2") != std::string::npos);
}

TEST_CASE("a clean script has no diagnostics") {
    Diagnostics d;
    compileText("<exhibit title=\"T\" size=\"1920x1080\" lang=\"en hy\">\n"
                "<style id=\"default\" font=\"serif\" size=\"44\"/>\n"
                "<style id=\"title\" base=\"default\" size=\"96\" weight=\"bold\" align=\"center\"/>\n"
                "<scene id=\"s\" dur=\"6s\" transition=\"fade 1s\"><text style=\"title\">Title</text></scene>\n"
                "</exhibit>",
                d);
    for (const auto& x : d.all()) MESSAGE(formatDiagnostic(x));
    CHECK(d.empty());
}
