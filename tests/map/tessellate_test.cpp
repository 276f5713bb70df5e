#include "map/tessellate.h"
#include "support/build_paths.h"

#include "map/geojson.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace vitrine::map;

namespace {

constexpr double areaTolerance = 1e-3;  // 0.1 %

Ring square(double x0, double y0, double size, bool counterClockwise) {
    Ring r{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
    if (!counterClockwise) std::reverse(r.begin(), r.end());
    return r;
}

}  // namespace

TEST_CASE("tessellating a square with a square hole covers exactly the ring between them") {
    Polygon frame{{square(0.0, 0.0, 10.0, true), square(3.0, 3.0, 4.0, false)}};
    CHECK(area(frame) == doctest::Approx(84.0));
    const Tessellation t = tessellate(frame);
    REQUIRE(t.ok());
    CHECK(t.triangles.size() % 3 == 0);
    CHECK(triangleListArea(t.triangles) == doctest::Approx(84.0).epsilon(areaTolerance));
    // No triangle sits in the hole: check every centroid.
    for (std::size_t i = 0; i < t.triangles.size(); i += 3) {
        const Point2 c{(t.triangles[i].x + t.triangles[i + 1].x + t.triangles[i + 2].x) / 3.0,
                       (t.triangles[i].y + t.triangles[i + 1].y + t.triangles[i + 2].y) / 3.0};
        CHECK(contains(frame, c));
    }
}

TEST_CASE("a concave polygon and a hole wound the same way as the exterior") {
    // An L shape (concave), area 3 of 2x2 minus a unit corner...
    Polygon ell{{Ring{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 0}}}};
    CHECK(triangleListArea(tessellate(ell).triangles) == doctest::Approx(3.0).epsilon(areaTolerance));
    // ...and under the odd rule a hole is a hole whatever its winding.
    Polygon sameWinding{{square(0.0, 0.0, 4.0, true), square(1.0, 1.0, 1.0, true)}};
    CHECK(triangleListArea(tessellate(sameWinding).triangles) == doctest::Approx(15.0).epsilon(areaTolerance));
}

TEST_CASE("a self-crossing bow tie needs the combine callback and still fills both lobes") {
    Polygon bowTie{{Ring{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}}};
    const Tessellation t = tessellate(bowTie);
    CHECK(t.ok());
    CHECK(triangleListArea(t.triangles) == doctest::Approx(2.0).epsilon(areaTolerance));
}

TEST_CASE("Azerbaijan from caucasus.geojson triangulates to its shoelace area") {
    vitrine::Diagnostics diagnostics;
    const auto path = vitrine::test::sourceDir() / "assets/maps/caucasus.geojson";
    const GeoCollection caucasus = loadGeoJson(path, diagnostics);
    CHECK(diagnostics.empty());
    const GeoFeature* azerbaijan = caucasus.find("Azerbaijan");
    REQUIRE(azerbaijan != nullptr);
    // The mainland with its enclave hole, Nakhchivan, and islets.
    CHECK(azerbaijan->polygons.size() >= 2);
    double expected = 0.0;
    bool anyHole = false;
    for (const Polygon& p : azerbaijan->polygons) {
        expected += area(p);
        anyHole = anyHole || p.rings.size() > 1;
    }
    CHECK(anyHole);
    const Tessellation t = tessellate(azerbaijan->polygons);
    REQUIRE(t.ok());
    CHECK(triangleListArea(t.triangles) == doctest::Approx(expected).epsilon(areaTolerance));
    // And every country in the file.
    for (const GeoFeature& f : caucasus.features) {
        double shoelace = 0.0;
        for (const Polygon& p : f.polygons) shoelace += area(p);
        INFO(f.name);
        const Tessellation all = tessellate(f.polygons);
        CHECK(all.ok());
        CHECK(triangleListArea(all.triangles) == doctest::Approx(shoelace).epsilon(areaTolerance));
    }
}
