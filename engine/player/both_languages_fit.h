#pragma once
// A site that shows two languages at once (`both`) sets each text's second language below or
// beside its first; the boxes were sized by the designer for one. Here a scene whose texts no
// longer fit their boxes is set smaller, all its two-language texts by one factor, so that
// they fit and the scene's hierarchy of sizes (title, subtitle, body) holds.

#include <vector>

#include "text/font_library.h"
#include "timeline/show.h"

namespace vitrine {

/// The smallest share of the designer's size a text is set at to fit in `both`: 70 % of a
/// body at the design's usual 34-44 px is still about 24 px on a 1080-line wall, legible from
/// across a room (a few metres); smaller would trade an overflow for text nobody reads.
inline constexpr double kBothFitFloor = 0.7;

/// The factor, in [kBothFitFloor, 1], that the texts `texts` (indices into show.items) are
/// set at together: 1 when they all fit their boxes as written, else the largest that makes
/// them all fit (to within a hundredth), else the floor (what still overflows is reported).
double bothFitFactor(const Show& show, const std::vector<int>& texts, const text::FontLibrary& fonts);

/// Sets the two-language texts `texts` (indices into show.items, the texts chooseLanguages
/// set in `both`) smaller where they do not fit: each scene's by its bothFitFactor, every
/// size in them (the text's, each paragraph's) times it. A credits roll fits by rolling and
/// is left as it is.
void fitBothLanguages(Show& show, const std::vector<int>& texts, const text::FontLibrary& fonts);

}  // namespace vitrine
