#include "render/simplify_line.h"

#include <algorithm>
#include <utility>

namespace vitrine::render {

void simplifyLine(const std::vector<sf::Vector2f>& in, float tolerance, std::vector<sf::Vector2f>& out) {
    out.clear();
    if (in.size() < 3) {
        out = in;
        return;
    }
    std::vector<char> keep(in.size(), 0);
    keep.front() = keep.back() = 1;
    // An explicit stack of spans: a coastline of thousands of points would recurse deeply.
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, in.size() - 1}};
    const float limit = tolerance * tolerance;
    while (!spans.empty()) {
        auto [first, last] = spans.back();
        spans.pop_back();
        if (last - first < 2) continue;
        const sf::Vector2f a = in[first], d = in[last] - a;
        const float chord = d.x * d.x + d.y * d.y;
        float farthest = -1;
        std::size_t at = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            // Squared distance to the chord (a segment: a point beyond an end is measured to it).
            const sf::Vector2f e = in[i] - a;
            const float t = chord > 0 ? std::clamp((e.x * d.x + e.y * d.y) / chord, 0.0f, 1.0f) : 0.0f;
            const sf::Vector2f off = e - d * t;
            const float distance = off.x * off.x + off.y * off.y;
            if (distance > farthest) farthest = distance, at = i;
        }
        if (farthest <= limit) continue;
        keep[at] = 1;
        spans.push_back({first, at});
        spans.push_back({at, last});
    }
    for (std::size_t i = 0; i < in.size(); ++i)
        if (keep[i]) out.push_back(in[i]);
}

}  // namespace vitrine::render
