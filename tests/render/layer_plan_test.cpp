// How layers are composited: which parts are hidden, when a background is painted, and
// when a layer's opacity may be given to each of its parts instead of an offscreen pass.

#include <doctest/doctest.h>

#include "render/layer_plan.h"

using namespace vitrine;
using namespace vitrine::render;

namespace {

const sf::FloatRect kCanvas{0, 0, 1920, 1080};
const Color kBlack{0, 0, 0, 255};
const Color kGrey{40, 40, 40, 255};

Footprint cover() {
    Footprint f;
    f.coversCanvas = true;
    f.bounds = kCanvas;
    return f;
}

Footprint boxAt(float x, float y, float w, float h) {
    Footprint f;
    f.bounds = sf::FloatRect{x, y, w, h};
    return f;
}

}  // namespace

TEST_CASE("layer plan: an opaque full-canvas picture hides the background and the items under it") {
    LayerPlan p = planLayer({boxAt(10, 10, 100, 100), cover(), boxAt(200, 700, 800, 200)}, true, kGrey, std::nullopt, kCanvas);
    CHECK(p.first == 1);
    CHECK_FALSE(p.fill);
    CHECK(p.opaque);
    // The picture and the text over it overlap: a fade must composite them together.
    CHECK_FALSE(p.perItem);
    CHECK(p.visibleItems == 2);
}

TEST_CASE("layer plan: a single picture over nothing takes the layer's opacity itself") {
    LayerPlan p = planLayer({cover()}, true, kBlack, std::nullopt, kCanvas);
    CHECK(p.perItem);
    CHECK(p.opaque);
    CHECK_FALSE(p.fill);
}

TEST_CASE("layer plan: a background is painted unless the canvas beneath already has its colour") {
    std::vector<Footprint> items{boxAt(100, 100, 200, 200)};
    LayerPlan overOther = planLayer(items, true, kGrey, kBlack, kCanvas);
    CHECK(overOther.fill);
    CHECK_FALSE(overOther.perItem);  // the item blends over the painted background
    LayerPlan overSame = planLayer(items, true, kGrey, kGrey, kCanvas);
    CHECK_FALSE(overSame.fill);
    CHECK(overSame.perItem);
    LayerPlan overUnknown = planLayer(items, true, kGrey, std::nullopt, kCanvas);
    CHECK(overUnknown.fill);
    // A layer outside scenes has no background.
    CHECK_FALSE(planLayer(items, false, kGrey, std::nullopt, kCanvas).fill);
}

TEST_CASE("layer plan: separate parts take the opacity each, touching is not overlapping") {
    CHECK(planLayer({boxAt(0, 0, 100, 100), boxAt(100, 0, 100, 100)}, false, {}, std::nullopt, kCanvas).perItem);
    CHECK_FALSE(planLayer({boxAt(0, 0, 100, 100), boxAt(99, 0, 100, 100)}, false, {}, std::nullopt, kCanvas).perItem);
    // A part that overlaps itself (text with a shadow) or is unknown never does.
    CHECK_FALSE(planLayer({Footprint{}}, false, {}, std::nullopt, kCanvas).perItem);
    // Parts that draw nothing do not count.
    Footprint empty;
    empty.empty = true;
    LayerPlan p = planLayer({empty, boxAt(0, 0, 10, 10)}, false, {}, std::nullopt, kCanvas);
    CHECK(p.perItem);
    CHECK(p.visibleItems == 1);
}

TEST_CASE("layer plan: the canvas stays one colour only while nothing but backgrounds is drawn") {
    LayerPlan onlyBackground = planLayer({}, true, kGrey, kBlack, kCanvas);
    CHECK(uniformAfter(onlyBackground, 1, kGrey, kBlack) == kGrey);
    CHECK_FALSE(uniformAfter(onlyBackground, 0.5, kGrey, kBlack));
    LayerPlan nothing = planLayer({}, false, kGrey, kBlack, kCanvas);
    CHECK(uniformAfter(nothing, 1, kGrey, kBlack) == kBlack);
    LayerPlan withItem = planLayer({boxAt(0, 0, 10, 10)}, true, kGrey, kGrey, kCanvas);
    CHECK_FALSE(uniformAfter(withItem, 1, kGrey, kGrey));
}
