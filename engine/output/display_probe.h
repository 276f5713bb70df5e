#pragma once
// Whether an X display answers. SFML aborts the process (SIGABRT) when it cannot open the
// display it is asked to draw on, so every program asks this first.

#include <string>

namespace vitrine::output {

/// The display named by DISPLAY, or "" when the variable is unset or empty.
std::string displayName();

/// True when an X server answers on `name` (connects and closes again).
bool displayAnswers(const std::string& name);

}  // namespace vitrine::output
