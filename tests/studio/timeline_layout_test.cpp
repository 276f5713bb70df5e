#include "studio/timeline_layout.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

using testing::StudioFixture;

const char* kShow = R"(<exhibit size="1280x720" default-transition="fade 1s">
  <scene id="opening" dur="10s">
    <text begin="1s" dur="4s">Baku in January,   nineteen ninety and after</text>
    <text begin="3s" dur="4s">Overlapping words</text>
    <image placeholder="A photograph of the boulevard" begin="2s"/>
  </scene>
  <scene id="places" dur="12s" transition="fade 2s">
    <map view="43.5,38.5 → 51,42.5">
      <marker at="49.87,40.41" label="Baku" begin="2s"/>
      <fly to="49.87,40.41" zoom="3" begin="4s" dur="5s"/>
    </map>
  </scene>
</exhibit>
)";

const Chip& chipLabelled(const TimelineLayout& layout, const std::string& label) {
    auto it = std::find_if(layout.chips.begin(), layout.chips.end(), [&](const Chip& c) { return c.label == label; });
    REQUIRE(it != layout.chips.end());
    return *it;
}

int indexOf(const TimelineLayout& layout, const Chip& chip) { return static_cast<int>(&chip - layout.chips.data()); }

}  // namespace

TEST_CASE("timeline layout: named lanes, items of a kind packed without overlap, chips labelled") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    REQUIRE_FALSE(doc.diagnostics().hasErrors());
    TimelineLayout layout = layoutTimeline(doc);
    std::vector<std::string> names;
    for (const Lane& lane : layout.lanes) names.push_back(lane.name);
    CHECK(names == std::vector<std::string>{"Scenes", "Text", "Text 2", "Pictures", "Maps", "Map marks", "Map marks 2"});
    CHECK(layout.lanes[0].top == kRulerHeight);
    CHECK(layout.lanes[1].top == kRulerHeight + kSceneLaneHeight + kLaneGap);

    const Chip& first = chipLabelled(layout, "Baku in January, nineteen ninety and after");
    const Chip& second = chipLabelled(layout, "Overlapping words");
    CHECK(first.lane == 1);
    CHECK(second.lane == 2);  // it overlaps the first
    CHECK(second.begin == seconds(3));
    CHECK(second.end == seconds(7));
    CHECK(chipLabelled(layout, "A photograph of the boulevard").lane == 3);

    // The scenes: the first fades in from the exhibit's default, the second its own.
    const Chip& places = chipLabelled(layout, "places");
    CHECK(places.kind == ChipKind::Scene);
    CHECK_FALSE(places.movable);
    CHECK(places.trimsEnd);
    CHECK(chipOf(layout, places.target) == &places);
    auto transition = std::find_if(layout.chips.begin(), layout.chips.end(), [](const Chip& c) {
        return c.kind == ChipKind::Transition && c.target.index == 1;
    });
    REQUIRE(transition != layout.chips.end());
    CHECK(transition->begin == seconds(10));
    CHECK(transition->end == seconds(12));

    // A map's children, at the map's start plus their own begin, with their elements' paths.
    const Chip& marker = chipLabelled(layout, "marker Baku");
    CHECK(marker.kind == ChipKind::MapChild);
    CHECK(layout.lanes[marker.lane].name == "Map marks");
    CHECK(marker.begin == seconds(12));
    CHECK(marker.end == seconds(22));
    CHECK(marker.element.describe() == "exhibit/scene[2]/map[1]/marker[1]");
    const Chip& fly = chipLabelled(layout, "fly 49.87,40.41");
    CHECK(fly.begin == seconds(14));
    CHECK(fly.end == seconds(19));
    CHECK(fly.lane != marker.lane);  // they overlap
}

TEST_CASE("timeline layout: after a chip is moved, the others keep their lanes") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    const TimelineLayout before = layoutTimeline(doc);
    const Chip& first = chipLabelled(before, "Baku in January, nineteen ninety and after");
    REQUIRE_FALSE(doc.setAttribute(first.target, "begin", "3.5s"));  // now after the other text's start
    const TimelineLayout kept = layoutTimeline(doc, &before);
    CHECK(kept.lanes[chipLabelled(kept, "Baku in January, nineteen ninety and after").lane].name == "Text");
    CHECK(kept.lanes[chipLabelled(kept, "Overlapping words").lane].name == "Text 2");
    // Without the layout before, first fit in time order swaps them.
    const TimelineLayout fresh = layoutTimeline(doc);
    CHECK(fresh.lanes[chipLabelled(fresh, "Overlapping words").lane].name == "Text");

    // Moved apart, the second text keeps "Text 2" by itself... until the next layout, when
    // a lane kept for nothing else is not left empty.
    REQUIRE_FALSE(doc.setAttribute(first.target, "begin", "1s"));
    REQUIRE_FALSE(doc.setAttribute(chipLabelled(kept, "Overlapping words").target, "begin", "6s"));
    const TimelineLayout apart = layoutTimeline(doc, &kept);
    CHECK(apart.lanes[chipLabelled(apart, "Overlapping words").lane].name == "Text 2");
    const Chip& moved = chipLabelled(apart, "Overlapping words");
    TimelineLayout emptied = apart;
    emptied.lanes[moved.lane].name = "Text 3";  // as if it had been on a third lane
    const TimelineLayout compact = layoutTimeline(doc, &emptied);
    std::vector<std::string> names;
    for (const Lane& lane : compact.lanes) names.push_back(lane.name);
    CHECK(names == std::vector<std::string>{"Scenes", "Text", "Text 2", "Pictures", "Maps", "Map marks", "Map marks 2"});
}

TEST_CASE("timeline layout: chips lie at the zoom, and the pointer finds body and edges") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    TimelineLayout layout = layoutTimeline(doc);
    const TimelineScale scale{100, 50, 2};  // 50 px a second, scrolled by 2 s, from x = 100
    const Chip& first = chipLabelled(layout, "Baku in January, nineteen ninety and after");
    ChipRect r = chipRect(layout, first, scale, 10);
    CHECK(r.x0 == doctest::Approx(50));   // 1 s: 100 + (1 - 2) × 50
    CHECK(r.x1 == doctest::Approx(250));  // 5 s
    CHECK(r.y0 == doctest::Approx(10 + layout.lanes[1].top + 2));
    const float y = (r.y0 + r.y1) / 2;

    auto body = hitChip(layout, scale, 10, 150, y);
    REQUIRE(body);
    CHECK(body->chip == indexOf(layout, first));
    CHECK(body->part == ChipPart::Body);
    CHECK(hitChip(layout, scale, 10, 52, y)->part == ChipPart::StartEdge);
    CHECK(hitChip(layout, scale, 10, 247, y)->part == ChipPart::EndEdge);
    CHECK(hitChip(layout, scale, 10, 252, y)->part == ChipPart::EndEdge);  // just outside still grabs the edge
    CHECK_FALSE(hitChip(layout, scale, 10, 300, y));                      // empty lane
    CHECK_FALSE(hitChip(layout, scale, 10, 150, r.y1 + kLaneGap / 2 + 0.4f));

    // A scene's block only trims at its end: its left edge is the body.
    const Chip& opening = chipLabelled(layout, "opening");
    ChipRect s = chipRect(layout, opening, scale, 10);
    auto left = hitChip(layout, scale, 10, s.x0 + 1, s.y0 + 3);
    REQUIRE(left);
    CHECK(left->part == ChipPart::Body);

    CHECK(scale.timeAt(150) == seconds(3));
    CHECK(scale.span(kSnapPixels) == millis(160));
}

TEST_CASE("timeline layout: snapping to scene edges, other chips and the playhead, within the threshold") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    TimelineLayout layout = layoutTimeline(doc);
    const Chip& first = chipLabelled(layout, "Baku in January, nineteen ninety and after");
    std::vector<Micros> targets = snapTargets(layout, indexOf(layout, first), seconds(6.5));
    CHECK(std::is_sorted(targets.begin(), targets.end()));
    CHECK(std::count(targets.begin(), targets.end(), seconds(6.5)) == 1);  // the playhead
    CHECK(std::count(targets.begin(), targets.end(), seconds(10)) == 1);   // a scene edge, once
    CHECK(std::count(targets.begin(), targets.end(), seconds(1)) == 0);    // its own start is no target

    const Micros threshold = millis(80);
    CHECK(snapTime(seconds(6.5) + millis(80), targets, threshold).time == seconds(6.5));
    CHECK(*snapTime(seconds(6.5) + millis(80), targets, threshold).line == seconds(6.5));
    CHECK(snapTime(seconds(6.5) + millis(81), targets, threshold).time == seconds(6.5) + millis(81));
    CHECK_FALSE(snapTime(seconds(6.5) + millis(81), targets, threshold).line);
    CHECK(snapTime(seconds(6.95), targets, threshold).time == seconds(7));  // the other text's end, nearer

    // Moving the body by 1.52 s puts its end at 6.52 s: the end snaps to the playhead.
    DragDelta moved = dragDelta(first, ChipPart::Body, seconds(2), seconds(2) + millis(1520), targets, threshold, 0, true);
    CHECK(moved.delta == seconds(1.5));
    CHECK(*moved.line == seconds(6.5));
    // By 1.97 s: its start (2.97 s) and end (6.97 s) are as near the other text's start and end.
    moved = dragDelta(first, ChipPart::Body, seconds(2), seconds(2) + millis(1970), targets, threshold, 0, true);
    CHECK(moved.delta == seconds(2));
    // With Alt, no snapping.
    DragDelta free = dragDelta(first, ChipPart::Body, seconds(2), seconds(2) + millis(1970), targets, threshold, 0, false);
    CHECK(free.delta == millis(1970));
    CHECK_FALSE(free.line);
    // In whole frames: 1.97 s is 49.25 frames of 40 ms, so 49.
    CHECK(dragDelta(first, ChipPart::Body, seconds(2), seconds(2) + millis(1970), targets, threshold, millis(40), false)
              .delta == millis(1960));
    CHECK(dragDelta(first, ChipPart::Body, seconds(2), seconds(2) - millis(1970), targets, threshold, millis(40), false)
              .delta == -millis(1960));
    // 1.99 s is 49.75 frames: the nearest whole frame is 50.
    CHECK(dragDelta(first, ChipPart::Body, seconds(2), seconds(2) + millis(1990), targets, threshold, millis(40), false)
              .delta == seconds(2));
    // The left edge dragged near the other text's start (3 s) snaps there.
    DragDelta trimmed = dragDelta(first, ChipPart::StartEdge, seconds(1), seconds(2.95), targets, threshold, 0, true);
    CHECK(trimmed.delta == seconds(2));
    // The right edge near the scene's end.
    DragDelta longer = dragDelta(first, ChipPart::EndEdge, seconds(5), seconds(9.93), targets, threshold, 0, true);
    CHECK(longer.delta == seconds(5));
}

TEST_CASE("timeline layout: a drop lands in the scene under it, at the time into it") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    const TimelineScale scale{0, 10, 0};  // 10 px a second
    auto drop = dropPlaceAt(*doc.show(), scale, 135);
    REQUIRE(drop);
    CHECK(drop->scene == 1);
    CHECK(drop->offset == seconds(3.5));
    CHECK(drop->time == seconds(13.5));
    CHECK_FALSE(dropPlaceAt(*doc.show(), scale, 400));  // past the end
}

TEST_CASE("timeline layout: the cue list is each scene, then its items by start, times from the scene's start") {
    StudioFixture f(kShow);
    StudioDocument doc(f.file);
    TimelineLayout layout = layoutTimeline(doc);
    std::vector<std::string> labels;
    std::vector<Micros> starts, lengths;
    for (const CueRow& row : cueList(*doc.show(), layout)) {
        labels.push_back((row.scene ? "" : "  ") + layout.chips[row.chip].label);
        starts.push_back(row.start);
        lengths.push_back(row.length);
    }
    CHECK(labels == std::vector<std::string>{"opening", "  Baku in January, nineteen ninety and after",
                                             "  A photograph of the boulevard", "  Overlapping words", "places", "  map"});
    CHECK(starts == std::vector<Micros>{0, seconds(1), seconds(2), seconds(3), seconds(10), 0});
    CHECK(lengths == std::vector<Micros>{seconds(10), seconds(4), seconds(8), seconds(4), seconds(12), seconds(12)});
}

}  // namespace vitrine::studio
