#pragma once
// What a visitor would suffer, found while compiling: text shown too briefly to read, media
// without a credit, speech without captions, scenes that overlap. Warnings, never errors.

#include "diag/diagnostic.h"
#include "timeline/show.h"

namespace vitrine {

/// Warns about `item` as compiled: its reading time at `readingPace` words a minute, its
/// credit, its captions.
void warnAboutItem(const Item& item, double readingPace, Diagnostics& diagnostics);

/// Warns about scenes that begin before the one before them ends.
void warnAboutScenes(const Show& show, Diagnostics& diagnostics);

}  // namespace vitrine
