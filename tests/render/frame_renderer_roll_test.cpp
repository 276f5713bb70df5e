// Credits that do not fit roll (text/credit_roll.h): drawn at two instants, the title stays
// at the top of the box, the entries move up beneath it, and nothing is drawn outside the box;
// they fade in and out over a band at the window's edges rather than meeting a hard one.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "text/credit_roll.h"
#include "text/item_text.h"

using namespace vitrine;

namespace {

const sf::Vector2u kSize{960, 540};  // half the canvas: canvas px / 2
const sf::Color kBackground = sf::Color::Black;

// Rows of `img` in [top, bottom) holding any pixel brighter than the background.
int inkRows(const sf::Image& img, unsigned top, unsigned bottom) {
    int rows = 0;
    for (unsigned y = top; y < bottom; ++y)
        for (unsigned x = 0; x < img.getSize().x; ++x)
            if (img.getPixel(x, y).r > kBackground.r + 24) {
                ++rows;
                break;
            }
    return rows;
}

// The brightest red value in rows [top, bottom) of `img`.
int brightest(const sf::Image& img, unsigned top, unsigned bottom) {
    int most = 0;
    for (unsigned y = top; y < bottom && y < img.getSize().y; ++y)
        for (unsigned x = 0; x < img.getSize().x; ++x) most = std::max(most, int(img.getPixel(x, y).r));
    return most;
}

bool sameRows(const sf::Image& a, const sf::Image& b, unsigned top, unsigned bottom) {
    for (unsigned y = top; y < bottom; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x)
            if (a.getPixel(x, y) != b.getPixel(x, y)) return false;
    return true;
}

const Show& shown(const LoadedExhibit& e) {
    REQUIRE(e.show);
    return *e.show;
}

// The fixture's 25 credit entries rolling through 90 s, drawn at half the canvas's size.
struct RollingCredits {
    LoadedExhibit exhibit = loadExhibit(test::fixturesDir() / "layout" / "many-credits-slow.xml");
    const Show& show = shown(exhibit);
    render::RenderResources resources;
    render::FrameRenderer renderer{show, resources};
    output::OffscreenRenderer offscreen{renderer, show, kSize};
};

}  // namespace

TEST_CASE("credits roll: the title stays still and the entries move up inside the box") {
    RollingCredits credits;
    REQUIRE(credits.offscreen.ok());
    const sf::Image early = credits.offscreen.renderAt(seconds(10));
    const sf::Image late = credits.offscreen.renderAt(seconds(70));
    early.saveToFile((test::binaryDir() / "credit-roll-10s.png").string());  // to look at
    late.saveToFile((test::binaryDir() / "credit-roll-70s.png").string());

    // The credits' box is the canvas less 15 % on every side: rows 81 to 459 here.
    const Rect box = credits.show.items.at(0).box;
    const auto boxTop = static_cast<unsigned>(box.y / 2), boxBottom = static_cast<unsigned>((box.y + box.height) / 2);
    REQUIRE(boxTop == 81);
    const unsigned titleBottom = boxTop + 40;  // the title "Credits", 44 px bold at half size, and its gap
    CHECK(inkRows(early, boxTop, boxTop + 30) > 5);                 // the title is on screen at the top
    CHECK(sameRows(early, late, 0, titleBottom));                   // and stands still
    CHECK_FALSE(sameRows(early, late, titleBottom, boxBottom));     // while the entries move
    CHECK(inkRows(early, titleBottom, boxBottom) > 100);            // entries fill the window at both instants
    CHECK(inkRows(late, titleBottom, boxBottom) > 100);
    for (const sf::Image* img : {&early, &late}) {
        CHECK(inkRows(*img, 0, boxTop) == 0);                       // nothing above the box
        CHECK(inkRows(*img, boxBottom + 1, kSize.y) == 0);          // nor below it: the roll is clipped
    }
}

TEST_CASE("credits roll: entries fade over a band at the top and the bottom of the window") {
    RollingCredits rolling;
    REQUIRE(rolling.offscreen.ok());

    // The window and its bands as the renderer works them out at this size (half the canvas).
    const Item& credits = rolling.show.items.at(0);
    const float scale = 0.5f;
    const double blockWidth = text::textBlockWidth(credits);
    const text::TextLayout layout = rolling.resources.text().layout(text::itemParagraphs(credits),
                                                            text::itemLayoutStyle(credits, blockWidth), scale);
    const auto roll = text::creditRoll(credits, layout, credits.box.height * scale);
    REQUIRE(roll);
    const double blockTop = std::round(text::placeTextBlock(credits, credits.box, blockWidth, layout.height / scale).y * scale);
    const auto top = static_cast<unsigned>(blockTop + roll->windowTop);
    const auto bottom = static_cast<unsigned>(blockTop + roll->windowTop + roll->windowHeight);
    const auto band = static_cast<unsigned>(roll->fadeBand);
    REQUIRE(band >= 20);  // a line of 22 px type, and its leading

    // While the entries roll, each passes through both bands: there, in the outer third of
    // the band, it is drawn at most about a third as bright as anywhere in the middle.
    int topEdge = 0, bottomEdge = 0, middle = 0;
    for (Micros t = seconds(12); t < seconds(78); t += 1'500'000) {
        const sf::Image frame = rolling.offscreen.renderAt(t);
        if (t == seconds(45)) frame.saveToFile((test::binaryDir() / "credit-roll-fade-45s.png").string());  // to look at
        topEdge = std::max(topEdge, brightest(frame, top, top + band / 3));
        bottomEdge = std::max(bottomEdge, brightest(frame, bottom - band / 3, bottom));
        middle = std::max(middle, brightest(frame, top + band + 2, bottom - band - 2));
    }
    CAPTURE(topEdge);
    CAPTURE(bottomEdge);
    CAPTURE(middle);
    CHECK(middle >= 0xe0);                 // the text at its own colour, #efe6d6
    CHECK(topEdge > kBackground.r + 24);   // entries do pass through the bands,
    CHECK(bottomEdge > kBackground.r + 24);
    CHECK(topEdge < middle / 2);           // dimmed there
    CHECK(bottomEdge < middle / 2);
}
