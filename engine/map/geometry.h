#pragma once
// Plain planar geometry shared by the map module: points, rings, polygons and the
// few measures on them (area, containment, bounds). Coordinates are whatever the
// caller holds: lon/lat degrees (x = lon, y = lat) or projected units.

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

}  // namespace vitrine::map
