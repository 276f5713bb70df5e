#include "output/display_placement.h"

#include <algorithm>

#include "output/warp_output.h"

namespace vitrine::output {

std::optional<installation::PixelRect> windowPlacement(const std::vector<installation::Output>& outputs,
                                                       const std::vector<power::MonitorRect>& monitors) {
    if (monitors.empty()) return std::nullopt;
    if (outputs.empty() || (outputs.size() == 1 && outputs[0].sizedByDisplay)) {
        const auto& m = monitors.front();
        return installation::PixelRect{m.x, m.y, m.width, m.height};
    }
    installation::PixelRect desktop;
    for (const auto& m : monitors) {
        desktop.width = std::max(desktop.width, m.x + m.width);
        desktop.height = std::max(desktop.height, m.y + m.height);
    }
    for (const auto& o : outputs) {
        desktop.width = std::max(desktop.width, o.positionX + o.width);
        desktop.height = std::max(desktop.height, o.positionY + o.height);
    }
    return desktop;
}

std::vector<installation::Output> keystonesKept(std::vector<installation::Output> configured, const WarpOutput& drawn) {
    // The warp fills in an implicit output when none is configured: keep it by its id.
    if (configured.empty() && drawn.outputs().size() == 1) {
        installation::Output whole;
        whole.id = installation::kWholeDisplayOutputId;
        whole.sizedByDisplay = true;
        configured.push_back(whole);
    }
    for (std::size_t i = 0; i < configured.size() && i < drawn.outputs().size(); ++i) {
        const auto& now = drawn.outputs()[i].keystone;
        if (now && *now != drawn.uncorrectedCorners(i)) configured[i].keystone = now;
    }
    return configured;
}

}  // namespace vitrine::output
