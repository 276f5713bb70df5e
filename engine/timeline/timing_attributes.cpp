#include "timeline/timing_attributes.h"

#include <string>

namespace vitrine {

TimingAttributes readTimingAttributes(const ScriptNode& n, Diagnostics* diagnostics) {
    TimingAttributes t;
    if (auto b = parseTimeValue(n.view("begin")); b) t.begin = *b;
    const ScriptAttribute* dur = n.attribute("dur");
    if (dur) {
        if (dur->value == "indefinite") {
            t.indefinite = true;
        } else if (auto v = parseTimeValue(dur->value)) {
            if (*v >= 0)
                t.simple = *v;
            else if (diagnostics)
                diagnostics->error(dur->where, "negative-duration", "the duration " + std::string(dur->value) + " is negative",
                                   "a duration must be zero or more");
        }
    }
    if (const ScriptAttribute* e = n.attribute("end")) {
        if (auto v = parseTimeValue(e->value)) {
            if (*v < t.begin) {
                if (diagnostics)
                    diagnostics->error(e->where, "end-before-begin",
                                       "end " + std::string(e->value) + " is before begin " + formatTime(t.begin),
                                       "end is measured on the same scale as begin");
            } else if (!t.simple && !t.indefinite) {
                t.simple = *v - t.begin;
            } else if (dur && diagnostics) {
                diagnostics->warning(e->where, "end-and-dur", "both dur and end are given; dur wins", "remove one of them");
            }
        }
    }
    if (std::string_view fill = n.view("fill"); !fill.empty()) t.freeze = fill == "freeze";
    return t;
}

}  // namespace vitrine
