// Bounds on the globe: data cut at the antimeridian (as RFC 7946 cuts it) is bounded by the
// smallest longitude interval that covers it, held unwrapped, so a view fits it.

#include <doctest/doctest.h>

#include "map/geometry.h"

#include <initializer_list>

using namespace vitrine::map;

namespace {

Box globeBoxOf(std::initializer_list<Point2> points) {
    GlobeBounds globe;
    for (Point2 p : points) globe.add(p);
    return globe.box();
}

}  // namespace

TEST_CASE("globe bounds: Fiji cut at 180° is 177°E to 178°W, not the whole world") {
    // Viti Levu west of 180°, Vanua Levu's two pieces ending on it, the Lau Islands east of it.
    const Box b = globeBoxOf({{177.2, -18.3}, {178.7, -17.3}, {178.4, -17.0}, {180.0, -16.1},
                              {-180.0, -16.3}, {-179.9, -16.1}, {-179.0, -19.0}, {-178.2, -17.5}});
    CHECK(b.west == doctest::Approx(177.2));
    CHECK(b.east == doctest::Approx(-178.2 + 360.0));  // held unwrapped, as a view across 180°
    CHECK(b.south == doctest::Approx(-19.0));
    CHECK(b.north == doctest::Approx(-16.1));
}

TEST_CASE("globe bounds: Chukotka carries Russia across 180° to 169°W") {
    const Box b = globeBoxOf({{19.6, 54.4}, {60.0, 70.0}, {179.9, 66.0}, {180.0, 68.0}, {-180.0, 68.0}, {-169.0, 65.8}});
    CHECK(b.west == doctest::Approx(19.6));
    CHECK(b.east == doctest::Approx(191.0));
}

TEST_CASE("globe bounds: data on one side of 180° and the whole world keep their plain bounds") {
    const Box caucasus = globeBoxOf({{40.0, 37.5}, {51.0, 43.5}});
    CHECK(caucasus.west == doctest::Approx(40.0));
    CHECK(caucasus.east == doctest::Approx(51.0));
    // Wider than a hemisphere: a world map, drawn whole from -180° to 180°.
    const Box world = globeBoxOf({{-180.0, -60.0}, {-100.0, 40.0}, {0.0, 50.0}, {100.0, 40.0}, {180.0, 70.0}});
    CHECK(world.west == doctest::Approx(-180.0));
    CHECK(world.east == doctest::Approx(180.0));
    CHECK_FALSE(GlobeBounds().box().valid());
}
