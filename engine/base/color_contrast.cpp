#include "base/color_contrast.h"

#include <algorithm>
#include <cmath>

namespace vitrine {
namespace {

// One sRGB channel, 0-255, to linear light (WCAG 2's formula and threshold).
double linear(std::uint8_t channel) {
    double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::uint8_t mix(std::uint8_t over, std::uint8_t under, double alpha) {
    return static_cast<std::uint8_t>(std::lround(over * alpha + under * (1 - alpha)));
}

}  // namespace

Color composite(Color over, Color under) {
    double alpha = over.a / 255.0;
    return Color{mix(over.r, under.r, alpha), mix(over.g, under.g, alpha), mix(over.b, under.b, alpha), under.a};
}

double relativeLuminance(Color c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrastRatio(Color a, Color b) {
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace vitrine
