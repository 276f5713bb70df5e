#include "map/map_layer.h"

#include "map/tessellate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitrine::map {
namespace {

// Longitudes (relative to the central meridian) are kept this far inside ±180°, where
// the projection's own wrapping would flip a point to the far side of the map.
constexpr double kSeamInset = 1e-6;
// A conic stretches the far south without bound; land beyond this is not shown.
constexpr double kConicSouthLimit = -60.0;
constexpr double kConicClampLatitude = -85.0;
// Longest edge, in degrees, before it is split: a straight lon/lat edge is a curve in
// every projection here (the 49th parallel border is one 28° edge at 1:110m).
constexpr double kMaxEdgeDegrees = 1.0;
// How close (degrees) a segment must lie to the data's bounds to count as a clip cut.
constexpr double kCutTolerance = 1e-7;

using Line = std::vector<Point2>;

double rotated(double lon, double centralMeridian) { return std::remainder(lon - centralMeridian, 360.0); }

// Sutherland–Hodgman against the half-plane keep(x) of a vertical line x = edge.
Line clipAgainst(const Line& ring, double edge, bool keepBelow) {
    Line out;
    if (ring.empty()) return out;
    auto in = [&](const Point2& p) { return keepBelow ? p.x <= edge : p.x >= edge; };
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point2& a = ring[i];
        const Point2& b = ring[(i + 1) % ring.size()];
        if (in(a)) out.push_back(a);
        if (in(a) != in(b)) {
            double t = (edge - a.x) / (b.x - a.x);
            out.push_back({edge, a.y + t * (b.y - a.y)});
        }
    }
    return out;
}

// A ring in rotated, unwrapped longitudes, cut into the pieces that lie within the
// strip of one turn around the central meridian. Empty for a ring around a pole.
std::vector<Line> seamPieces(const Ring& ring, double centralMeridian) {
    Line open(ring.begin(), ring.end());
    if (open.size() > 1 && open.front() == open.back()) open.pop_back();
    if (open.size() < 3) return {};
    Line unwrapped;
    unwrapped.reserve(open.size());
    double previous = rotated(open[0].x, centralMeridian);
    unwrapped.push_back({previous, open[0].y});
    for (std::size_t i = 1; i < open.size(); ++i) {
        double x = previous + std::remainder(rotated(open[i].x, centralMeridian) - rotated(open[i - 1].x, centralMeridian), 360.0);
        unwrapped.push_back({x, open[i].y});
        previous = x;
    }
    double closing = std::remainder(rotated(open.front().x, centralMeridian) - rotated(open.back().x, centralMeridian), 360.0);
    if (std::abs(previous + closing - unwrapped.front().x) > 180.0) return {};  // winds around a pole
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Point2& p : unwrapped) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    const double west = -180.0 + kSeamInset, east = 180.0 - kSeamInset;
    if (lo >= west && hi <= east) return {unwrapped};
    std::vector<Line> pieces;
    for (double shift : {-360.0, 0.0, 360.0}) {
        Line moved = unwrapped;
        for (Point2& p : moved) p.x += shift;
        Line piece = clipAgainst(clipAgainst(moved, west, false), east, true);
        if (piece.size() >= 3) pieces.push_back(std::move(piece));
    }
    return pieces;
}

Line densified(const Line& closedRing) {
    Line out;
    for (std::size_t i = 0; i < closedRing.size(); ++i) {
        const Point2& a = closedRing[i];
        const Point2& b = closedRing[(i + 1) % closedRing.size()];
        out.push_back(a);
        int steps = static_cast<int>(std::ceil(std::max(std::abs(b.x - a.x), std::abs(b.y - a.y)) / kMaxEdgeDegrees));
        for (int s = 1; s < steps; ++s) {
            double t = double(s) / steps;
            out.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
        }
    }
    return out;
}

bool isCut(const Point2& a, const Point2& b, const Box& bounds, double centralMeridian) {
    auto near = [](double v, double edge) { return std::abs(v - edge) <= kCutTolerance; };
    if (near(a.x, b.x) && (near(a.x, bounds.west) || near(a.x, bounds.east))) return true;
    if (near(a.y, b.y) && (near(a.y, bounds.south) || near(a.y, bounds.north))) return true;
    double ra = std::abs(rotated(a.x, centralMeridian)), rb = std::abs(rotated(b.x, centralMeridian));
    return ra >= 180.0 - 2 * kSeamInset && rb >= 180.0 - 2 * kSeamInset;
}

void extend(Box& box, const Point2& p) {
    box.west = std::min(box.west, p.x);
    box.east = std::max(box.east, p.x);
    box.south = std::min(box.south, p.y);
    box.north = std::max(box.north, p.y);
}

constexpr Box kEmptyBox{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                        -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};

}  // namespace

const LayerFeature* ProjectedLayer::find(std::string_view idOrName) const {
    for (const LayerFeature& f : features)
        if (f.id == idOrName || f.name == idOrName) return &f;
    return nullptr;
}

ProjectedLayer projectLayer(const GeoCollection& collection, const ProjectionSpec& spec, Diagnostics& diagnostics) {
    ProjectedLayer layer;
    const Projection projection = spec.make();
    const bool conic = spec.kind == ProjectionKind::LambertConformalConic;
    const double cm = spec.centralMeridian;
    layer.lonLatBounds = kEmptyBox;
    for (const GeoFeature& f : collection.features)
        for (const Polygon& p : f.polygons)
            for (const Ring& r : p.rings)
                for (const Point2& q : r) extend(layer.lonLatBounds, q);
    layer.projectedBounds = kEmptyBox;

    auto project = [&](const Point2& rotatedLonLat) {
        double lat = conic ? std::max(rotatedLonLat.y, kConicClampLatitude) : rotatedLonLat.y;
        return projection.forward({rotatedLonLat.x + cm, lat});
    };

    for (const GeoFeature& f : collection.features) {
        LayerFeature out{f.id, f.name, {}};
        std::vector<Polygon> projected;
        for (const Polygon& polygon : f.polygons) {
            if (polygon.rings.empty()) continue;
            if (conic) {
                double north = -90.0;
                for (const Point2& q : polygon.rings.front()) north = std::max(north, q.y);
                if (north < kConicSouthLimit) continue;
            }
            // Each ring is cut at the seam; pieces of one polygon stay together by turn.
            std::vector<Polygon> pieces;
            for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
                std::vector<Line> cut = seamPieces(polygon.rings[r], cm);
                if (r == 0) pieces.resize(cut.size());
                for (std::size_t k = 0; k < cut.size() && k < pieces.size(); ++k) {
                    Line dense = densified(cut[k]);
                    // Outlines, split where a segment is a cut rather than a border.
                    Line current;
                    auto flush = [&] {
                        if (current.size() >= 2) {
                            LayerOutline o{{}, kEmptyBox};
                            for (const Point2& q : current) {
                                o.points.push_back(project(q));
                                extend(o.bounds, o.points.back());
                            }
                            layer.outlines.push_back(std::move(o));
                        }
                        current.clear();
                    };
                    for (std::size_t i = 0; i < dense.size(); ++i) {
                        Point2 a = dense[i], b = dense[(i + 1) % dense.size()];
                        Point2 ga{a.x + cm, a.y}, gb{b.x + cm, b.y};
                        if (isCut(ga, gb, layer.lonLatBounds, cm)) {
                            flush();
                            continue;
                        }
                        if (current.empty()) current.push_back(a);
                        current.push_back(b);
                    }
                    flush();
                    Ring ring;
                    for (const Point2& q : dense) ring.push_back(project(q));
                    pieces[k].rings.push_back(std::move(ring));
                }
            }
            for (Polygon& p : pieces)
                if (!p.rings.empty()) projected.push_back(std::move(p));
        }
        Tessellation t = tessellate(projected);
        if (!t.ok())
            diagnostics.warning(f.where, "map-geometry", "part of \"" + (f.name.empty() ? f.id : f.name) +
                                                             "\" could not be filled: " + t.error);
        out.triangles = std::move(t.triangles);
        for (const Point2& q : out.triangles) extend(layer.projectedBounds, q);
        layer.features.push_back(std::move(out));
    }

    if (layer.lonLatBounds.valid()) {
        const Box& b = layer.lonLatBounds;
        Line box{{b.west, b.south}, {b.east, b.south}, {b.east, b.north}, {b.west, b.north}};
        Polygon cover;
        Ring ring;
        for (const Point2& q : densified(box)) ring.push_back(projection.forward({q.x, conic ? std::max(q.y, kConicClampLatitude) : q.y}));
        cover.rings.push_back(std::move(ring));
        layer.coverage = tessellate(cover).triangles;
    }
    return layer;
}

}  // namespace vitrine::map
