// label_placer.cpp: a label the designer asked for is never left out (beside its place,
// else farther out with a leader line, else where it overlaps the least, and says which),
// and a spot once chosen is where the label stays.

#include <doctest/doctest.h>

#include "map/label_placer.h"

using namespace vitrine;
using namespace vitrine::map;

namespace {

const LabelRoom kRoom{{0, 0, 1000, 600}, 3, 10};

LabelRequest request(int order, Point2 anchor, double width = 120, double height = 30) {
    LabelRequest r;
    r.key = {order, 0};
    r.text = "Label " + std::to_string(order);
    r.anchor = anchor;
    r.clearance = 8;
    r.width = width;
    r.height = height;
    return r;
}

}  // namespace

TEST_CASE("label placer: a label with room goes to the right of its place, clear") {
    std::vector<LabelRequest> one{request(1, {500, 300})};
    std::vector<Rect> taken;
    auto spots = chooseSpots(one, taken, kRoom);
    auto placed = placeAtSpots(one, spots, {}, kRoom);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].fit == LabelFit::Placed);
    CHECK(placed[0].box.x == doctest::Approx(500 + 8 + 10));
    CHECK(placed[0].box.y == doctest::Approx(300 - 15));
}

TEST_CASE("label placer: with every side beside its place taken, a label goes farther out with a leader") {
    LabelRequest r = request(1, {500, 300});
    // Marks hugging the place on all four sides, as a cluster of markers would.
    std::vector<Rect> marks{{400, 250, 240, 100}};
    std::vector<Rect> taken = marks;
    auto spots = chooseSpots({r}, taken, kRoom);
    auto placed = placeAtSpots({r}, spots, marks, kRoom);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].fit == LabelFit::PlacedWithLeader);
    CHECK(placed[0].leader);
    CHECK_FALSE(overlaps(placed[0].box, marks[0]));
}

TEST_CASE("label placer: with nowhere clear, a label is still placed, where it overlaps least, and says so") {
    LabelRequest r = request(1, {500, 300});
    std::vector<Rect> marks{{0, 0, 1000, 600}};  // the whole map is taken
    std::vector<Rect> taken = marks;
    auto spots = chooseSpots({r}, taken, kRoom);
    auto placed = placeAtSpots({r}, spots, marks, kRoom);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].fit == LabelFit::PlacedWithOverlap);
    CHECK(overlaps(placed[0].box, {500 - 200, 300 - 100, 400, 200}));  // beside its place, not thrown far away
}

TEST_CASE("label placer: many labels in a crowd are all placed and those placed clear overlap nothing") {
    std::vector<LabelRequest> crowd;
    for (int i = 0; i < 40; ++i) crowd.push_back(request(i + 1, {300 + 10.0 * (i % 8), 200 + 12.0 * (i / 8)}));
    std::vector<Rect> taken;
    auto spots = chooseSpots(crowd, taken, kRoom);
    CHECK(spots.size() == crowd.size());
    auto placed = placeAtSpots(crowd, spots, {}, kRoom);
    REQUIRE(placed.size() == crowd.size());
    int clear = 0;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (placed[i].fit == LabelFit::PlacedWithOverlap) continue;
        ++clear;
        for (std::size_t j = 0; j < placed.size(); ++j)
            if (j != i) CHECK_FALSE(overlaps(placed[i].box, placed[j].box));
    }
    CHECK(clear >= 10);  // the leader positions take many that would not fit beside their places
}

TEST_CASE("label placer: a kept spot holds when another label arrives where it would have gone") {
    LabelRequest first = request(2, {500, 300});
    std::vector<Rect> taken;
    auto spots = chooseSpots({first}, taken, kRoom);
    const Rect before = placeAtSpots({first}, spots, {}, kRoom)[0].box;
    // A label of higher priority (lower order) arrives later, right where the first sits.
    LabelRequest later = request(1, {before.x + 20, before.y + 15});
    std::vector<Rect> takenNow{};
    takenNow.push_back(before);
    spots.merge(chooseSpots({later}, takenNow, kRoom));
    auto placed = placeAtSpots({later, first}, spots, {}, kRoom);
    CHECK(placed[1].box == before);           // the first kept its side
    CHECK_FALSE(overlaps(placed[0].box, before));  // the newcomer found another spot
}
