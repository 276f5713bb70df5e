#pragma once
// What an element's begin, dur, end and fill attributes say, read one way for everything
// with a time: the elements the timeline places and the marks, routes and flights on a map.

#include <optional>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "base/time_value.h"

namespace vitrine {

struct TimingAttributes {
    Micros begin = 0;              // offset from where the parent places it
    std::optional<Micros> simple;  // one iteration's length, from dur or else from end - begin
    bool indefinite = false;       // dur="indefinite"
    std::optional<bool> freeze;    // fill="freeze" (true) or another fill (false); none when not written
};

/// Reads `n`'s timing attributes. A negative dur or an end before begin says nothing of the
/// length; with `diagnostics`, each is reported, as is an end given beside a dur (dur wins).
TimingAttributes readTimingAttributes(const ScriptNode& n, Diagnostics* diagnostics = nullptr);

}  // namespace vitrine
