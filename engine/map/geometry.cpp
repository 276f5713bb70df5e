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

GlobeBounds::GlobeBounds() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    west_.fill(inf);
    east_.fill(-inf);
    plain_ = Box{inf, inf, -inf, -inf};
}

void GlobeBounds::add(Point2 p) {
    plain_.west = std::min(plain_.west, p.x);
    plain_.east = std::max(plain_.east, p.x);
    plain_.south = std::min(plain_.south, p.y);
    plain_.north = std::max(plain_.north, p.y);
    const double lon = p.x >= 180.0 ? p.x - 360.0 : p.x;  // 180° is -180°
    const int degree = std::clamp(static_cast<int>(std::floor(lon + 180.0)), 0, 359);
    west_[degree] = std::min(west_[degree], lon);
    east_[degree] = std::max(east_[degree], lon);
}

Box GlobeBounds::box() const {
    if (!plain_.valid() || plain_.east - plain_.west <= 180.0) return plain_;
    std::vector<int> occupied;
    for (int d = 0; d < 360; ++d)
        if (west_[d] <= east_[d]) occupied.push_back(d);
    // The widest gap between the longitudes, going round: the data covers the rest.
    double widestGap = -1.0, west = plain_.west, east = plain_.east;
    for (std::size_t k = 0; k < occupied.size(); ++k) {
        const bool roundPast180 = k + 1 == occupied.size();
        const int from = occupied[k], to = occupied[roundPast180 ? 0 : k + 1];
        const double gap = west_[to] - east_[from] + (roundPast180 ? 360.0 : 0.0);
        if (gap <= widestGap) continue;
        widestGap = gap;
        west = west_[to];
        east = east_[from] + (roundPast180 ? 0.0 : 360.0);  // an interior gap: across 180°
    }
    if (east - west > 180.0) return plain_;
    return Box{west, plain_.south, east, plain_.north};
}

}  // namespace vitrine::map
