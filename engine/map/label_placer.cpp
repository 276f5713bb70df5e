#include "map/label_placer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitrine::map {
namespace {

// How far out a label may go, with a leader line, when nothing beside its anchor is clear:
// steps of its own height (plus the gap) in the eight directions.
constexpr int kLeaderSteps = 3;

double overlapArea(const Rect& a, const Rect& b) {
    const double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0.0;
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

Rect grown(const Rect& r, double by) { return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by}; }

bool clearOf(const Rect& r, const std::vector<Rect>& taken, double padding) {
    const Rect padded = grown(r, padding);
    return std::none_of(taken.begin(), taken.end(), [&](const Rect& t) { return overlaps(padded, t); });
}

// The boxes beside the anchor, in the order a reader expects: on a free label's place first,
// then right, left, above and below; a route's label first beyond the line's end.
std::vector<Rect> besideAnchor(const LabelRequest& r, double gapBeyondClearance) {
    const double w = r.width, h = r.height, gap = r.clearance + gapBeyondClearance;
    const Point2 a = r.anchor;
    const Rect right{a.x + gap, a.y - h / 2, w, h}, left{a.x - gap - w, a.y - h / 2, w, h};
    const Rect above{a.x - w / 2, a.y - gap - h, w, h}, below{a.x - w / 2, a.y + gap, w, h};
    std::vector<Rect> options;
    if (r.centredFirst) options.push_back({a.x - w / 2, a.y - h / 2, w, h});
    if (r.arrival.x == 0 && r.arrival.y == 0)
        options.insert(options.end(), {right, left, above, below});
    else if (std::abs(r.arrival.x) >= std::abs(r.arrival.y))
        options.insert(options.end(), r.arrival.x < 0 ? std::initializer_list<Rect>{left, above, below, right}
                                                      : std::initializer_list<Rect>{right, above, below, left});
    else
        options.insert(options.end(), r.arrival.y < 0 ? std::initializer_list<Rect>{above, right, left, below}
                                                      : std::initializer_list<Rect>{below, right, left, above});
    return options;
}

// Boxes farther out, `step` label heights beyond the ones beside the anchor, in eight directions.
std::vector<Rect> fartherOut(const LabelRequest& r, double gapBeyondClearance, int step) {
    const double w = r.width, h = r.height;
    const double reach = r.clearance + gapBeyondClearance + step * (h + gapBeyondClearance);
    const Point2 a = r.anchor;
    const double diagonal = reach / std::sqrt(2.0);
    return {
        {a.x + reach, a.y - h / 2, w, h},             // right
        {a.x - reach - w, a.y - h / 2, w, h},         // left
        {a.x - w / 2, a.y - reach - h, w, h},         // above
        {a.x - w / 2, a.y + reach, w, h},             // below
        {a.x + diagonal, a.y - diagonal - h, w, h},   // above right
        {a.x - diagonal - w, a.y - diagonal - h, w, h},  // above left
        {a.x + diagonal, a.y + diagonal, w, h},       // below right
        {a.x - diagonal - w, a.y + diagonal, w, h},   // below left
    };
}

LabelSpot chooseSpot(const LabelRequest& r, const std::vector<Rect>& taken, const LabelRoom& room) {
    auto spotAt = [&](const Rect& box, bool leader) { return LabelSpot{{box.x - r.anchor.x, box.y - r.anchor.y}, leader}; };
    const std::vector<Rect> beside = besideAnchor(r, room.gap);
    for (const Rect& box : beside)
        if (inside(box, room.area) && clearOf(box, taken, room.padding)) return spotAt(box, false);
    for (int step = 1; step <= kLeaderSteps; ++step)
        for (const Rect& box : fartherOut(r, room.gap, step))
            if (inside(box, room.area) && clearOf(box, taken, room.padding)) return spotAt(box, true);
    // Nothing clear: beside the anchor where it covers the least (inside the area if it can).
    const Rect* best = nullptr;
    double bestCost = std::numeric_limits<double>::infinity();
    for (const Rect& box : beside) {
        const Rect padded = grown(box, room.padding);
        double cost = 0;
        for (const Rect& t : taken) cost += overlapArea(padded, t);
        if (!inside(box, room.area)) cost += box.width * box.height * 4;  // would be pushed onto others
        if (cost < bestCost) bestCost = cost, best = &box;
    }
    return spotAt(*best, false);
}

}  // namespace

std::map<LabelKey, LabelSpot> chooseSpots(const std::vector<LabelRequest>& arriving, std::vector<Rect>& taken,
                                          const LabelRoom& room) {
    std::map<LabelKey, LabelSpot> spots;
    for (const LabelRequest& r : arriving) {
        const LabelSpot spot = chooseSpot(r, taken, room);
        spots[r.key] = spot;
        taken.push_back(grown({r.anchor.x + spot.offset.x, r.anchor.y + spot.offset.y, r.width, r.height}, room.padding));
    }
    return spots;
}

std::vector<PlacedLabel> placeAtSpots(const std::vector<LabelRequest>& requests,
                                      const std::map<LabelKey, LabelSpot>& spots, const std::vector<Rect>& marks,
                                      const LabelRoom& room) {
    std::vector<PlacedLabel> placed;
    placed.reserve(requests.size());
    for (const LabelRequest& r : requests) {
        auto kept = spots.find(r.key);
        const LabelSpot spot = kept != spots.end() ? kept->second : chooseSpot(r, marks, room);
        Rect box{r.anchor.x + spot.offset.x, r.anchor.y + spot.offset.y, r.width, r.height};
        // The camera may have moved since the spot was chosen: slide back in rather than be cut.
        const Rect& a = room.area;
        box.x = std::clamp(box.x, a.x, std::max(a.x, a.x + a.width - box.width));
        box.y = std::clamp(box.y, a.y, std::max(a.y, a.y + a.height - box.height));
        placed.push_back({box, spot.leader ? LabelFit::PlacedWithLeader : LabelFit::Placed, spot.leader});
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
        bool clear = clearOf(placed[i].box, marks, room.padding);
        for (std::size_t j = 0; j < placed.size() && clear; ++j)
            clear = j == i || !overlaps(grown(placed[i].box, room.padding), grown(placed[j].box, room.padding));
        if (!clear) placed[i].fit = LabelFit::PlacedWithOverlap;
    }
    return placed;
}

}  // namespace vitrine::map
