#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "render/simplify_line.h"

using vitrine::render::simplifyLine;

namespace {

// Distance from p to the segment a–b.
float segmentDistance(sf::Vector2f p, sf::Vector2f a, sf::Vector2f b) {
    sf::Vector2f d = b - a, e = p - a;
    float len2 = d.x * d.x + d.y * d.y;
    float t = len2 > 0 ? std::fmax(0.0f, std::fmin(1.0f, (e.x * d.x + e.y * d.y) / len2)) : 0.0f;
    sf::Vector2f off = e - d * t;
    return std::hypot(off.x, off.y);
}

}  // namespace

TEST_CASE("simplifyLine drops points within the tolerance and keeps corners and ends") {
    std::vector<sf::Vector2f> in, out;
    for (int i = 0; i <= 100; ++i) in.push_back({float(i), 0.1f * float(i % 2)});  // a jittered straight run
    for (int i = 1; i <= 50; ++i) in.push_back({100.0f, float(i)});                // then a right angle
    simplifyLine(in, 0.25f, out);
    REQUIRE(out.size() == 3);
    CHECK(out.front() == in.front());
    CHECK(out[1] == sf::Vector2f(100.0f, 0.0f));
    CHECK(out.back() == in.back());

    simplifyLine(in, 0.05f, out);  // the jitter is beyond this tolerance: it stays
    CHECK(out.size() > 100);
}

TEST_CASE("simplifyLine keeps every input point within the tolerance of the result") {
    std::vector<sf::Vector2f> in, out;
    for (int i = 0; i < 400; ++i) {
        float a = float(i) * 0.05f;
        in.push_back({a * 20.0f + 3.0f * std::sin(a * 7.0f), 10.0f * std::cos(a * 1.3f)});
    }
    const float tolerance = 0.25f;
    simplifyLine(in, tolerance, out);
    CHECK(out.size() < in.size());
    for (const sf::Vector2f& p : in) {
        float nearest = 1e9f;
        for (std::size_t k = 0; k + 1 < out.size(); ++k) nearest = std::fmin(nearest, segmentDistance(p, out[k], out[k + 1]));
        CHECK(nearest <= tolerance + 1e-4f);
    }
}

TEST_CASE("simplifyLine keeps a closed ring's shape and short lines as they are") {
    std::vector<sf::Vector2f> ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, out;
    simplifyLine(ring, 0.25f, out);
    CHECK(out == ring);
    std::vector<sf::Vector2f> two{{0, 0}, {0.1f, 0}};
    simplifyLine(two, 0.25f, out);
    CHECK(out == two);
}
