#pragma once
// Plain planar geometry shared by the map module: points, rings, polygons and the
// few measures on them (area, containment, bounds). Coordinates are whatever the
// caller holds: lon/lat degrees (x = lon, y = lat) or projected units.

#include <array>
#include <vector>

namespace vitrine::map {

/// A point in the plane; for geographic data x is longitude and y latitude, in degrees.
struct Point2 {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point2&, const Point2&) = default;
};

/// A closed ring of points; the last point repeats the first, as in GeoJSON.
using Ring = std::vector<Point2>;

/// A polygon: the first ring is the exterior, the others are holes in it.
struct Polygon {
    std::vector<Ring> rings;
};

/// An axis-aligned box; for geographic data west/east are longitudes, south/north latitudes.
struct Box {
    double west = 0.0;
    double south = 0.0;
    double east = 0.0;
    double north = 0.0;
    /// True when the box holds at least one point (west <= east and south <= north).
    bool valid() const { return west <= east && south <= north; }
};

/// Shoelace area of a ring; positive when counter-clockwise (x right, y up).
double signedArea(const Ring& ring);

/// Area of a polygon: |exterior| minus the |holes|.
double area(const Polygon& polygon);

/// Sum of the areas of a triangle list (three points per triangle, any winding).
double triangleListArea(const std::vector<Point2>& triangles);

/// True when `p` lies inside the polygon by the even-odd rule (holes excluded).
bool contains(const Polygon& polygon, Point2 p);

/// The smallest box holding every point of every polygon; invalid (west > east) when empty.
Box bounds(const std::vector<Polygon>& polygons);

/// The bounds of lon/lat points on the globe, where -180° and 180° are one meridian. Data
/// that crosses the antimeridian (Fiji, Chukotka) is cut there into pieces at both ends of
/// the longitudes, so its plain bounds span the whole world; its bounds here are the
/// smallest longitude interval that covers it instead (177°E…178°W), held unwrapped as a
/// view across 180° is (west 177, east 182), so that an automatic view fits the data.
class GlobeBounds {
public:
    GlobeBounds();
    void add(Point2 lonLat);
    /// Invalid (west > east) when nothing was added. Data wider than a hemisphere keeps its
    /// plain bounds: a world map is drawn whole, from -180° to 180°.
    Box box() const;

private:
    // The westmost and eastmost longitude seen in each degree from -180°: enough to find
    // the widest gap between longitudes in one pass, whatever the number of points.
    std::array<double, 360> west_;
    std::array<double, 360> east_;
    Box plain_;
};

}  // namespace vitrine::map
