#include "studio/canvas_drag.h"

#include <doctest/doctest.h>

#include "studio/canvas_fixture.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {
namespace {

using namespace testing;

// A document on kCanvasFixture and what is drawn at `seconds`, as the canvas sees it.
struct Canvas {
    StudioFixture f{kCanvasFixture};
    StudioDocument doc{f.file};
    std::vector<CanvasItem> visible;
    explicit Canvas(double at = 1) {
        REQUIRE(doc.show());
        visible = visibleItems(*doc.show(), evaluate(*doc.show(), seconds(at)));
    }
    SnapGuides guides(int moving) const { return snapGuides(doc.show()->canvas, regionsInUse(*doc.show()), visible, moving); }
    // Press, move in steps to `to`, release: the edit made, as the preview's pointer does.
    CanvasPress drag(int selected, CanvasPoint from, CanvasPoint to, DragOptions options = {}, bool panZoom = false) {
        CanvasPress press = pressCanvas(*doc.show(), visible, selected, from, 6, panZoom);
        REQUIRE(press.drag);
        for (int step = 1; step <= 4; ++step)
            dragTo(*press.drag, {from.x + (to.x - from.x) * step / 4, from.y + (to.y - from.y) * step / 4},
                   guides(press.drag->item), options);
        return press;
    }
    void release(const CanvasPress& press) {
        auto edit = releaseEdit(*press.drag, doc);
        REQUIRE(edit);
        REQUIRE_FALSE(doc.edit(edit->description, edit->recipe));
    }
};

}  // namespace

TEST_CASE("canvas drag: a press on an item selects the topmost one and moves it, the release is one edit") {
    Canvas c;
    CanvasPress press = c.drag(-1, {300, 150}, {331, 190});
    CHECK(press.select == kFront);
    CHECK(press.drag->kind == CanvasDrag::Kind::Move);
    CHECK(press.drag->now == Rect{231, 140, 300, 100});  // nothing near enough to snap to
    CHECK(c.doc.text() == kCanvasFixture);  // the document is untouched while dragging
    c.release(press);
    CHECK(c.doc.text() == replaced(kCanvasFixture, R"(x="20%"  y="20%")", R"(x="23.1%"  y="28%")"));
    CHECK(c.doc.undoDescription() == "Moved <text> at line 6");
    REQUIRE(c.doc.undo());
    CHECK(c.doc.text() == kCanvasFixture);
}

TEST_CASE("canvas drag: the dragged box snaps to guides, is drawn where the drag has it, and Alt drags freely") {
    Canvas c;
    // Back's left edge, dragged from 100 to 497, lands on the canvas centre (500).
    CanvasPress press = c.drag(-1, {150, 150}, {547, 150 + 1});
    CHECK(press.select == kBack);
    CHECK(press.drag->snapX.guide == 500.0);
    CHECK(press.drag->now.x == 500.0);
    CHECK(press.drag->snapY.guide == 100.0);  // and its top stays on Front's top
    Frame frame = evaluate(*c.doc.show(), seconds(1));
    applyDrag(*press.drag, frame);
    CHECK(visibleItems(*c.doc.show(), frame)[0].box == Rect{500, 100, 300, 100});

    press = c.drag(-1, {150, 150}, {547, 151}, DragOptions{.snap = false});
    CHECK_FALSE(press.drag->snapX.guide);
    CHECK(press.drag->now == Rect{497, 101, 300, 100});
}

TEST_CASE("canvas drag: the handles of the selected item resize it, Shift keeps its proportions") {
    Canvas c;
    CanvasPress press = c.drag(kSide, {850, 300}, {912, 337}, DragOptions{.snap = false});
    CHECK_FALSE(press.select);  // the selection stays
    CHECK(press.drag->kind == CanvasDrag::Kind::Resize);
    CHECK(press.drag->handle == Handle::BottomRight);
    c.release(press);
    CHECK(c.doc.text() == replaced(kCanvasFixture, R"(x="50%" y="50%" width="200" height="100">Side)",
                                   R"(x="56.2%" y="53.7%" width="262" height="137">Side)"));

    Canvas proportional;
    press = proportional.drag(kSide, {850, 300}, {950, 310}, DragOptions{.keepProportions = true, .snap = false});
    CHECK(press.drag->now == Rect{650, 200, 300, 150});
}

TEST_CASE("canvas drag: an item in a region is written back in its region's terms") {
    Canvas c;
    c.release(c.drag(-1, {700, 250}, {710, 230}, DragOptions{.snap = false}));
    CHECK(c.doc.text() == replaced(kCanvasFixture, R"(anchor="center" x="50%" y="50%")", R"(anchor="center" x="52%" y="46%")"));
}

TEST_CASE("canvas drag: a press on nothing clears the selection, a click that does not move edits nothing") {
    Canvas c;
    CanvasPress press = pressCanvas(*c.doc.show(), c.visible, kFront, {560, 20}, 6, false);
    CHECK(press.clearSelection);
    CHECK_FALSE(press.drag);
    press = pressCanvas(*c.doc.show(), c.visible, -1, {300, 150}, 6, false);
    REQUIRE(press.drag);
    CHECK_FALSE(releaseEdit(*press.drag, c.doc));
}

TEST_CASE("canvas drag: arrow keys nudge by canvas pixels, in the element's units") {
    Canvas c;
    auto edit = nudgeEdit(c.doc, kBack, 10, -1);
    REQUIRE(edit);
    REQUIRE_FALSE(c.doc.edit(edit->description, edit->recipe));
    CHECK(c.doc.text() == replaced(kCanvasFixture, R"(<text x="100" y="100")", R"(<text x="110" y="99")"));
}

TEST_CASE("canvas drag: a selected picture's pan-zoom rectangles are dragged and resized on it") {
    Canvas c(6);
    // The end rectangle, 10%,10%,50%,50% of the 1000x500 picture: 100,50 500x250. Its body
    // moved by 100,50 makes it 20%,20%; its bottom-right corner then grows it.
    CanvasPress press = c.drag(kPicture, {300, 150}, {400, 200}, DragOptions{.snap = false}, true);
    CHECK(press.drag->kind == CanvasDrag::Kind::PanZoom);
    CHECK(press.drag->end == PanZoomEnd::End);
    c.release(press);
    CHECK(c.doc.text() == replaced(kCanvasFixture, "→ 10%,10%,50%,50%", "→ 20%,20%,50%,50%"));

    Canvas again(6);
    press = again.drag(kPicture, {600, 300}, {700, 350}, DragOptions{.snap = false}, true);
    CHECK(press.drag->handle == Handle::BottomRight);
    again.release(press);
    CHECK(again.doc.text() == replaced(kCanvasFixture, "→ 10%,10%,50%,50%", "→ 10%,10%,60%,60%"));

    // Not editing the pan-zoom: the same press grabs the picture itself.
    Canvas plain(6);
    CHECK(pressCanvas(*plain.doc.show(), plain.visible, kPicture, {300, 150}, 6, false).drag->kind ==
          CanvasDrag::Kind::Move);
}

}  // namespace vitrine::studio
