#include "text/credit_roll.h"

#include <doctest/doctest.h>

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
    CHECK(roll->offsetAt(0) == 0);
    CHECK(roll->offsetAt(kRollHoldShare) == 0);  // held still while the first entries are read
    CHECK(roll->offsetAt(kRollHoldShare + 0.05) > 0);
    CHECK(roll->offsetAt(1 - kRollHoldShare) == doctest::Approx(roll->travel));  // and the last
    CHECK(roll->offsetAt(0.5) == doctest::Approx(roll->travel / 2));
    CHECK(roll->offsetAt(1) == doctest::Approx(layout.height - credits.box.height));
    CHECK(roll->offsetAt(2) == roll->offsetAt(1));  // held at the end, never past it
    CHECK(roll->linesPerSecond(seconds(90)) == doctest::Approx(roll->travel / (44 * 1.35) / (90 * (1 - 2 * kRollHoldShare))));
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
