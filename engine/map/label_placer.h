#pragma once
// Where a map's labels go. A label the designer asked for is never left out: it takes the
// first of its positions beside its anchor that is clear, else a clear one farther out with
// a leader line back to the anchor, else the position beside it that overlaps the least,
// and says which. A label keeps where it went for as long as it shows: its place is decided
// once, when it appears, among what is on the map then, so a marker appearing later never
// moves it. Pure logic, canvas px.

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/geometry.h"
#include "map/geometry.h"

namespace vitrine::map {

/// How a label was placed.
enum class LabelFit {
    Placed,             // beside its anchor, clear of every mark and every other label
    PlacedWithLeader,   // farther out, clear, with a leader line back to its anchor
    PlacedWithOverlap,  // nowhere was clear: beside its anchor where it overlaps the least
    NotPlaced,          // its anchor is outside the map's box: there is nowhere to show it
};

/// Which label: the map child that asks for it (its document order) and, for a route with
/// several destinations, which one.
struct LabelKey {
    int order = 0;
    int part = 0;
    friend auto operator<=>(const LabelKey&, const LabelKey&) = default;
};

/// A label to place, as the map shows it at one instant.
struct LabelRequest {
    LabelKey key;
    std::string text;
    Point2 anchor;          // canvas px
    double clearance = 0;   // distance from the anchor to keep (a marker's radius)
    bool centredFirst = false;  // a free label: on its place, before beside it
    Point2 arrival{0, 0};   // a route's label: the line's direction at its end (the label goes beyond it)
    double width = 0, height = 0;  // of its text box
};

/// Where a label sits relative to its anchor: decided once, kept while it shows.
struct LabelSpot {
    Point2 offset;  // the box's top-left minus the anchor
    bool leader = false;
};

/// A label placed at one instant.
struct PlacedLabel {
    Rect box;
    LabelFit fit = LabelFit::Placed;
    bool leader = false;  // farther out than beside its anchor: a line joins them
};

/// The room labels have: boxes stay inside `area`; each keeps `padding` clear around it.
struct LabelRoom {
    Rect area;
    double padding = 0;
    double gap = 0;  // between an anchor's clearance and the label beside it
};

/// Chooses a spot for each of `arriving` (in priority order) among `taken` (what is already
/// on the map: marks, and labels grown by the padding); each chosen box, grown, is added to
/// `taken`.
std::map<LabelKey, LabelSpot> chooseSpots(const std::vector<LabelRequest>& arriving, std::vector<Rect>& taken,
                                          const LabelRoom& room);

/// `requests` at the spots kept for them (one without a kept spot gets one chosen now,
/// among the marks), each moved inside the area if it would run out of it, and how each
/// fits among `marks` and the others.
std::vector<PlacedLabel> placeAtSpots(const std::vector<LabelRequest>& requests,
                                      const std::map<LabelKey, LabelSpot>& spots, const std::vector<Rect>& marks,
                                      const LabelRoom& room);

}  // namespace vitrine::map
