#include "timeline/reduced_motion.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace vitrine {
namespace {

bool moves(AnimatedProperty p) {
    return p == AnimatedProperty::X || p == AnimatedProperty::Y || p == AnimatedProperty::Scale ||
           p == AnimatedProperty::Rotation;
}

double area(const Rect& r) { return r.width * r.height; }

}  // namespace

TransitionSpec stillTransition(TransitionSpec transition) {
    switch (transition.kind) {
        case TransitionSpec::Kind::SlideLeft:
        case TransitionSpec::Kind::SlideRight:
        case TransitionSpec::Kind::SlideUp:
        case TransitionSpec::Kind::SlideDown: transition.kind = TransitionSpec::Kind::Fade; break;
        case TransitionSpec::Kind::Cut:
        case TransitionSpec::Kind::Fade:
        case TransitionSpec::Kind::Dip: break;
    }
    return transition;
}

Rect stillPanZoom(const Item& item) { return area(item.panTo) > area(item.panFrom) ? item.panTo : item.panFrom; }

void holdStill(Item& item) {
    if (item.hasPanZoom) item.panFrom = item.panTo = stillPanZoom(item);
    std::vector<Animation> still;
    still.reserve(item.animations.size());
    for (const Animation& a : item.animations) {
        if (!moves(a.property) || a.duration <= 0) {
            still.push_back(a);
            continue;
        }
        // The whole run (repeats included) in two halves: its start value held, then its
        // end value; applied in order, so the second wins once it begins.
        const double repeats = std::isfinite(a.repeat) && a.repeat > 0 ? a.repeat : 1;
        const auto total = static_cast<Micros>(static_cast<double>(a.duration) * repeats);
        Animation first = a, second = a;
        first.repeat = second.repeat = 1;
        first.duration = std::max<Micros>(1, total / 2);
        std::copy(std::begin(a.from), std::end(a.from), first.to);
        first.freeze = a.freeze;  // frozen, the second half takes over from it; removed, it ends as it begins
        second.begin = a.begin + first.duration;
        second.duration = std::max<Micros>(1, total - first.duration);
        std::copy(std::begin(a.to), std::end(a.to), second.from);
        still.push_back(first);
        still.push_back(second);
    }
    item.animations = std::move(still);
}

}  // namespace vitrine
