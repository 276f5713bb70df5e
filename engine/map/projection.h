#pragma once
// Map projections on a sphere: lon/lat degrees to plane coordinates and back.
// All are the spherical forms (Snyder, "Map Projections: A Working Manual", 1987;
// Equal Earth: Šavrič, Patterson and Jenny, "The Equal Earth map projection",
// IJGIS 33(3), 2019, published online 2018); Web Mercator is spherical by definition, and at exhibit scale the
// ellipsoid would move nothing by a visible amount.

#include "map/geometry.h"

namespace vitrine::map {

enum class ProjectionKind { WebMercator, Equirectangular, LambertConformalConic, EqualEarth };

class Projection {
public:
    /// The WGS 84 semi-major axis in metres: the sphere Web Mercator (EPSG:3857) uses.
    static constexpr double earthRadius = 6378137.0;
    /// Web Mercator's latitude limit: the square world of web maps, ±85.0511287798°.
    static constexpr double mercatorMaxLatitude = 85.0511287798066;

    /// Web Mercator (EPSG:3857); latitudes beyond ±mercatorMaxLatitude are clamped to it.
    static Projection webMercator(double radius = earthRadius);
    /// Equirectangular (plate carrée when standardParallel is 0): x = R·Δλ·cos φ1, y = R·φ.
    static Projection equirectangular(double standardParallel = 0.0, double centralMeridian = 0.0,
                                      double radius = earthRadius);
    /// Lambert conformal conic with two standard parallels and the given origin (degrees).
    /// For the Caucasus: lambertConformalConic(38, 43, 40.5, 46.5). Equal parallels give the
    /// one-parallel (tangent) form. Precondition: the parallels are not symmetric about the
    /// equator (that cone constant is 0: a cylinder, use Mercator instead).
    static Projection lambertConformalConic(double parallel1, double parallel2, double originLatitude,
                                            double centralMeridian, double radius = earthRadius);
    /// Equal Earth: an equal-area pseudocylindrical projection for world maps, its
    /// meridians gently curved so the continents keep their shapes better than on
    /// equal-area cylinders. Its whole world spans ±2.7066297·R across and ±1.3173627·R up.
    static Projection equalEarth(double centralMeridian = 0.0, double radius = earthRadius);

    /// Which projection this is.
    ProjectionKind kind() const { return kind_; }
    /// Plane coordinates (x east, y north, in units of the radius) of a lon/lat point in degrees.
    Point2 forward(Point2 lonLat) const;
    /// The lon/lat point in degrees whose forward() is `xy`; longitude in [-180, 180].
    Point2 inverse(Point2 xy) const;

private:
    Projection() = default;

    ProjectionKind kind_ = ProjectionKind::WebMercator;
    double radius_ = earthRadius;
    double centralMeridian_ = 0.0;  // radians
    double cosParallel_ = 1.0;      // equirectangular: cos φ1
    double n_ = 0.0;                // LCC: cone constant
    double f_ = 0.0;                // LCC: F
    double rho0_ = 0.0;             // LCC: ρ at the origin latitude
};

}  // namespace vitrine::map
