#include "map/map_layer.h"

#include "map/layer_levels.h"
#include "map/tessellate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

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
// Fill cells: about this many across the data's larger side, within these sizes (degrees).
constexpr double kFillCellsAcross = 12.0;
constexpr double kMinFillCell = 1.0;
constexpr double kMaxFillCell = 4.0;

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

// A ring in rotated longitudes, unwrapped so that no edge jumps across the seam (an edge
// from 179° to -179° goes on to 181°). Empty for a ring around a pole or of under 3 points.
Line unwrappedRing(const Ring& ring, double centralMeridian) {
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
    return unwrapped;
}

double middleX(const Line& line) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Point2& p : line) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    return (lo + hi) / 2.0;
}

// A polygon in rotated lon/lat cut at the seam (RFC 7946 §3.1.9): one piece per turn of
// the strip around the central meridian that it reaches, each piece its exterior and the
// holes within that turn, exterior first. Each hole is first moved to the exterior's turn
// (unwrapping starts wherever a ring starts, so a hole may come out a turn away), and
// then every ring is cut by the same strip: a hole always travels with the part of the
// exterior around it, never filled as land on the other side of the map. Empty for a
// polygon around a pole.
std::vector<std::vector<Line>> seamPieces(const Polygon& polygon, double centralMeridian) {
    std::vector<Line> rings;
    for (const Ring& ring : polygon.rings) {
        Line u = unwrappedRing(ring, centralMeridian);
        if (u.empty()) {
            if (rings.empty()) return {};  // the exterior: nothing to cut holes from
            continue;
        }
        if (!rings.empty()) {
            const double turns = std::round((middleX(rings.front()) - middleX(u)) / 360.0);
            for (Point2& p : u) p.x += turns * 360.0;
        }
        rings.push_back(std::move(u));
    }
    if (rings.empty()) return {};
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Point2& p : rings.front()) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    const double west = -180.0 + kSeamInset, east = 180.0 - kSeamInset;
    if (lo >= west && hi <= east) return {rings};
    std::vector<std::vector<Line>> pieces;
    for (double shift : {-360.0, 0.0, 360.0}) {
        std::vector<Line> piece;
        for (const Line& ring : rings) {
            Line moved = ring;
            for (Point2& p : moved) p.x += shift;
            Line cut = clipAgainst(clipAgainst(moved, west, false), east, true);
            if (cut.size() >= 3) piece.push_back(std::move(cut));
            else if (piece.empty()) break;  // the exterior does not reach this turn
        }
        if (!piece.empty()) pieces.push_back(std::move(piece));
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

// A line (a river, a boundary drawn as a line) in rotated lon/lat, cut where it crosses
// the seam into pieces that each stay on one side, every edge split as densified() does.
std::vector<Line> seamLinePieces(const std::vector<Point2>& line, double centralMeridian) {
    std::vector<Line> pieces;
    if (line.size() < 2) return pieces;
    const double edge = 180.0 - kSeamInset;
    Line current{{rotated(line[0].x, centralMeridian), line[0].y}};
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Point2 a = current.back();
        Point2 b{a.x + std::remainder(rotated(line[i].x, centralMeridian) - a.x, 360.0), line[i].y};
        if (std::abs(b.x) > edge) {  // across the seam: end this piece on it, go on from the other side
            const double side = b.x > 0 ? edge : -edge;
            const double y = a.y + (side - a.x) / (b.x - a.x) * (b.y - a.y);
            current.push_back({side, y});
            pieces.push_back(std::move(current));
            current = Line{{-side, y}};
            b.x += b.x > 0 ? -360.0 : 360.0;
        }
        current.push_back(b);
    }
    pieces.push_back(std::move(current));
    for (Line& piece : pieces) {
        Line dense{piece.front()};
        for (std::size_t i = 1; i < piece.size(); ++i) {
            const Point2 a = piece[i - 1], b = piece[i];
            const int steps = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(b.x - a.x), std::abs(b.y - a.y)) / kMaxEdgeDegrees)));
            for (int k = 1; k <= steps; ++k) dense.push_back({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps});
        }
        piece = std::move(dense);
    }
    return pieces;
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

// Sutherland–Hodgman against the half-plane on one side of an axis-parallel line.
Line clipAxis(const Line& ring, bool vertical, double edge, bool keepBelow) {
    Line out;
    auto coord = [&](const Point2& p) { return vertical ? p.x : p.y; };
    auto in = [&](const Point2& p) { return keepBelow ? coord(p) <= edge : coord(p) >= edge; };
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point2& a = ring[i];
        const Point2& b = ring[(i + 1) % ring.size()];
        if (in(a)) out.push_back(a);
        if (in(a) != in(b)) {
            double t = (edge - coord(a)) / (coord(b) - coord(a));
            Point2 c{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
            (vertical ? c.x : c.y) = edge;
            out.push_back(c);
        }
    }
    return out;
}

// The parts of the segment a→b outside `box` (Liang–Barsky): none, one or two pieces.
std::vector<std::pair<Point2, Point2>> outsideParts(Point2 a, Point2 b, const std::optional<Box>& box) {
    if (!box) return {{a, b}};
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - box->west, box->east - a.x, a.y - box->south, box->north - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return {{a, b}};  // parallel to this side and outside it
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
    }
    if (t0 >= t1) return {{a, b}};  // misses the box
    auto at = [&](double t) { return Point2{a.x + t * dx, a.y + t * dy}; };
    std::vector<std::pair<Point2, Point2>> parts;
    if (t0 > 0) parts.push_back({a, at(t0)});
    if (t1 < 1) parts.push_back({at(t1), b});
    return parts;
}

// Fill cells: a software rasteriser pays for every tile a triangle's bounds touch, and the
// tessellator's long slivers across a whole country touch most of the screen. Cutting
// polygons into cells first keeps every triangle within one cell.
double fillCellDegrees(const Box& bounds) {
    if (!bounds.valid()) return kMaxFillCell;
    double extent = std::max(bounds.east - bounds.west, bounds.north - bounds.south);
    return std::clamp(extent / kFillCellsAcross, kMinFillCell, kMaxFillCell);
}

template <typename Project>
void fillCells(const std::vector<Line>& rings, double cell, const Project& project, std::vector<Polygon>& out) {
    if (rings.empty() || rings.front().size() < 3) return;
    Box b = kEmptyBox;
    for (const Point2& p : rings.front()) extend(b, p);
    auto emit = [&](const std::vector<Line>& pieceRings) {
        Polygon polygon;
        for (const Line& r : pieceRings) {
            if (r.size() < 3) continue;
            Ring projected;
            for (const Point2& q : densified(r)) projected.push_back(project(q));
            polygon.rings.push_back(std::move(projected));
        }
        if (!polygon.rings.empty()) out.push_back(std::move(polygon));
    };
    int x0 = int(std::floor(b.west / cell)), x1 = int(std::floor(b.east / cell));
    int y0 = int(std::floor(b.south / cell)), y1 = int(std::floor(b.north / cell));
    if (x0 == x1 && y0 == y1) return emit(rings);
    for (int ix = x0; ix <= x1; ++ix) {
        // One column at a time, so each ring is cut by the column's sides once.
        std::vector<Line> column;
        for (const Line& r : rings)
            column.push_back(clipAxis(clipAxis(r, true, ix * cell, false), true, (ix + 1) * cell, true));
        for (int iy = y0; iy <= y1; ++iy) {
            std::vector<Line> piece;
            for (const Line& r : column)
                if (r.size() >= 3) piece.push_back(clipAxis(clipAxis(r, false, iy * cell, false), false, (iy + 1) * cell, true));
            if (!piece.empty() && piece.front().size() >= 3) emit(piece);
        }
    }
}


}  // namespace

Box globeBounds(const GeoCollection& collection) {
    GlobeBounds globe;
    for (const GeoFeature& f : collection.features)
        for (const Polygon& p : f.polygons)
            for (const Ring& r : p.rings)
                for (const Point2& q : r) globe.add(q);
    return globe.box();
}

const LayerFeature* ProjectedLayer::find(std::string_view idOrName) const {
    for (const LayerFeature& f : features)
        if (f.id == idOrName || f.name == idOrName) return &f;
    return nullptr;
}

ProjectedLayer projectLayer(const GeoCollection& collection, const ProjectionSpec& spec, Diagnostics& diagnostics,
                            std::optional<Box> exclude, bool clippedToBounds) {
    ProjectedLayer layer;
    const Projection projection = spec.make();
    const bool conic = spec.kind == ProjectionKind::LambertConformalConic;
    const double cm = spec.centralMeridian;
    // The plain box finds the cuts along the data's edges; data that is not clipped has them
    // only at ±180°, where a designer's own boundary along its northmost parallel is no cut.
    // The bounds on the globe are what a view fits, the smallest interval across 180° included.
    Box clipBox = kEmptyBox;
    for (const GeoFeature& f : collection.features)
        for (const Polygon& p : f.polygons)
            for (const Ring& r : p.rings)
                for (const Point2& q : r) extend(clipBox, q);
    if (!clippedToBounds) clipBox = Box{-180, std::numeric_limits<double>::infinity(), 180, -std::numeric_limits<double>::infinity()};
    layer.lonLatBounds = globeBounds(collection);
    layer.projectedBounds = kEmptyBox;

    const double cell = fillCellDegrees(layer.lonLatBounds);
    // The excluded box in rotated longitudes, as the rings are cut.
    std::optional<Box> excluded;
    if (exclude) {
        double w = rotated(exclude->west, cm);
        excluded = Box{w, exclude->south, w + (exclude->east - exclude->west), exclude->north};
    }
    auto project = [&](const Point2& rotatedLonLat) {
        double lat = conic ? std::max(rotatedLonLat.y, kConicClampLatitude) : rotatedLonLat.y;
        return projection.forward({rotatedLonLat.x + cm, lat});
    };

    // Fills `rings` (an exterior with its holes, rotated lon/lat) into `out`, cut into cells.
    auto fill = [&](const std::vector<Line>& rings, std::vector<Polygon>& out) {
        if (!exclude) {
            fillCells(rings, cell, project, out);
            return;
        }
        // Outside the excluded box: the strips west and east of it, and the bands
        // south and north of it between them (four convex regions).
        const double w = rotated(exclude->west, cm), e = w + (exclude->east - exclude->west);
        auto region = [&](auto&& clip) {
            std::vector<Line> kept;
            for (const Line& r : rings) kept.push_back(clip(r));
            if (!kept.empty() && kept.front().size() >= 3) fillCells(kept, cell, project, out);
        };
        region([&](const Line& r) { return clipAxis(r, true, w, true); });
        region([&](const Line& r) { return clipAxis(r, true, e, false); });
        region([&](const Line& r) {
            return clipAxis(clipAxis(clipAxis(r, true, w, false), true, e, true), false, exclude->south, true);
        });
        region([&](const Line& r) {
            return clipAxis(clipAxis(clipAxis(r, true, w, false), true, e, true), false, exclude->north, false);
        });
    };
    const std::vector<double>& tolerances = levelTolerances();
    layer.levels.resize(tolerances.size());
    for (std::size_t k = 0; k < tolerances.size(); ++k) layer.levels[k].tolerance = tolerances[k];
    std::vector<bool> levelFailed(tolerances.size(), false);

    for (const GeoFeature& f : collection.features) {
        LayerFeature out{f.id, f.name, {}};
        std::vector<Polygon> projected;
        std::vector<std::vector<Polygon>> levelPolygons(tolerances.size());
        for (const Polygon& polygon : f.polygons) {
            if (polygon.rings.empty()) continue;
            if (conic) {
                double north = -90.0;
                for (const Point2& q : polygon.rings.front()) north = std::max(north, q.y);
                if (north < kConicSouthLimit) continue;
            }
            // Cut at the seam into pieces, each an exterior with its holes.
            const std::vector<std::vector<Line>> pieces = seamPieces(polygon, cm);
            for (const std::vector<Line>& piece : pieces) {
                for (const Line& ring : piece) {
                    Line dense = densified(ring);
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
                        if (isCut(ga, gb, clipBox, cm)) {
                            flush();
                            continue;
                        }
                        for (auto [from, to] : outsideParts(a, b, excluded)) {
                            if (!current.empty() && !(current.back() == from)) flush();
                            if (current.empty()) current.push_back(from);
                            current.push_back(to);
                        }
                        if (excluded && !(current.empty() || current.back() == b)) flush();
                    }
                    flush();
                }
            }
            for (const std::vector<Line>& rings : pieces) {
                fill(rings, projected);
                // Each level of detail from the same rings simplified (measured projected).
                std::vector<Line> projectedRings;
                for (const Line& r : rings) {
                    projectedRings.emplace_back();
                    for (const Point2& q : r) projectedRings.back().push_back(project(q));
                }
                for (std::size_t k = 0; k < tolerances.size(); ++k)
                    fill(simplifiedRings(rings, projectedRings, tolerances[k]), levelPolygons[k]);
            }
        }
        // Its lines (rivers) are outlines only: nothing to fill.
        for (const std::vector<Point2>& line : f.lines) {
            for (const Line& piece : seamLinePieces(line, cm)) {
                LayerOutline o{{}, kEmptyBox};
                for (const Point2& q : piece) {
                    o.points.push_back(project(q));
                    extend(o.bounds, o.points.back());
                }
                layer.outlines.push_back(std::move(o));
            }
        }
        Tessellation t = tessellate(projected);
        if (!t.ok())
            diagnostics.warning(f.where, "map-geometry", "part of \"" + (f.name.empty() ? f.id : f.name) +
                                                             "\" could not be filled: " + t.error->message);
        out.triangles = std::move(t.triangles);
        for (const Point2& q : out.triangles) extend(layer.projectedBounds, q);
        layer.features.push_back(std::move(out));
        for (std::size_t k = 0; k < tolerances.size(); ++k) {
            Tessellation level = tessellate(levelPolygons[k]);
            levelFailed[k] = levelFailed[k] || !level.ok();  // a level with a hole in it is never drawn
            layer.levels[k].triangles.insert(layer.levels[k].triangles.end(), level.triangles.begin(),
                                             level.triangles.end());
        }
    }
    for (std::size_t k = tolerances.size(); k-- > 0;)
        if (levelFailed[k]) layer.levels.erase(layer.levels.begin() + std::ptrdiff_t(k));
    keepUsefulLevels(layer);

    return layer;
}

}  // namespace vitrine::map
