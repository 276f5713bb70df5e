#pragma once
// What a visitor would suffer, found while compiling: text shown too briefly to read, media
// without a credit, speech without captions, scenes that overlap. Warnings, never errors.

#include <string>

#include "diag/diagnostic.h"
#include "timeline/show.h"

namespace vitrine {

/// Warns about `item` as compiled: its reading time at `readingPace` words a minute (of its
/// longest language, each read alone; paragraphs without lang are in `mainLanguage`), its
/// credit, its captions.
void warnAboutItem(const Item& item, double readingPace, const std::string& mainLanguage, Diagnostics& diagnostics);

/// Warns about scenes that begin before the one before them ends.
void warnAboutScenes(const Show& show, Diagnostics& diagnostics);

}  // namespace vitrine
