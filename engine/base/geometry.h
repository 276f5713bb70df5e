#pragma once
// Plane geometry every layer speaks: the timeline places items in rectangles, the renderer
// and the outputs draw them.

namespace vitrine {

/// An axis-aligned rectangle in canvas pixels (or normalised units where stated).
struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    friend bool operator==(const Rect&, const Rect&) = default;
};

/// Whether the two share some area (touching edges do not).
inline bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace vitrine
