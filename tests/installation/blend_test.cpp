#include <doctest/doctest.h>

#include <cmath>

#include "installation/blend.h"

using namespace vitrine::installation;

TEST_CASE("blend: overlapping ramps add up to even light") {
    BlendEdge e{200, 2.5, 2.2};
    CHECK(blendLight(e, 0) == 0);
    CHECK(blendLight(e, 200) == 1);
    CHECK(blendLight(e, 100) == doctest::Approx(0.5));
    for (double d = 0; d <= 200; d += 12.5) CHECK(blendLight(e, d) + blendLight(e, 200 - d) == doctest::Approx(1.0));
    // Gamma: the pixel value is the light's 1/gamma power, brighter than the light.
    CHECK(blendFactor(e, 100) == doctest::Approx(std::pow(0.5, 1 / 2.2)));
    CHECK(blendFactor(e, 50) < blendFactor(e, 100));
    // No zone: untouched.
    CHECK(blendFactor(BlendEdge{}, 0) == 1);
}

TEST_CASE("blend: factor over an output and black-level lift outside the zones") {
    Blend b;
    b.right = BlendEdge{100, 1, 1};
    CHECK(blendFactorAt(b, 10, 10, 1000, 500) == 1);
    CHECK(blendFactorAt(b, 950, 10, 1000, 500) == doctest::Approx(0.5));
    CHECK(outsideBlendZones(b, 899, 10, 1000, 500));
    CHECK_FALSE(outsideBlendZones(b, 901, 10, 1000, 500));
    CHECK(blendedValue(0, 1, 0.05, true) == doctest::Approx(0.05));
    CHECK(blendedValue(1, 1, 0.05, true) == doctest::Approx(1.0));
    CHECK(blendedValue(0, 0.5, 0.05, false) == 0);
}
