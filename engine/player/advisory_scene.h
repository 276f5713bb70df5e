#pragma once
// Finds the content advisory in a compiled show, for the installation's advisory policy.

#include <optional>

#include "script/script.h"
#include "timeline/show.h"

namespace vitrine {

/// The start of the first scene written as an <advisory> in `script` (compiled into
/// `show`), or nullopt when the exhibit has none.
std::optional<Micros> advisoryStart(const Script& script, const Show& show);

}  // namespace vitrine
