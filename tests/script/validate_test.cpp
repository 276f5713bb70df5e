#include <doctest/doctest.h>

#include "support/in_memory_files.h"
#include "script/language_names.h"

#include <filesystem>

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

namespace {
// Every diagnostic with `code`, as "line:column" separated by spaces.
std::string places(const Diagnostics& d, const std::string& code) {
    std::string out;
    for (const auto& x : d.all())
        if (x.code == code)
            out += (out.empty() ? "" : " ") + std::to_string(x.where.line) + ":" + std::to_string(x.where.column);
    return out;
}
}  // namespace

TEST_CASE("numbers outside their documented range are errors that give the range") {
    Diagnostics d;
    compileText("<exhibit>\n<scene>\n"
                "<text opacity=\"2\">a</text>\n"
                "<text opacity=\"0.5\">b</text>\n"
                "<map view=\"40,38 → 50,44\"><fly to=\"44,40\" zoom=\"-2\"/></map>\n"
                "<audio src=\"a.ogg\" volume=\"1.5\"/>\n"
                "<text width=\"-10\">c</text>\n"
                "</scene>\n</exhibit>",
                d);
    CHECK(places(d, "out-of-range") == "3:7 5:45 6:20 7:7");
    CHECK(findCode(d, "out-of-range")->hint == "write a value from 0 to 1");
    CHECK(findCode(d, "out-of-range")->message == "'2' is out of range for 'opacity'");
}

TEST_CASE("a range is the attribute's, not its type's: one value can be good for one and bad for another") {
    Diagnostics d;
    compileText("<exhibit>\n<scene><map view=\"40,38 → 50,44\"><fly to=\"44,40\" zoom=\"2\"/></map>\n"
                "<text opacity=\"2\">a</text></scene>\n</exhibit>",
                d);
    CHECK(places(d, "out-of-range") == "3:7");
}

TEST_CASE("a pan-zoom rectangle must lie inside the picture") {
    Diagnostics d;
    compileText("<exhibit>\n<scene>\n"
                "<image src=\"a.jpg\" panzoom=\"0,0,100%,100% → 10%,5%,80%,80%\"/>\n"
                "<image src=\"a.jpg\" panzoom=\"0,0,100%,100% → 50%,50%,80%,80%\"/>\n"
                "<image src=\"a.jpg\" panzoom=\"0,0,100%,100% → 0%,60%,50%,50%\"/>\n"
                "</scene>\n</exhibit>",
                d);
    CHECK(places(d, "out-of-range") == "4:20 5:20");
}

TEST_CASE("places written as numbers must be real longitudes and latitudes") {
    Diagnostics d;
    compileText("<exhibit>\n<scene><map view=\"40,38 → 50,44\">\n"
                "<marker at=\"44.5,40.2\"/>\n"
                "<marker at=\"44.5,91\"/>\n"
                "<route from=\"Yerevan\" to=\"44,40; 200,40\"/>\n"
                "</map></scene>\n</exhibit>",
                d);
    CHECK(places(d, "bad-place") == "4:9 5:23");
    Diagnostics view;
    compileText("<exhibit><scene><map view=\"40,38 → 50,95\"/></scene></exhibit>", view);
    CHECK(findCode(view, "bad-value"));
}

TEST_CASE("language codes are BCP 47, and a language's name suggests its code") {
    Diagnostics d;
    compileText("<exhibit lang=\"en hy-Latn\">\n<scene>\n"
                "<text lang=\"English\">a</text>\n"
                "<text lang=\"en_GB\">b</text>\n"
                "<text lang=\"ru\">c</text>\n"
                "</scene>\n</exhibit>",
                d);
    CHECK(places(d, "bad-language") == "3:7 4:7");
    if (std::filesystem::exists(kIsoLanguageList)) CHECK(findCode(d, "bad-language")->hint == "did you mean 'en'?");
}

TEST_CASE("a <text> with nothing to show is a warning") {
    Diagnostics d;
    compileText("<exhibit>\n<scene>\n<text>  </text>\n<text><p><b>a</b></p></text>\n<text/>\n</scene>\n</exhibit>", d);
    CHECK(places(d, "empty-text") == "3:1 5:1");
    CHECK(d.errorCount() == 0);
}

TEST_CASE("translations: a language not in the exhibit's, a missing original and a duplicate are errors at their line") {
    Diagnostics d;
    compileText("<exhibit lang=\"en fr\">\n"
                "<scene dur=\"5s\"><map view=\"40,37.5 → 51,43.5\">\n"
                "  <marker at=\"45,40\" label=\"Baku\"><translation lang=\"de\" label=\"Baku\"/></marker>\n"
                "  <label at=\"45,40\" text=\"Armenia\"><translation lang=\"fr\" label=\"Arménie\"/></label>\n"
                "  <marker at=\"45,41\" label=\"Baku\"><translation lang=\"fr\" label=\"Bakou\"/>"
                "<translation lang=\"fr\" label=\"Bakou\"/></marker>\n"
                "  <marker at=\"45,42\" label=\"Baku\"><translation lang=\"en\" label=\"Baku\"/><translation lang=\"fr\"/></marker>\n"
                "</map>\n"
                "<image placeholder=\"A photograph\"><translation label=\"Une photographie\"/></image>\n"
                "</scene></exhibit>",
                d);
    const Diagnostic* undeclared = findCode(d, "undeclared-language");
    REQUIRE(undeclared);
    CHECK(undeclared->where.line == 3);
    CHECK(undeclared->message == "'de' is not one of the exhibit's languages (<exhibit lang=\"en fr\">)");
    CHECK(undeclared->hint == "add it to <exhibit lang>, or write one of en, fr");
    const Diagnostic* orphan = findCode(d, "translation-without-original");
    REQUIRE(orphan);
    CHECK(orphan->where.line == 4);
    CHECK(orphan->message == "<translation> gives 'label' in fr, but <label> has no 'label' to translate");
    CHECK(at(d, "duplicate-translation").first == 5);
    CHECK(findCode(d, "duplicate-translation")->message == "<marker>'s 'label' is already translated into fr");
    CHECK(at(d, "translation-in-main-language").first == 6);
    CHECK(at(d, "empty-translation").first == 6);
    CHECK(at(d, "missing-attribute").first == 8);  // no lang
    CHECK(findCode(d, "missing-attribute")->message == "<translation> needs a lang");
}

TEST_CASE("translations: each language of the exhibit once per attribute is valid") {
    Diagnostics d;
    compileText("<exhibit lang=\"en fr hy\">\n"
                "<scene dur=\"5s\"><map view=\"40,37.5 → 51,43.5\">\n"
                "  <marker at=\"45,40\" label=\"Baku\"><translation lang=\"fr\" label=\"Bakou\"/>"
                "<translation lang=\"hy\" label=\"Բաքու\"/></marker>\n"
                "  <route from=\"45,40\" to=\"44,40\" label=\"Yerevan\"><translation lang=\"fr\" label=\"Erevan\"/></route>\n"
                "</map>\n"
                "<image placeholder=\"A photograph\"><translation lang=\"fr\" placeholder=\"Une photographie\"/></image>\n"
                "</scene></exhibit>",
                d);
    for (const char* code : {"undeclared-language", "translation-without-original", "duplicate-translation",
                             "translation-in-main-language", "empty-translation", "unknown-element", "misplaced-element"})
        CHECK_MESSAGE(findCode(d, code) == nullptr, code);
}
