#include "installation/blend.h"

#include <algorithm>
#include <cmath>

namespace vitrine::installation {

namespace {
constexpr double kHalf = 0.5;
}

double blendLight(const BlendEdge& edge, double distance) {
    if (edge.width <= 0) return 1;
    double x = std::clamp(distance / edge.width, 0.0, 1.0);
    double p = std::max(edge.curve, 0.01);
    // Paul Bourke's edge-blend curve: f(x) + f(1 − x) == 1 for every x.
    if (x < kHalf) return kHalf * std::pow(2 * x, p);
    return 1 - kHalf * std::pow(2 * (1 - x), p);
}

double blendFactor(const BlendEdge& edge, double distance) {
    double light = blendLight(edge, distance);
    double gamma = std::max(edge.gamma, 0.01);
    return std::pow(light, 1.0 / gamma);
}

double blendFactorAt(const Blend& b, double x, double y, double width, double height) {
    return blendFactor(b.left, x) * blendFactor(b.right, width - x) * blendFactor(b.top, y) *
           blendFactor(b.bottom, height - y);
}

bool outsideBlendZones(const Blend& b, double x, double y, double width, double height) {
    auto outside = [](const BlendEdge& e, double d) { return e.width <= 0 || d >= e.width; };
    return outside(b.left, x) && outside(b.right, width - x) && outside(b.top, y) && outside(b.bottom, height - y);
}

double blendedValue(double value, double factor, double blackLevel, bool lifted) {
    double lift = lifted ? std::clamp(blackLevel, 0.0, 1.0) : 0.0;
    return lift + (1 - lift) * value * factor;
}

}  // namespace vitrine::installation
