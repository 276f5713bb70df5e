#include "output/display_probe.h"

#include <X11/Xlib.h>

#include <cstdlib>

namespace vitrine::output {

std::string displayName() {
    const char* d = std::getenv("DISPLAY");
    return d ? d : "";
}

bool displayAnswers(const std::string& name) {
    if (name.empty()) return false;
    Display* display = XOpenDisplay(name.c_str());
    if (!display) return false;
    XCloseDisplay(display);
    return true;
}

}  // namespace vitrine::output
