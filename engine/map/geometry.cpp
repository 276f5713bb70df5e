#include "map/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitrine::map {

double signedArea(const Ring& ring) {
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    }
    // Tolerate an unclosed ring: close it implicitly.
    if (!ring.empty() && !(ring.front() == ring.back())) {
        twice += ring.back().x * ring.front().y - ring.front().x * ring.back().y;
    }
    return twice / 2.0;
}

double area(const Polygon& polygon) {
    double total = 0.0;
    for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
        const double a = std::abs(signedArea(polygon.rings[i]));
        total += i == 0 ? a : -a;
    }
    return total;
}

double triangleListArea(const std::vector<Point2>& triangles) {
    double total = 0.0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const Point2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
        total += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2.0;
    }
    return total;
}

namespace {

// Even-odd crossing test against one ring (W. Randolph Franklin's pnpoly).
bool crossesOdd(const Ring& ring, Point2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point2 a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

}  // namespace

bool contains(const Polygon& polygon, Point2 p) {
    bool inside = false;
    for (const Ring& ring : polygon.rings) {
        if (!ring.empty() && crossesOdd(ring, p)) inside = !inside;
    }
    return inside;
}

Box bounds(const std::vector<Polygon>& polygons) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Box box{inf, inf, -inf, -inf};
    for (const Polygon& polygon : polygons) {
        for (const Ring& ring : polygon.rings) {
            for (const Point2& p : ring) {
                box.west = std::min(box.west, p.x);
                box.east = std::max(box.east, p.x);
                box.south = std::min(box.south, p.y);
                box.north = std::max(box.north, p.y);
            }
        }
    }
    return box;
}

}  // namespace vitrine::map
