#include "power/display_probe.h"

#include <X11/Xlib.h>
#include <dlfcn.h>

#include <cstdlib>

namespace vitrine::power {

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

namespace {

// libXrandr is loaded at run time: it is on every machine SFML runs on (SFML's window
// links it), while its headers (libxrandr-dev) would be one more build dependency for two
// calls. The layout below is XRRMonitorInfo from <X11/extensions/Xrandr.h>, RandR 1.5,
// unchanged since it was added in 2015.
struct MonitorInfo {
    Atom name;
    Bool primary;
    Bool automatic;
    int noutput;
    int x, y, width, height;
    int mwidth, mheight;
    unsigned long* outputs;
};
using GetMonitors = MonitorInfo* (*)(Display*, Window, Bool, int*);
using FreeMonitors = void (*)(MonitorInfo*);

struct Randr {
    GetMonitors get = nullptr;
    FreeMonitors free = nullptr;
};

const Randr& randr() {
    static const Randr functions = [] {
        Randr r;
        if (void* library = dlopen("libXrandr.so.2", RTLD_NOW | RTLD_LOCAL)) {
            r.get = reinterpret_cast<GetMonitors>(dlsym(library, "XRRGetMonitors"));
            r.free = reinterpret_cast<FreeMonitors>(dlsym(library, "XRRFreeMonitors"));
        }
        return r;
    }();
    return functions;
}

}  // namespace

std::optional<std::vector<MonitorRect>> monitors(const std::string& name) {
    const Randr& r = randr();
    if (name.empty() || !r.get || !r.free) return std::nullopt;
    Display* display = XOpenDisplay(name.c_str());
    if (!display) return std::nullopt;
    int count = 0;
    // Active monitors only: a disconnected projector is not one.
    MonitorInfo* info = r.get(display, DefaultRootWindow(display), True, &count);
    std::optional<std::vector<MonitorRect>> found;
    if (info) {
        found.emplace();
        for (int i = 0; i < count; ++i) {
            char* atomName = XGetAtomName(display, info[i].name);
            found->push_back({atomName ? atomName : "", info[i].x, info[i].y, info[i].width, info[i].height});
            if (atomName) XFree(atomName);
        }
        r.free(info);
    }
    XCloseDisplay(display);
    return found;
}

}  // namespace vitrine::power
