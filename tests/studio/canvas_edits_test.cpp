#include "studio/canvas_edits.h"

#include <doctest/doctest.h>

#include "studio/canvas_fixture.h"

namespace vitrine::studio {
namespace {

using namespace testing;

// Places item `index` of a document on kCanvasFixture at `box`, as a drag's release does.
std::string placed(int index, const Rect& box, bool withSize) {
    StudioFixture f(kCanvasFixture);
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    const Item& item = doc.show()->items[index];
    auto error = doc.edit("place", placeRecipe(*doc.pathOf({Selection::Kind::Item, index}), item.area, box, withSize));
    REQUIRE_FALSE(error);
    REQUIRE(doc.undo());
    CHECK(doc.text() == kCanvasFixture);  // one edit, taken back at once
    REQUIRE(doc.redo());
    return doc.text();
}

}  // namespace

TEST_CASE("canvas edits: handles: the held sides move, the others stay, Shift keeps the proportions") {
    const Rect box{100, 100, 200, 100};
    CHECK(resizedBox(box, Handle::BottomRight, 50, 20, false) == Rect{100, 100, 250, 120});
    CHECK(resizedBox(box, Handle::TopLeft, 50, 20, false) == Rect{150, 120, 150, 80});
    CHECK(resizedBox(box, Handle::Left, -30, 99, false) == Rect{70, 100, 230, 100});
    CHECK(resizedBox(box, Handle::Bottom, 99, 40, false) == Rect{100, 100, 200, 140});
    CHECK(resizedBox(box, Handle::BottomRight, 100, 0, true) == Rect{100, 100, 300, 150});
    CHECK(resizedBox(box, Handle::TopLeft, 0, -50, true) == Rect{0, 50, 300, 150});
    CHECK(resizedBox(box, Handle::Right, 100, 0, true) == Rect{100, 75, 300, 150});  // grows about its middle
    CHECK(resizedBox(box, Handle::Right, -500, 0, false).width == kMinimumSide);
    CHECK(handleAt(box, {297, 152}, 6) == Handle::Right);
    CHECK(handleAt(box, {297, 140}, 6) == std::nullopt);
    CHECK(parseHandle("bottom-left") == Handle::BottomLeft);
    CHECK(parseHandle("middle") == std::nullopt);
}

TEST_CASE("canvas edits: lengths are written in whole pixels or in percent to 0.01") {
    CHECK(formatLength(523.4, 1920, false) == "523");
    CHECK(formatLength(192, 1920, true) == "10%");
    CHECK(formatLength(200.5, 1920, true) == "10.44%");
    CHECK(formatLength(0, 1920, true) == "0%");
    CHECK(formatLength(-0.001, 1920, true) == "0%");
}

TEST_CASE("canvas edits: a move writes x and y in the element's own units, and nothing else changes") {
    CHECK(placed(kBack, {150, 125, 300, 100}, false) ==
          replaced(kCanvasFixture, R"(<text x="100" y="100" width="300")", R"(<text x="150" y="125" width="300")"));
    // % stays %, and the designer's spacing stays.
    CHECK(placed(kFront, {300, 150, 300, 100}, false) ==
          replaced(kCanvasFixture, R"(<text x="20%"  y="20%" )", R"(<text x="30%"  y="30%" )"));
    // In a region, by its centre anchor: the centre 760,230 is 52%,46% of the right half.
    CHECK(placed(kSide, {660, 180, 200, 100}, false) ==
          replaced(kCanvasFixture, R"(anchor="center" x="50%" y="50%")", R"(anchor="center" x="52%" y="46%")"));
}

TEST_CASE("canvas edits: a resize writes the box's place and size, each in its unit") {
    CHECK(placed(kSide, {650, 200, 300, 150}, true) ==
          replaced(kCanvasFixture, R"(x="50%" y="50%" width="200" height="100">Side)",
                   R"(x="60%" y="55%" width="300" height="150">Side)"));
    CHECK(placed(kFront, {200, 100, 400, 150}, true) ==
          replaced(kCanvasFixture, R"(<text x="20%"  y="20%" width="30%" height="20%" >)",
                   R"(<text x="20%"  y="20%" width="40%" height="30%" >)"));
}

TEST_CASE("canvas edits: an absent x or y is written in the unit of its width or height") {
    const std::string text = R"(<exhibit size="1000x500"><scene id="a"><text width="50%" height="100">A</text></scene></exhibit>)";
    LoadedExhibit loaded = loadExhibitFromText(text, "/tmp/canvas-edits/exhibit.xml");
    REQUIRE(loaded.script);
    const ScriptNode& element = loaded.script->root.children[0].children[0];
    REQUIRE(element.name == "text");
    auto attributes = layoutAttributes(element, {0, 0, 1000, 500}, {100, 50, 500, 100}, false);
    CHECK(attributes == std::vector<std::pair<std::string, std::string>>{{"x", "10%"}, {"y", "50"}});
    // Inserted after the name, in that order.
    auto edit = attributesEdit(text, element, attributes);
    REQUIRE(edit);
    std::string after = text;
    applyEdit(after, *edit);
    CHECK(after == replaced(text, "<text width", R"(<text x="10%" y="50" width)"));
}

TEST_CASE("canvas edits: a pan-zoom end is rewritten in the units it was written in, the rest as written") {
    CHECK(*panZoomWith("0,0,100%,100% → 10%,5%,80%,80%", PanZoomEnd::End, {0.2, 0.1, 0.5, 0.5}) ==
          "0,0,100%,100% → 20%,10%,50%,50%");
    CHECK(*panZoomWith("0,0,100%,100% → 10%,5%,80%,80%", PanZoomEnd::Start, {0.05, 0, 0.9, 0.9}) ==
          "5%,0%,90%,90% → 10%,5%,80%,80%");
    CHECK(*panZoomWith("0,0,1,1   ->  0.1,0.1,0.8,0.8", PanZoomEnd::Start, {0.05, 0, 0.9, 0.9}) ==
          "0.05,0,0.9,0.9   ->  0.1,0.1,0.8,0.8");
    CHECK(*panZoomWith("0,0,1,1->0.1,0.1,0.8,0.8", PanZoomEnd::End, {0.25, 0.125, 0.5, 0.5}) ==
          "0,0,1,1->0.25,0.125,0.5,0.5");
    CHECK_FALSE(panZoomWith("everything", PanZoomEnd::End, {0, 0, 1, 1}));
    CHECK(panZoomFromCanvas(panZoomOnCanvas({0.1, 0.2, 0.5, 0.25}, {100, 100, 400, 200}), {100, 100, 400, 200}) ==
          Rect{0.1, 0.2, 0.5, 0.25});
}

TEST_CASE("canvas edits: the pan-zoom recipe sets one end of the picture's panzoom") {
    StudioFixture f(kCanvasFixture);
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    REQUIRE_FALSE(doc.edit("pan", panZoomRecipe(*doc.pathOf({Selection::Kind::Item, kPicture}), PanZoomEnd::End,
                                                {0.25, 0.25, 0.5, 0.5})));
    CHECK(doc.text() == replaced(kCanvasFixture, "→ 10%,10%,50%,50%", "→ 25%,25%,50%,50%"));
    CHECK(doc.show()->items[kPicture].panTo == Rect{0.25, 0.25, 0.5, 0.5});
}

}  // namespace vitrine::studio
