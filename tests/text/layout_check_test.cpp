#include "text/layout_check.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "support/build_paths.h"
#include "text/item_text.h"

namespace vitrine::text {
namespace {

const FontLibrary& bundledFonts() {
    static const FontLibrary fonts(bundledFontsDirectory());
    return fonts;
}

LoadedExhibit loadFixture(const char* name) {
    LoadedExhibit e = loadExhibit(test::fixturesDir() / "layout" / name, map::withMaps());
    REQUIRE(e.show);
    return e;
}

Diagnostics layoutProblems(const LoadedExhibit& e) {
    Diagnostics d;
    checkLayout(*e.show, bundledFonts(), d);
    return d;
}

std::vector<Diagnostic> withCode(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> out;
    std::copy_if(d.all().begin(), d.all().end(), std::back_inserter(out),
                 [&](const Diagnostic& x) { return x.code == code; });
    return out;
}

}  // namespace

TEST_CASE("layout check: a 259-word paragraph in a narrow column is cut by the canvas and says by how many lines") {
    const LoadedExhibit e = loadFixture("long-paragraph.xml");
    const auto cut = withCode(layoutProblems(e), "text-overflow");
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].severity == Severity::Error);
    CHECK(cut[0].where.line == 7);
    CHECK(cut[0].where.column == 5);
    // The figures are the player's own layout of the item, not a guess.
    const Item& item = e.show->items.at(0);
    const TextLayout layout = layoutItemText(bundledFonts(), item);
    const Rect block = placeTextBlock(item, item.box, textBlockWidth(item), layout.height);
    const long needed = static_cast<long>(layout.lines.size());
    const long shown = std::count_if(layout.lines.begin(), layout.lines.end(),
                                     [&](const LineBox& l) { return block.y + l.top + l.height <= 1080.5; });
    REQUIRE(shown < needed);
    const std::string expected = "the text needs " + std::to_string(needed) + " lines, the canvas shows " +
                                 std::to_string(shown) + ": " + std::to_string(needed - shown) + " lines are cut";
    CHECK(cut[0].message == expected);
    CHECK(cut[0].hint.find("smaller style") != std::string::npos);
    MESSAGE(cut[0].message);
}

TEST_CASE("layout check: text running past its region but not the canvas is a warning") {
    const auto cut = withCode(layoutProblems(loadFixture("region-overflow.xml")), "text-overflow");
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].severity == Severity::Warning);
    CHECK(cut[0].where.line == 7);
    unsigned needed = 0, held = 0, past = 0;
    REQUIRE(std::sscanf(cut[0].message.c_str(), "the text needs %u lines, its region holds %u: %u", &needed, &held,
                        &past) == 3);
    CHECK(held == 3);  // a band 162 px tall holds three lines of 54 px
    CHECK(needed > held);
    CHECK(past == needed - held);
    MESSAGE(cut[0].message);
}

TEST_CASE("layout check: 25 credits in 20 seconds roll too fast to read and are not reported as cut") {
    const Diagnostics d = layoutProblems(loadFixture("many-credits.xml"));
    CHECK(withCode(d, "text-overflow").empty());
    const auto fast = withCode(d, "credits-too-fast");
    REQUIRE(fast.size() == 1);
    CHECK(fast[0].severity == Severity::Warning);
    CHECK(fast[0].where.line == 5);
    CHECK(fast[0].message.find("lines a second through 20s") != std::string::npos);
    CHECK(fast[0].hint.find("dur=\"") != std::string::npos);
    MESSAGE(fast[0].message, " / ", fast[0].hint);
}

TEST_CASE("layout check: the same credits through 90 seconds roll slowly enough and check clean") {
    const Diagnostics d = layoutProblems(loadFixture("many-credits-slow.xml"));
    for (const auto& x : d.all()) MESSAGE(formatDiagnostic(x));
    CHECK(d.empty());
}

TEST_CASE("layout check: a character no bundled font has is named with its code point") {
    const auto missing = withCode(layoutProblems(loadFixture("missing-glyph.xml")), "missing-glyph");
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].message == "'灯' U+706F is in none of the bundled fonts: the projector shows an empty box");
    CHECK(missing[1].message == "'台' U+53F0 is in none of the bundled fonts: the projector shows an empty box");
    CHECK(missing[0].where.line == 6);
    CHECK(missing[0].severity == Severity::Warning);
    CHECK(missing[0].hint.find("Noto Serif") != std::string::npos);
}

TEST_CASE("layout check: a box past the canvas is a warning and text outside title-safe a note") {
    const Diagnostics d = layoutProblems(loadFixture("off-canvas.xml"));
    const auto outside = withCode(d, "outside-canvas");
    REQUIRE(outside.size() == 1);
    CHECK(outside[0].where.line == 6);
    CHECK(outside[0].severity == Severity::Warning);
    CHECK(outside[0].message == "its box reaches past the canvas's right edge by 380 px");
    const auto unsafe = withCode(d, "outside-title-safe");
    REQUIRE(unsafe.size() == 1);
    CHECK(unsafe[0].where.line == 7);
    CHECK(unsafe[0].severity == Severity::Note);
    CHECK(unsafe[0].message.find("past its left edge by 152 px and its top edge by 88 px") != std::string::npos);
}

TEST_CASE("layout check: a map label with no room clear of others is drawn and noted at its line") {
    const Diagnostics d = layoutProblems(loadFixture("unplaceable-label.xml"));
    CHECK(withCode(d, "label-not-placed").empty());  // never left out for want of room
    const auto over = withCode(d, "label-overlaps");
    auto noted = std::find_if(over.begin(), over.end(), [](const Diagnostic& x) { return x.where.line == 8; });
    REQUIRE(noted != over.end());
    CHECK(noted->severity == Severity::Note);
    CHECK(noted->message.find("'A label far longer than this small map is wide' overlaps other labels or marks") !=
          std::string::npos);
}

TEST_CASE("layout check: a map label whose place is never in the map's view is a warning at its line") {
    const Diagnostics d = layoutProblems(loadFixture("label-out-of-view.xml"));
    const auto left = withCode(d, "label-not-placed");
    REQUIRE(left.size() == 1);
    CHECK(left[0].severity == Severity::Warning);
    CHECK(left[0].where.line == 8);
    CHECK(left[0].message == "the label 'Moscow' is never drawn: all the while it shows, the place it names is outside the map's view");
}

}  // namespace vitrine::text
