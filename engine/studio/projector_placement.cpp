#include "studio/projector_placement.h"

namespace vitrine::studio {

std::optional<power::MonitorRect> projectorMonitor(const std::vector<power::MonitorRect>& monitors, int x, int y) {
    for (const auto& m : monitors) {
        bool holdsStudio = x >= m.x && x < m.x + m.width && y >= m.y && y < m.y + m.height;
        if (!holdsStudio && m.width > 0 && m.height > 0) return m;
    }
    return std::nullopt;
}

}  // namespace vitrine::studio
