#include "map/projection.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using vitrine::map::Point2;
using vitrine::map::Projection;

namespace {

// EPSG:3857's half extent: π·6378137 m.
constexpr double webMercatorHalfExtent = 20037508.342789244;

}  // namespace

TEST_CASE("web mercator: the corners of the square world") {
    const Projection p = Projection::webMercator();
    const Point2 corner = p.forward({180.0, Projection::mercatorMaxLatitude});
    CHECK(corner.x == doctest::Approx(webMercatorHalfExtent).epsilon(1e-12));
    CHECK(corner.y == doctest::Approx(webMercatorHalfExtent).epsilon(1e-9));
    // The value the brief names, to the centimetre.
    const Point2 rounded = p.forward({180.0, 85.0511});
    CHECK(std::abs(rounded.x - 20037508.34) < 0.01);
    // 85.0511 is 2.9e-5° short of the limit, and there dy/dφ = R / cos φ ≈ 1.3e6 m per
    // degree, so y falls ~37 m short.
    CHECK(std::abs(rounded.y - 20037508.34) < 40.0);
    CHECK(p.forward({0.0, 0.0}).x == 0.0);
    CHECK(p.forward({0.0, 0.0}).y == 0.0);
    // Beyond the limit the projection clamps rather than running to infinity.
    CHECK(p.forward({0.0, 90.0}).y == doctest::Approx(webMercatorHalfExtent).epsilon(1e-9));
    CHECK(std::isfinite(p.forward({0.0, -90.0}).y));
}

TEST_CASE("web mercator: a known city and the inverse") {
    const Projection p = Projection::webMercator();
    // Baku, 49.87E 40.41N: x = R·λ, y = R·ln tan(π/4 + φ/2) computed by hand.
    const Point2 baku = p.forward({49.87, 40.41});
    CHECK(baku.x == doctest::Approx(6378137.0 * 49.87 * std::numbers::pi / 180.0));
    CHECK(baku.y == doctest::Approx(6378137.0 * std::log(std::tan(std::numbers::pi / 4 + 40.41 * std::numbers::pi / 360.0))));
    const Point2 back = p.inverse(baku);
    CHECK(std::abs(back.x - 49.87) < 1e-9);
    CHECK(std::abs(back.y - 40.41) < 1e-9);
}

TEST_CASE("equirectangular is linear in degrees") {
    const Projection plate = Projection::equirectangular();
    const double metresPerDegree = 6378137.0 * std::numbers::pi / 180.0;
    CHECK(plate.forward({10.0, 20.0}).x == doctest::Approx(10.0 * metresPerDegree));
    CHECK(plate.forward({10.0, 20.0}).y == doctest::Approx(20.0 * metresPerDegree));
    // With a standard parallel of 60°, a degree of longitude is half a degree of latitude.
    const Projection sixty = Projection::equirectangular(60.0, 0.0);
    const Point2 p = sixty.forward({10.0, 10.0});
    CHECK(p.x == doctest::Approx(p.y / 2.0));
    const Point2 back = sixty.inverse(p);
    CHECK(back.x == doctest::Approx(10.0));
    CHECK(back.y == doctest::Approx(10.0));
    // A point across the antimeridian from the central meridian wraps to the near side.
    const Projection pacific = Projection::equirectangular(0.0, 170.0);
    CHECK(pacific.forward({-170.0, 0.0}).x == doctest::Approx(20.0 * metresPerDegree));
}

TEST_CASE("lambert conformal conic reproduces Snyder's spherical example") {
    // Snyder, Map Projections: A Working Manual (USGS PP 1395, 1987), numerical example
    // for the sphere: R = 1, φ1 = 33°, φ2 = 45°, φ0 = 23°, λ0 = 96°W; point 35°N 75°W
    // gives x = 0.2966785, y = 0.2462112.
    const Projection p = Projection::lambertConformalConic(33.0, 45.0, 23.0, -96.0, 1.0);
    const Point2 xy = p.forward({-75.0, 35.0});
    CHECK(xy.x == doctest::Approx(0.2966785).epsilon(1e-6));
    CHECK(xy.y == doctest::Approx(0.2462112).epsilon(1e-6));
    const Point2 back = p.inverse(xy);
    CHECK(std::abs(back.x - -75.0) < 1e-9);
    CHECK(std::abs(back.y - 35.0) < 1e-9);
}

TEST_CASE("lambert conformal conic for the Caucasus: origin, round trip, conformality") {
    const Projection p = Projection::lambertConformalConic(38.0, 43.0, 40.5, 46.5);
    const Point2 origin = p.forward({46.5, 40.5});
    CHECK(std::abs(origin.x) < 1e-6);
    CHECK(std::abs(origin.y) < 1e-6);
    for (double lon = 30.0; lon <= 60.0; lon += 2.5) {
        for (double lat = 30.0; lat <= 56.0; lat += 2.0) {
            const Point2 back = p.inverse(p.forward({lon, lat}));
            CHECK(std::abs(back.x - lon) < 1e-9);
            CHECK(std::abs(back.y - lat) < 1e-9);
        }
    }
    // On a standard parallel the scale is true: a small step east covers R·cos φ·Δλ.
    const double step = 1e-4;
    const Point2 a = p.forward({46.5, 38.0});
    const Point2 b = p.forward({46.5 + step, 38.0});
    const double expected = Projection::earthRadius * std::cos(38.0 * std::numbers::pi / 180.0) * step * std::numbers::pi / 180.0;
    CHECK(std::hypot(b.x - a.x, b.y - a.y) == doctest::Approx(expected).epsilon(1e-6));
    // Southern-hemisphere cone (negative n) round trips too.
    const Projection south = Projection::lambertConformalConic(-20.0, -40.0, -30.0, 140.0);
    const Point2 back = south.inverse(south.forward({150.0, -35.0}));
    CHECK(std::abs(back.x - 150.0) < 1e-9);
    CHECK(std::abs(back.y - -35.0) < 1e-9);
}

TEST_CASE("equal earth: the published extent of the world") {
    // Šavrič, Patterson and Jenny (2018): on the unit sphere the map spans ±2.7066297
    // across (the equator's ends) and ±1.3173627 up (the poles), about 2.05:1.
    const Projection p = Projection::equalEarth(0.0, 1.0);
    CHECK(p.forward({180.0, 0.0}).x == doctest::Approx(2.7066297).epsilon(1e-7));
    CHECK(p.forward({-180.0, 0.0}).x == doctest::Approx(-2.7066297).epsilon(1e-7));
    CHECK(p.forward({0.0, 90.0}).y == doctest::Approx(1.3173627).epsilon(1e-7));
    CHECK(p.forward({0.0, -90.0}).y == doctest::Approx(-1.3173627).epsilon(1e-7));
    CHECK(p.forward({0.0, 0.0}).x == 0.0);
    CHECK(p.forward({0.0, 0.0}).y == 0.0);
    // The central meridian moves the map: 30°E on a map centred on 30°E is its middle.
    CHECK(std::abs(Projection::equalEarth(30.0, 1.0).forward({30.0, 45.0}).x) < 1e-12);
}

TEST_CASE("equal earth: forward and inverse round trip across the world") {
    const Projection p = Projection::equalEarth(-30.0);
    for (double lon = -179.5; lon <= 180.0; lon += 7.25) {
        for (double lat = -89.5; lat <= 90.0; lat += 4.75) {
            const Point2 back = p.inverse(p.forward({lon, lat}));
            CHECK(std::abs(std::remainder(back.x - lon, 360.0)) < 1e-9);
            CHECK(std::abs(back.y - lat) < 1e-9);
        }
    }
}

TEST_CASE("equal earth: every cell of the graticule keeps its area on the globe") {
    // Equal area: a 1° by 1° cell covers R²·Δλ·(sin φ2 − sin φ1) on the sphere wherever
    // it lies; on the map its four projected corners enclose the same area (the edges
    // are nearly straight over a degree; the shoelace error is far below the tolerance).
    const Projection p = Projection::equalEarth(0.0, 1.0);
    const double rad = std::numbers::pi / 180.0;
    for (double lat : {-80.0, -45.0, -10.0, 0.0, 25.0, 60.0, 88.0}) {
        for (double lon : {-170.0, -60.0, 0.0, 95.0}) {
            const Point2 a = p.forward({lon, lat}), b = p.forward({lon + 1, lat});
            const Point2 c = p.forward({lon + 1, lat + 1}), d = p.forward({lon, lat + 1});
            const double mapArea = 0.5 * std::abs((a.x * b.y - b.x * a.y) + (b.x * c.y - c.x * b.y) +
                                                  (c.x * d.y - d.x * c.y) + (d.x * a.y - a.x * d.y));
            const double globeArea = rad * (std::sin((lat + 1) * rad) - std::sin(lat * rad));
            CHECK(mapArea == doctest::Approx(globeArea).epsilon(1e-4));
        }
    }
}
