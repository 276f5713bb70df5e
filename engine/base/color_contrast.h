#pragma once
// How far apart two colours are for a reader: WCAG 2's relative luminance and contrast
// ratio, so the studio's style editor (and any check of legibility) measures text against
// its background the way accessibility guidelines do.

#include "base/values.h"

namespace vitrine {

/// `over` drawn on `under` by its alpha; the result is as opaque as `under`.
Color composite(Color over, Color under);

/// WCAG 2 relative luminance of a colour's red, green and blue (alpha is ignored): 0 for
/// black, 1 for white.
double relativeLuminance(Color c);

/// WCAG 2 contrast ratio of two colours' red, green and blue, lighter over darker: from 1
/// (the same) to 21 (black and white). Composite translucent colours first.
double contrastRatio(Color a, Color b);

}  // namespace vitrine
