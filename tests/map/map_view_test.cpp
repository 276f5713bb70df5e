#include "map/map_view.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace vitrine::map;

TEST_CASE("a fitted view shows the whole box centred, keeping aspect") {
    const Projection lcc = Projection::lambertConformalConic(38.0, 43.0, 40.5, 46.5);
    const Box caucasus{43.0, 38.0, 51.0, 43.0};
    const CanvasRect canvas{100.0, 50.0, 1920.0, 1080.0};
    const MapView view = MapView::fitting(lcc, caucasus, canvas);
    // Every point of the box's edges lands inside the canvas.
    for (double t = 0.0; t <= 1.0; t += 0.125) {
        for (Point2 p : {Point2{43.0 + 8.0 * t, 38.0}, Point2{43.0 + 8.0 * t, 43.0},
                         Point2{43.0, 38.0 + 5.0 * t}, Point2{51.0, 38.0 + 5.0 * t}}) {
            const Point2 c = view.toCanvas(p);
            CHECK(c.x >= canvas.x - 1e-6);
            CHECK(c.x <= canvas.x + canvas.width + 1e-6);
            CHECK(c.y >= canvas.y - 1e-6);
            CHECK(c.y <= canvas.y + canvas.height + 1e-6);
        }
    }
    // Uniform scale: a projected square stays a square on the canvas.
    const Point2 a = view.projectedToCanvas({0.0, 0.0});
    const Point2 b = view.projectedToCanvas({1000.0, 1000.0});
    CHECK(std::abs(b.x - a.x) == doctest::Approx(std::abs(b.y - a.y)));
    // North is up (canvas y grows downward).
    CHECK(view.toCanvas({47.0, 42.0}).y < view.toCanvas({47.0, 39.0}).y);
    // Canvas → lon/lat → canvas is the identity.
    const Point2 pixel{700.0, 400.0};
    const Point2 again = view.toCanvas(view.toLonLat(pixel));
    CHECK(again.x == doctest::Approx(pixel.x));
    CHECK(again.y == doctest::Approx(pixel.y));
}

TEST_CASE("a centred view puts its centre in the middle with the asked width") {
    const Projection merc = Projection::webMercator();
    const CanvasRect canvas{0.0, 0.0, 1000.0, 500.0};
    const MapView view = MapView::centredOn(merc, {49.87, 40.41}, 200000.0, canvas);
    const Point2 c = view.toCanvas({49.87, 40.41});
    CHECK(c.x == doctest::Approx(500.0));
    CHECK(c.y == doctest::Approx(250.0));
    CHECK(view.viewWidth() == doctest::Approx(200000.0));
    CHECK(view.pixelsPerUnit() == doctest::Approx(1000.0 / 200000.0));
}
