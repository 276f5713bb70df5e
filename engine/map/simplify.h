#pragma once
// Douglas–Peucker line simplification for any point type with x and y: map layers simplify
// their rings once per level of detail (layer_levels), the renderer its strokes per frame.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace vitrine::map {

/// Marks in `keep` (one flag per point of `in`) the ends of `in` and every point farther than
/// `tolerance` (in the points' units) from the chord between the points kept around it: no
/// point of `in` lies farther than `tolerance` from the line through the kept points.
template <class Point, class Scalar>
void douglasPeucker(const std::vector<Point>& in, Scalar tolerance, std::vector<char>& keep) {
    keep.assign(in.size(), 0);
    if (in.empty()) return;
    keep.front() = keep.back() = 1;
    // An explicit stack of spans: a coastline of thousands of points would recurse deeply.
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, in.size() - 1}};
    const Scalar limit = tolerance * tolerance;
    while (!spans.empty()) {
        auto [first, last] = spans.back();
        spans.pop_back();
        if (last - first < 2) continue;
        const Scalar ax = in[first].x, ay = in[first].y;
        const Scalar dx = in[last].x - ax, dy = in[last].y - ay;
        const Scalar chord = dx * dx + dy * dy;
        Scalar farthest = -1;
        std::size_t at = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            // Squared distance to the chord (a segment: a point beyond an end is measured to it).
            const Scalar ex = in[i].x - ax, ey = in[i].y - ay;
            const Scalar t = chord > 0 ? std::clamp((ex * dx + ey * dy) / chord, Scalar(0), Scalar(1)) : Scalar(0);
            const Scalar ox = ex - dx * t, oy = ey - dy * t;
            const Scalar distance = ox * ox + oy * oy;
            if (distance > farthest) farthest = distance, at = i;
        }
        if (farthest <= limit) continue;
        keep[at] = 1;
        spans.push_back({first, at});
        spans.push_back({at, last});
    }
}

}  // namespace vitrine::map
