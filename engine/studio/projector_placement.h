#pragma once
// Where "Show on projector" puts the preview: on a monitor other than the one the studio's
// window is on, as RandR reports them (power/display_probe).

#include <optional>
#include <vector>

#include "power/display_probe.h"

namespace vitrine::studio {

/// The first monitor that does not hold the point (`x`, `y`), the middle of the studio's
/// window, in desktop pixels; nullopt when there is none (one display: nowhere else to go).
std::optional<power::MonitorRect> projectorMonitor(const std::vector<power::MonitorRect>& monitors, int x, int y);

}  // namespace vitrine::studio
