#pragma once
// Parsers for the attribute values of the exhibit format. Each returns nullopt when the
// text is not a valid value, so the caller can say where and why.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/easing.h"
#include "base/number_text.h"  // parseNumber: the one number grammar, for scripts and easings alike
#include "base/time_value.h"
#include "base/values.h"

namespace vitrine {

/// How one scene replaces the previous one.
struct TransitionSpec {
    enum class Kind { Cut, Fade, Dip, SlideLeft, SlideRight, SlideUp, SlideDown };
    Kind kind = Kind::Cut;
    Micros duration = 0;
    Easing easing = linearEasing();
};

/// Pan-zoom from one visible part of an image to another.
struct PanZoomSpec {
    LengthRect from, to;
};

/// The value without the whitespace around it, which is no part of any value (the schema's
/// xs:token drops it too).
std::string_view trimValue(std::string_view text);

std::optional<Color> parseColor(std::string_view text);
std::optional<Length> parseLength(std::string_view text);
std::optional<PixelSize> parseSize(std::string_view text);
std::optional<bool> parseBool(std::string_view text);
/// A positive repeat count, or +infinity for "indefinite".
std::optional<double> parseRepeat(std::string_view text);
/// "cut", "fade 1.5s", "dip 2s sine-in-out", "slide-left 800ms".
std::optional<TransitionSpec> parseTransition(std::string_view text);
/// "0,0,100%,100% → 10%,5%,80%,80%" (also "->").
std::optional<PanZoomSpec> parsePanZoom(std::string_view text);
/// Which point of a box an `anchor` names, as fractions of the box: (0,0) top-left, (0.5,0.5)
/// center, (1,1) bottom-right. Layout places a box by it and the studio writes boxes back by it.
struct AnchorPoint {
    double x = 0, y = 0;
};
AnchorPoint parseAnchor(std::string_view text);
/// "lon,lat".
std::optional<LonLat> parseLonLat(std::string_view text);
/// "lon,lat → lon,lat".
std::optional<std::pair<LonLat, LonLat>> parseView(std::string_view text);
/// Whether `tag` is a well-formed BCP 47 language tag by RFC 5646's syntax ("en",
/// "hy-Latn", "zh-Hant-TW", "x-museum"); says nothing of whether its subtags are registered.
bool isWellFormedLanguageTag(std::string_view tag);
/// Well-formed BCP 47 language tags separated by spaces or commas: "en hy".
std::optional<std::vector<std::string>> parseLanguages(std::string_view text);

/// Names of the transition kinds as written, for messages.
std::vector<std::string> transitionNames();

}  // namespace vitrine
