#pragma once
// An <animate> element read into an Animation in its item's local time: the property, its
// from and to values (numbers, lengths against the canvas, colours), timing and easing.

#include <optional>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "script/values.h"
#include "timeline/show.h"

namespace vitrine {

/// The animation `n` describes, for an item active for `itemLength`; nullopt (reported to
/// `diagnostics`) when it names no property or its values do not read.
std::optional<Animation> readAnimation(const ScriptNode& n, Micros itemLength, PixelSize canvas, Diagnostics& diagnostics);

}  // namespace vitrine
