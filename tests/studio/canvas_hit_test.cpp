#include "studio/canvas_hit.h"

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "studio/canvas_fixture.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {
namespace {

using namespace testing;

std::optional<int> clickAt(const Show& show, double seconds, CanvasPoint p) {
    return topmostItemAt(visibleItems(show, evaluate(show, vitrine::seconds(seconds))), p);
}

}  // namespace

TEST_CASE("canvas hit: a click takes the topmost item drawn there, in its region, and not a transparent one") {
    LoadedExhibit loaded = loadExhibitFromText(kCanvasFixture, "/tmp/canvas-hit/exhibit.xml");
    REQUIRE(loaded.show);
    const Show& show = *loaded.show;
    CHECK(clickAt(show, 1, {300, 150}) == kFront);  // both are there: the one drawn last is on top
    CHECK(clickAt(show, 1, {150, 150}) == kBack);
    CHECK(clickAt(show, 1, {700, 250}) == kSide);  // centred in its region: 650..850
    CHECK(clickAt(show, 1, {560, 250}) == std::nullopt);
    CHECK(clickAt(show, 0, {650, 420}) == std::nullopt);  // still at 0 opacity
    CHECK(clickAt(show, 3, {650, 420}) == kFading);
    CHECK(clickAt(show, 6, {150, 150}) == kPicture);  // the picture, drawn after, covers all
}

TEST_CASE("canvas hit: boxes are where the renderer draws them: slid with their layer, scaled and turned about the centre") {
    LoadedExhibit loaded = loadExhibitFromText(kCanvasFixture, "/tmp/canvas-hit/exhibit.xml");
    REQUIRE(loaded.show);
    Frame frame;
    Layer layer;
    layer.offsetX = 50;
    DrawItem d;
    d.item = kBack;
    d.box = {100, 100, 200, 100};
    d.scale = 2;  // drawn 400x200 about the centre (200, 150), then slid 50 px right: 50..450, 50..250
    layer.draws.push_back(d);
    frame.layers.push_back(layer);
    auto items = visibleItems(*loaded.show, frame);
    REQUIRE(items.size() == 1);
    CHECK(items[0].box == Rect{50, 50, 400, 200});
    CHECK(topmostItemAt(items, {60, 60}) == kBack);
    CHECK(topmostItemAt(items, {40, 60}) == std::nullopt);

    // Turned a quarter about its centre, the 400x200 box stands 200 wide and 400 high.
    items[0].rotation = 90;
    CHECK(topmostItemAt(items, {250, 330}) == kBack);
    CHECK(topmostItemAt(items, {60, 150}) == std::nullopt);

    frame.layers[0].opacity = 0;  // a layer faded out entirely: nothing to click
    CHECK(visibleItems(*loaded.show, frame).empty());
}

}  // namespace vitrine::studio
