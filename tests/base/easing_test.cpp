#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "base/easing.h"

using namespace vitrine;

TEST_CASE("every registered easing maps 0 to 0 and 1 to 1 and stays monotonic") {
    for (const auto& name : easingNames()) {
        if (name.find('(') != std::string::npos) continue;
        CAPTURE(name);
        auto e = parseEasing(name);
        REQUIRE(e.has_value());
        CHECK(e->apply(0) == doctest::Approx(0));
        CHECK(e->apply(1) == doctest::Approx(1));
        double previous = 0;
        for (int i = 1; i <= 100; ++i) {
            double v = e->apply(i / 100.0);
            CHECK(v >= previous - 1e-9);
            previous = v;
        }
    }
}

TEST_CASE("easing curves have their documented shapes") {
    CHECK(parseEasing("linear")->apply(0.25) == doctest::Approx(0.25));
    CHECK(parseEasing("cubic-in")->apply(0.5) == doctest::Approx(0.125));
    CHECK(parseEasing("cubic-out")->apply(0.5) == doctest::Approx(0.875));
    CHECK(parseEasing("sine-in-out")->apply(0.5) == doctest::Approx(0.5));
    CHECK(parseEasing("quint-in")->apply(0.5) == doctest::Approx(0.03125));
    CHECK(parseEasing("expo-out")->apply(0.5) == doctest::Approx(1 - std::pow(2, -5)));
    // Out of range progress is clamped.
    CHECK(parseEasing("linear")->apply(-1) == 0);
    CHECK(parseEasing("linear")->apply(2) == 1);
}

TEST_CASE("cubic-bezier solves x for y like CSS") {
    auto linear = parseEasing("cubic-bezier(0, 0, 1, 1)");
    REQUIRE(linear);
    CHECK(linear->apply(0.3) == doctest::Approx(0.3).epsilon(1e-6));
    auto ease = parseEasing("ease");
    REQUIRE(ease);
    // CSS "ease" at x = 0.5 is about 0.8024 (WebKit's UnitBezier gives the same).
    CHECK(ease->apply(0.5) == doctest::Approx(0.8024).epsilon(1e-3));
    auto overshoot = parseEasing("cubic-bezier(0.3, 1.6, 0.7, 1)");
    REQUIRE(overshoot);
    CHECK(overshoot->apply(0.5) > 1.0);
}

TEST_CASE("unknown easings and bad bezier arguments are rejected") {
    CHECK_FALSE(parseEasing("sine"));
    CHECK_FALSE(parseEasing("cubic-bezier(1, 2, 3)"));
    CHECK_FALSE(parseEasing("cubic-bezier(1.5, 0, 0.5, 1)"));  // x outside [0,1]
    CHECK_FALSE(parseEasing("cubic-bezier(a, 0, 0.5, 1)"));
    CHECK_FALSE(parseEasing("cubic-bezier(0.1, 0, 0.5, 1"));
}

TEST_CASE("bezier numbers follow the format's number grammar and whitespace around is ignored") {
    // Refused wherever a number is written (exhibits/README.md, "Numbers"), so here too.
    CHECK_FALSE(parseEasing("cubic-bezier(0, 1e2, 1, 1)"));
    CHECK_FALSE(parseEasing("cubic-bezier(0, 0x10, 1, 1)"));
    CHECK_FALSE(parseEasing("cubic-bezier(1e-2, 0, 1, 1)"));
    CHECK_FALSE(parseEasing("cubic-bezier(0, 1" + std::string(15, '0') + ", 1, 1)"));
    // Written forms of a number that is in range are fine: a sign, leading zeros, -0.
    CHECK(parseEasing("cubic-bezier(+0.25, -0.5, 00.75, -0)"));
    CHECK(parseEasing("cubic-bezier(0,\t2\t,1,1)"));
    CHECK(parseEasing("ease-in\t"));
}
