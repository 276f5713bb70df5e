// Credits that do not fit roll (text/credit_roll.h): drawn at two instants, the title stays
// at the top of the box, the entries move up beneath it, and nothing is drawn outside the box.

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "render/render_resources.h"
#include "support/build_paths.h"

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

bool sameRows(const sf::Image& a, const sf::Image& b, unsigned top, unsigned bottom) {
    for (unsigned y = top; y < bottom; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x)
            if (a.getPixel(x, y) != b.getPixel(x, y)) return false;
    return true;
}

}  // namespace

TEST_CASE("credits roll: the title stays still and the entries move up inside the box") {
    const LoadedExhibit e = loadExhibit(test::fixturesDir() / "layout" / "many-credits-slow.xml");
    REQUIRE(e.show);
    render::RenderResources resources;
    render::FrameRenderer renderer(*e.show, resources);
    output::OffscreenRenderer offscreen(renderer, *e.show, kSize);
    REQUIRE(offscreen.ok());
    const sf::Image early = offscreen.renderAt(seconds(10));
    const sf::Image late = offscreen.renderAt(seconds(70));
    early.saveToFile((test::binaryDir() / "credit-roll-10s.png").string());  // to look at
    late.saveToFile((test::binaryDir() / "credit-roll-70s.png").string());

    // The credits' box is the canvas less 15 % on every side: rows 81 to 459 here.
    const Rect box = e.show->items.at(0).box;
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
