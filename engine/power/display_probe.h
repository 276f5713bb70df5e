#pragma once
// Whether an X display answers, and which monitors it has. SFML aborts the process
// (SIGABRT) when it cannot open the display it is asked to draw on, so every program asks
// this first.

#include <optional>
#include <string>
#include <vector>

namespace vitrine::power {

/// The display named by DISPLAY, or "" when the variable is unset or empty.
std::string displayName();

/// True when an X server answers on `name` (connects and closes again).
bool displayAnswers(const std::string& name);

/// One monitor of the X screen (a connected projector or display), in desktop pixels.
struct MonitorRect {
    std::string name;  // RandR's name for it: HDMI-1, DP-2, …
    int x = 0, y = 0, width = 0, height = 0;
    friend bool operator==(const MonitorRect&, const MonitorRect&) = default;
};

/// The monitors RandR reports on display `name` (connects and closes again); nullopt when
/// the display does not answer or has no RandR 1.5.
std::optional<std::vector<MonitorRect>> monitors(const std::string& name);

}  // namespace vitrine::power
