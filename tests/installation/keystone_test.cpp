#include <doctest/doctest.h>

#include "installation/keystone.h"

using namespace vitrine::installation;

TEST_CASE("keystone: identity when unset, corners to corners, inverse") {
    Homography identity;
    CHECK(identity.apply({12.5, -3}) == Point{12.5, -3});

    Quad from = rectangleCorners(1920, 1080);
    Quad to = {{{100, 40}, {1880, 0}, {1920, 1080}, {30, 1000}}};
    auto h = Homography::fromCorners(from, to);
    REQUIRE(h);
    for (int i = 0; i < 4; ++i) {
        auto p = h->apply(from[i]);
        CHECK(p.x == doctest::Approx(to[i].x).epsilon(1e-9));
        CHECK(p.y == doctest::Approx(to[i].y).epsilon(1e-9));
    }
    auto inv = h->inverse();
    REQUIRE(inv);
    for (Point p : {Point{960, 540}, Point{13, 977}, Point{1700, 80}}) {
        auto back = inv->apply(h->apply(p));
        CHECK(back.x == doctest::Approx(p.x).epsilon(1e-9));
        CHECK(back.y == doctest::Approx(p.y).epsilon(1e-9));
    }
    // A projective map keeps straight lines straight: the centre maps to the diagonals' crossing.
    auto centre = h->apply({960, 540});
    // Intersection of to[0]-to[2] and to[1]-to[3].
    auto intersect = [](Point a, Point b, Point c, Point d) {
        double t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) /
                   ((b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x));
        return Point{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    };
    auto expected = intersect(to[0], to[2], to[1], to[3]);
    CHECK(centre.x == doctest::Approx(expected.x).epsilon(1e-9));
    CHECK(centre.y == doctest::Approx(expected.y).epsilon(1e-9));
}

TEST_CASE("keystone: a folded quad has no homography") {
    Quad line = {{{0, 0}, {10, 0}, {20, 0}, {0, 10}}};
    CHECK_FALSE(Homography::fromCorners(rectangleCorners(100, 100), line));
}
