#pragma once
// Positions a person types ("testimony", "testimony+5s", "2:30") resolved on a Show,
// and the media the show will need soon (for loading ahead).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "timeline/show.h"

namespace vitrine {

/// Resolves "SCENE", "SCENE+TIME" or "TIME" to a show time, or the Error saying why not:
/// the scene is unknown, or the time is malformed or outside the show.
Result<Micros> resolvePosition(const Show& show, std::string_view text);

/// Indices of the image items with a file (placeholders excluded) visible at some instant of
/// [from, to], wrapping past the end to the start when `loop` is set; first needed first.
/// Items, not paths: one file shown in two boxes is decoded at two sizes.
std::vector<int> imageItemsNeeded(const Show& show, Micros from, Micros to, bool loop);

/// The same for video items with a file: the window that opens videos ahead.
std::vector<int> videoItemsNeeded(const Show& show, Micros from, Micros to, bool loop);

/// Wraps t into [0, duration) for a looping show.
Micros wrapTime(const Show& show, Micros t);

}  // namespace vitrine
