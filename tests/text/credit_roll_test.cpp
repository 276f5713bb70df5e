#include "text/credit_roll.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "exhibit/exhibit_loader.h"
#include "support/build_paths.h"
#include "text/item_text.h"

namespace vitrine::text {
namespace {

const FontLibrary& bundledFonts() {
    static const FontLibrary fonts(bundledFontsDirectory());
    return fonts;
}

Show fixtureShow(const char* name) {
    LoadedExhibit e = loadExhibit(test::fixturesDir() / "layout" / name);
    REQUIRE(e.show);
    return std::move(*e.show);
}

}  // namespace

TEST_CASE("credit roll: credits taller than their box roll from the first entry under the title to the last at the bottom") {
    const Show show = fixtureShow("many-credits-slow.xml");
    const Item& credits = show.items.at(0);
    const TextLayout layout = layoutItemText(bundledFonts(), credits);
    REQUIRE(layout.height > credits.box.height);
    const auto roll = creditRoll(credits, layout, credits.box.height);
    REQUIRE(roll);
    CHECK(roll->headingLines == 1);  // the title "Credits"
    CHECK(roll->windowTop == doctest::Approx(layout.lines.at(1).top));
    CHECK(roll->windowHeight == doctest::Approx(credits.box.height - layout.lines.at(1).top));
    const double band = 44 * 1.35 * kRollFadeLines;  // one line of the 44 px type
    CHECK(roll->fadeBand == doctest::Approx(band));
    // At rest the first entry sits a band below the window's top: the band is the gap under
    // the title, where entries fade out as they leave.
    CHECK(roll->offsetAt(0) == doctest::Approx(-band));
    CHECK(roll->offsetAt(kRollHoldShare) == roll->offsetAt(0));  // held still while the first entries are read
    CHECK(roll->offsetAt(kRollHoldShare + 0.05) > roll->offsetAt(0));
    CHECK(roll->offsetAt(1 - kRollHoldShare) == doctest::Approx(roll->travel - band));  // and the last
    CHECK(roll->offsetAt(0.5) == doctest::Approx(roll->travel / 2 - band));
    // The last entry ends a band above the bottom of the box, out of the bottom fade.
    CHECK(roll->offsetAt(1) == doctest::Approx(layout.height - (credits.box.height - band)));
    CHECK(roll->offsetAt(2) == roll->offsetAt(1));  // held at the end, never past it
    CHECK(roll->linesPerSecond(seconds(90)) == doctest::Approx(roll->travel / (44 * 1.35) / (90 * (1 - 2 * kRollHoldShare))));
}

TEST_CASE("credit roll: under reduced motion the entries are still pages that fade from one to the next") {
    const Show show = fixtureShow("many-credits-slow.xml");
    const Item& credits = show.items.at(0);
    const TextLayout layout = layoutItemText(bundledFonts(), credits);
    const auto roll = creditRoll(credits, layout, credits.box.height);
    REQUIRE(roll);
    const auto& pages = roll->pages;
    REQUIRE(pages.size() >= 2);
    // Every entry line once, in order, each page fitting the window below its top band and
    // beginning with an entry (never half of one).
    int next = roll->headingLines;
    for (const CreditPage& page : pages) {
        CHECK(page.firstLine == next);
        CHECK(page.endLine > page.firstLine);
        next = page.endLine;
        const LineBox& first = layout.lines.at(static_cast<std::size_t>(page.firstLine));
        const LineBox& last = layout.lines.at(static_cast<std::size_t>(page.endLine - 1));
        CHECK(first.paragraph != layout.lines.at(static_cast<std::size_t>(page.firstLine - 1)).paragraph);
        CHECK(last.top + last.height - first.top <= roll->windowHeight - roll->fadeBand);
        CHECK(first.top - page.offset == doctest::Approx(roll->windowTop + roll->fadeBand));  // drawn under the band
    }
    CHECK(next == static_cast<int>(layout.lines.size()));
    // As even as they can be: no page holds more than one entry (two lines) more than another,
    // rather than full pages and one entry left alone on the last.
    auto size = [](const CreditPage& p) { return p.endLine - p.firstLine; };
    const auto [smallest, largest] = std::minmax_element(pages.begin(), pages.end(),
                                                         [&](const CreditPage& a, const CreditPage& b) { return size(a) < size(b); });
    CHECK(size(*largest) - size(*smallest) <= 2);

    // Each page holds, fully drawn, through the middle of its share of the time (its share of
    // the lines), and is the page shown then.
    const Micros duration = seconds(90);
    double start = 0;
    int lines = next - roll->headingLines;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const double share = double(pages[i].endLine - pages[i].firstLine) / lines;
        const CreditPage held = roll->pageAt(start + share / 2, duration);
        CHECK(held.firstLine == pages[i].firstLine);
        CHECK(held.opacity == 1);
        if (i + 1 < pages.size()) {
            // At the change: the page fading out, then the next fading in.
            const CreditPage leaving = roll->pageAt(start + share - 1e-4, duration);
            const CreditPage coming = roll->pageAt(start + share + 1e-4, duration);
            CHECK(leaving.firstLine == pages[i].firstLine);
            CHECK(leaving.opacity < 0.1);
            CHECK(coming.firstLine == pages[i + 1].firstLine);
            CHECK(coming.opacity < 0.1);
        }
        start += share;
    }
    CHECK(roll->pageAt(0, duration).opacity == 1);  // the first comes and the last goes with the scene
    CHECK(roll->pageAt(1, duration).opacity == 1);
    CHECK(roll->pageAt(1, duration).firstLine == pages.back().firstLine);
}

TEST_CASE("credit roll: the title of rolling credits stays at the top of the box on the canvas") {
    const Show show = fixtureShow("many-credits.xml");
    const Item& credits = show.items.at(0);
    const TextLayout layout = layoutItemText(bundledFonts(), credits);
    const Rect block = placeTextBlock(credits, credits.box, textBlockWidth(credits), layout.height);
    CHECK(block.y == credits.box.y);  // not centred upward, off the top of the canvas
    CHECK(block.y + layout.lines.at(0).top >= 0);
}

TEST_CASE("credit roll: text that fits and texts other than credits do not roll") {
    const Show show = fixtureShow("long-paragraph.xml");
    const Item& paragraph = show.items.at(0);
    CHECK_FALSE(creditRoll(paragraph, layoutItemText(bundledFonts(), paragraph), paragraph.box.height));
    Item shortCredits = paragraph;
    shortCredits.rolls = true;
    TextLayout small;
    small.height = static_cast<float>(paragraph.box.height / 2);
    CHECK_FALSE(creditRoll(shortCredits, small, paragraph.box.height));
}

}  // namespace vitrine::text
