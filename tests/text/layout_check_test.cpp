#include "text/layout_check.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
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

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// What the studio's panel and `vitrine check` list for `text` (an exhibit written at `file`):
// every diagnostic whole, checked afresh or with the findings `kept` holds.
std::vector<std::string> findingsOf(const std::string& text, const std::filesystem::path& file,
                                    LayoutFindings* kept) {
    static const CompileOptions options = map::withMaps();  // the map data read once for all
    LoadedExhibit e = loadExhibitFromText(text, file, options);
    REQUIRE(e.show);
    addLayoutProblems(e, bundledFonts(), kept);
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics.all())
        out.push_back(formatDiagnostic(d) + " [" + d.code + "] hint: " + d.hint);
    return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
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

TEST_CASE("layout check: a map label is checked in each language it is written in") {
    const Diagnostics d = layoutProblems(loadFixture("label-longer-in-french.xml"));
    const auto over = withCode(d, "label-overlaps");
    auto atLine = [&](int line, const std::string& start) {
        return std::count_if(over.begin(), over.end(), [&](const Diagnostic& x) {
            return x.where.line == line && x.message.rfind(start, 0) == 0;
        });
    };
    CHECK(atLine(8, "in fr, the label 'Une étiquette bien plus longue") == 1);  // the French crowds the map
    CHECK(atLine(8, "in en, ") == 0);                                           // "Kura" fits
    // Once a site has chosen, the map is checked as it stands: one language, no prefix.
    LoadedExhibit e = loadFixture("label-longer-in-french.xml");
    e.show->languagesChosen = true;
    for (const auto& x : withCode(layoutProblems(e), "label-overlaps")) CHECK(x.message.rfind("in ", 0) != 0);
}

TEST_CASE("layout check: a map label whose place is never in the map's view is a warning at its line") {
    const Diagnostics d = layoutProblems(loadFixture("label-out-of-view.xml"));
    const auto left = withCode(d, "label-not-placed");
    REQUIRE(left.size() == 1);
    CHECK(left[0].severity == Severity::Warning);
    CHECK(left[0].where.line == 8);
    CHECK(left[0].message == "the label 'Moscow' is never drawn: all the while it shows, the place it names is outside the map's view");
}

TEST_CASE("layout findings: kept ones are those found afresh for Baku and every layout fixture and move with their element") {
    std::vector<std::filesystem::path> files{test::sourceDir() / "exhibits/baku-1990/exhibit.xml"};
    for (const auto& entry : std::filesystem::directory_iterator(test::fixturesDir() / "layout"))
        files.push_back(entry.path());
    for (const auto& file : files) {
        CAPTURE(file);
        const std::string text = readFile(file);
        const std::vector<std::string> fresh = findingsOf(text, file, nullptr);
        LayoutFindings kept;
        CHECK(findingsOf(text, file, &kept) == fresh);
        const int items = kept.itemsChecked();
        CHECK(items > 0);
        CHECK(kept.itemsReused() == 0);
        // Checked again as it is: every item's findings are the kept ones.
        CHECK(findingsOf(text, file, &kept) == fresh);
        CHECK(kept.itemsChecked() == items);
        CHECK(kept.itemsReused() == items);
        // Two lines written above everything: the findings are kept, and are at the new lines.
        const std::string moved = replaced(text, "\n<exhibit", "\n<!-- moved\n down -->\n<exhibit");
        const std::vector<std::string> movedFresh = findingsOf(moved, file, nullptr);
        CHECK(findingsOf(moved, file, &kept) == movedFresh);
        CHECK(kept.itemsChecked() == items);
        CHECK(kept.itemsReused() == 2 * items);
        if (!fresh.empty()) CHECK(movedFresh != fresh);
    }
}

TEST_CASE("layout findings: a text longer or a box smaller or a label moved is checked again") {
    struct Change {
        const char* fixture;
        std::string from, to;
    };
    const Change changes[] = {
        {"region-overflow.xml", "memories of families who</text>", "memories of families who left the city in the winter of that year, and of those who stayed.</text>"},
        {"missing-glyph.xml", "width=\"60%\">", "width=\"60%\" height=\"20\">"},
        {"label-out-of-view.xml", "at=\"37.62,55.75\"", "at=\"47.5,40.2\""},
    };
    for (const Change& change : changes) {
        CAPTURE(change.to);
        const std::filesystem::path file = test::fixturesDir() / "layout" / change.fixture;
        const std::string before = readFile(file), after = replaced(before, change.from, change.to);
        const std::vector<std::string> freshAfter = findingsOf(after, file, nullptr);
        REQUIRE(freshAfter != findingsOf(before, file, nullptr));  // a change the check sees
        LayoutFindings kept;
        findingsOf(before, file, &kept);
        const int checked = kept.itemsChecked();
        CHECK(findingsOf(after, file, &kept) == freshAfter);
        CHECK(kept.itemsChecked() == checked + 1);  // the changed item, and only it
    }
}

}  // namespace vitrine::text

namespace vitrine::text {
namespace {

// A text in a region three lines tall (lines of 60 px), English and French each given as
// lines separated by <br/>.
Diagnostics bilingualProblems(int englishLines, int frenchLines) {
    auto lines = [](int n) {
        std::string out = "line";
        for (int i = 1; i < n; ++i) out += "<br/>line";
        return out;
    };
    const std::string xml = "<exhibit lang=\"en fr\">\n"
                            "<style id=\"s\" size=\"40\" line-height=\"1.5\"/>\n"
                            "<region id=\"band\" x=\"200\" y=\"200\" width=\"1200\" height=\"180\"/>\n"
                            "<scene dur=\"30s\">\n"
                            "<text region=\"band\" style=\"s\"><p lang=\"en\">" +
                            lines(englishLines) + "</p><p lang=\"fr\">" + lines(frenchLines) +
                            "</p></text>\n"
                            "</scene>\n</exhibit>";
    LoadedExhibit e = loadExhibitFromText(xml, "bilingual.xml");
    REQUIRE(e.show);
    Diagnostics d;
    checkLayout(*e.show, bundledFonts(), d);
    return d;
}

}  // namespace

TEST_CASE("layout check: a text in two languages is laid out one language at a time, as a site shows one") {
    // Each language fills the region alone; both together (six lines) would not fit.
    CHECK(withCode(bilingualProblems(3, 3), "text-overflow").empty());

    // The French alone runs past it, whatever the English: said of the French.
    const auto cut = withCode(bilingualProblems(2, 4), "text-overflow");
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].severity == Severity::Warning);
    CHECK(cut[0].message == "in fr, the text needs 4 lines, its region holds 3: 1 line runs past it");

    const auto englishCut = withCode(bilingualProblems(4, 1), "text-overflow");
    REQUIRE(englishCut.size() == 1);
    CHECK(englishCut[0].message.rfind("in en, the text needs 4 lines", 0) == 0);
}

}  // namespace vitrine::text
