#include "timeline/box_layout.h"

namespace vitrine {
namespace {

// The attribute as a length, or `fallback` when it is absent or unreadable (the validator
// has reported the latter).
Length lengthOr(const ScriptNode& n, std::string_view name, Length fallback) {
    const ScriptAttribute* a = n.attribute(name);
    return a ? parseLength(a->value).value_or(fallback) : fallback;
}

}  // namespace

Rect BoxLayout::area(const ScriptNode& n, const Rect& canvasArea) {
    Rect area = canvasArea;
    if (std::string_view region = n.view("region"); !region.empty()) {
        auto it = regions_.find(region);
        if (it != regions_.end()) {
            const RegionLengths& r = regionLengths(*it->second);
            area.x = canvasArea.x + r.x.resolve(canvasArea.width);
            area.y = canvasArea.y + r.y.resolve(canvasArea.height);
            area.width = r.width.resolve(canvasArea.width);
            area.height = r.height.resolve(canvasArea.height);
        }
    }
    return area;
}

Rect BoxLayout::box(const ScriptNode& n, const Rect& area) {
    const AnchorPoint anchor = parseAnchor(n.view("anchor", "top-left"));
    const double ax = anchor.x, ay = anchor.y;
    Rect box;
    box.width = lengthOr(n, "width", Length{100, true}).resolve(area.width);
    box.height = lengthOr(n, "height", Length{100, true}).resolve(area.height);
    double px = n.attribute("x") ? parseLength(n.view("x")).value_or(Length{}).resolve(area.width) : ax * area.width;
    double py = n.attribute("y") ? parseLength(n.view("y")).value_or(Length{}).resolve(area.height) : ay * area.height;
    box.x = area.x + px - ax * box.width;
    box.y = area.y + py - ay * box.height;
    return box;
}

const BoxLayout::RegionLengths& BoxLayout::regionLengths(const ScriptNode& region) {
    auto cached = regionLengths_.find(&region);
    if (cached != regionLengths_.end()) return cached->second;
    RegionLengths r{lengthOr(region, "x", Length{}), lengthOr(region, "y", Length{}),
                    lengthOr(region, "width", Length{100, true}), lengthOr(region, "height", Length{100, true})};
    return regionLengths_.emplace(&region, r).first->second;
}

}  // namespace vitrine
