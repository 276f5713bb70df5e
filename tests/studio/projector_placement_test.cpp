#include "studio/projector_placement.h"

#include <doctest/doctest.h>

namespace vitrine::studio {

TEST_CASE("projector placement: the monitor the studio is not on, or none with one display") {
    const power::MonitorRect desk{"eDP-1", 0, 0, 1920, 1080}, projector{"HDMI-1", 1920, 0, 1280, 800};
    CHECK(projectorMonitor({desk, projector}, 800, 500) == projector);
    // The studio moved onto the projector's display: the picture goes to the other one.
    CHECK(projectorMonitor({desk, projector}, 2500, 400) == desk);
    // A point on the shared edge belongs to the monitor it starts.
    CHECK(projectorMonitor({desk, projector}, 1920, 10) == desk);
    CHECK_FALSE(projectorMonitor({desk}, 800, 500).has_value());
    CHECK_FALSE(projectorMonitor({}, 0, 0).has_value());
}

}  // namespace vitrine::studio
