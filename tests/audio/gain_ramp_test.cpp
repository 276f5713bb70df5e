#include <doctest/doctest.h>

#include "audio/gain_ramp.h"

namespace vitrine {

TEST_CASE("GainRamp reaches its target in a straight line over the given frames") {
    GainRamp ramp(0.0f);
    ramp.setTarget(1.0f, 4);
    CHECK(ramp.next() == 0.0f);
    CHECK(ramp.next() == doctest::Approx(0.25));
    CHECK(ramp.next() == doctest::Approx(0.5));
    CHECK(ramp.next() == doctest::Approx(0.75));
    CHECK(ramp.next() == 1.0f);
    CHECK(ramp.settled());
    ramp.setTarget(0.5f, 0);
    CHECK(ramp.current() == 0.5f);
    // Re-asking for the same target keeps the ramp's pace.
    ramp.setTarget(1.0f, 2);
    ramp.next();
    ramp.setTarget(1.0f, 100);
    CHECK(ramp.next() == doctest::Approx(0.75));
    CHECK(ramp.next() == 1.0f);
}

}  // namespace vitrine
