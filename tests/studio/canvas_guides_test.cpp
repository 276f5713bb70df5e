#include "studio/canvas_guides.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "exhibit/exhibit_loader.h"
#include "studio/canvas_fixture.h"

namespace vitrine::studio {

namespace {

bool has(const std::vector<double>& lines, double v) { return std::find(lines.begin(), lines.end(), v) != lines.end(); }

}  // namespace

TEST_CASE("canvas guides: centre lines, thirds, safe margins, regions and the other items' edges and centres") {
    std::vector<CanvasItem> visible = {{0, {100, 100, 300, 100}, 0}, {1, {200, 50, 100, 100}, 0}};
    SnapGuides g = snapGuides({1200, 600}, {{600, 0, 600, 600}}, visible, 1);
    for (double x : {0.0, 600.0, 1200.0, 400.0, 800.0, 120.0, 1080.0, 60.0, 1140.0, 900.0, 100.0, 250.0})
        CHECK_MESSAGE(has(g.xs, x), x);
    for (double y : {0.0, 300.0, 600.0, 200.0, 400.0, 60.0, 540.0, 30.0, 570.0, 150.0})
        CHECK_MESSAGE(has(g.ys, y), y);
    CHECK_FALSE(has(g.xs, 300.0));  // the moving item's own right edge is no guide
    CHECK_FALSE(has(g.ys, 50.0));
}

TEST_CASE("canvas guides: a line snaps to the nearest guide within the threshold, and only then") {
    AxisSnap s = snapAxis({100, 150, 200}, {0, 155, 500}, 8);
    CHECK(s.guide == 155.0);
    CHECK(s.shift == 5.0);
    s = snapAxis({100, 150, 200}, {196, 153}, 8);
    CHECK(s.guide == 153.0);  // 150 → 153 is nearer than 200 → 196
    CHECK(s.shift == 3.0);
    s = snapAxis({100, 150, 200}, {191, 300}, 8);  // 9 px away: too far
    CHECK_FALSE(s.guide);
    CHECK(s.shift == 0.0);
}

TEST_CASE("canvas guides: the regions in use are the areas items are laid out in, each once") {
    LoadedExhibit loaded = loadExhibitFromText(testing::kCanvasFixture, "/tmp/canvas-guides/exhibit.xml");
    REQUIRE(loaded.show);
    CHECK(loaded.show->items[testing::kSide].area == Rect{500, 0, 500, 500});
    CHECK(regionsInUse(*loaded.show) == std::vector<Rect>{{500, 0, 500, 500}});
}

}  // namespace vitrine::studio
