#pragma once
// Parsers for the attribute values of the exhibit format. Each returns nullopt when the
// text is not a valid value, so the caller can say where and why.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timeline/easing.h"
#include "timeline/time_value.h"

namespace vitrine {

/// An 8-bit RGBA colour.
struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

/// A length as written: pixels or a percentage of a reference size.
struct Length {
    double value = 0;
    bool percent = false;
    /// Pixels, given the size that 100% stands for.
    double resolve(double reference) const { return percent ? value * reference / 100.0 : value; }
};

/// Width and height in pixels, e.g. the design canvas.
struct PixelSize {
    int width = 0, height = 0;
    friend bool operator==(const PixelSize&, const PixelSize&) = default;
};

/// How one scene replaces the previous one.
struct TransitionSpec {
    enum class Kind { Cut, Fade, Dip, SlideLeft, SlideRight, SlideUp, SlideDown };
    Kind kind = Kind::Cut;
    Micros duration = 0;
    Easing easing = linearEasing();
};

/// A rectangle written as x,y,w,h where each part is px or %.
struct LengthRect {
    Length x, y, width, height;
};

/// Pan-zoom from one visible part of an image to another.
struct PanZoomSpec {
    LengthRect from, to;
};

/// A place given as lon,lat (a name is resolved later, by the map).
struct LonLat {
    double lon = 0, lat = 0;
};

std::optional<Color> parseColor(std::string_view text);
std::optional<Length> parseLength(std::string_view text);
std::optional<PixelSize> parseSize(std::string_view text);
std::optional<bool> parseBool(std::string_view text);
std::optional<double> parseNumber(std::string_view text);
/// A positive repeat count, or +infinity for "indefinite".
std::optional<double> parseRepeat(std::string_view text);
/// "cut", "fade 1.5s", "dip 2s sine-in-out", "slide-left 800ms".
std::optional<TransitionSpec> parseTransition(std::string_view text);
/// "0,0,100%,100% → 10%,5%,80%,80%" (also "->").
std::optional<PanZoomSpec> parsePanZoom(std::string_view text);
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
