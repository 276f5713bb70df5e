#pragma once
// How legible a style is where it is shown: the WCAG 2 contrast ratio of its colour
// against its own background box, or the background of the scene it is shown on, with
// the verdict in plain words for the style editor.

#include <string>
#include <string_view>

#include "script/script.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// The background a style is read against and where it comes from.
struct ShownBackground {
    Color color{0, 0, 0, 255};
    std::string description;  // "the background of scene 'opening'", "the exhibit's background"
};

/// The background of the first scene that shows a text in the style `id`, or the exhibit's.
ShownBackground backgroundWhereShown(const Show& show, const Script& script, std::string_view id);

/// True for what WCAG calls large text: 24 px and up, or 18.66 px and up in bold.
bool isLargeText(const TextStyle& style);

/// The contrast of a style and what it means.
struct StyleContrast {
    double ratio = 1;
    Color text, background;  // as the eye sees them: translucent colours composited
    std::string against;     // "its own background box" or the shown background's description
    bool large = false;      // isLargeText
    bool warn = false;       // below 4.5:1, WCAG's AA for body text
    std::string verdict;     // "7.2:1 against …: passes AAA …"
};

/// The contrast of `style`'s colour against its background box (over `shown`) when it has
/// one, or against `shown`.
StyleContrast styleContrast(const TextStyle& style, const ShownBackground& shown);

/// A ratio as WCAG reads it, never rounded up (4.49 is "4.4:1", not a pass): "4.4:1".
std::string formatRatio(double ratio);

}  // namespace vitrine::studio
