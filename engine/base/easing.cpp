#include "base/easing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "base/number_text.h"

namespace vitrine {
namespace {

using Curve = double (*)(double);

double linear(double p) { return p; }
double sineIn(double p) { return 1 - std::cos(p * std::numbers::pi / 2); }
double sineOut(double p) { return std::sin(p * std::numbers::pi / 2); }
double sineInOut(double p) { return -(std::cos(std::numbers::pi * p) - 1) / 2; }
double cubicIn(double p) { return p * p * p; }
double cubicOut(double p) { return 1 - std::pow(1 - p, 3); }
double cubicInOut(double p) { return p < 0.5 ? 4 * p * p * p : 1 - std::pow(-2 * p + 2, 3) / 2; }
double quintIn(double p) { return std::pow(p, 5); }
double quintOut(double p) { return 1 - std::pow(1 - p, 5); }
double quintInOut(double p) { return p < 0.5 ? 16 * std::pow(p, 5) : 1 - std::pow(-2 * p + 2, 5) / 2; }
// The exponential curves never reach 0 or 1 on their own; pin the ends.
double expoIn(double p) { return p <= 0 ? 0 : std::pow(2, 10 * p - 10); }
double expoOut(double p) { return p >= 1 ? 1 : 1 - std::pow(2, -10 * p); }
double expoInOut(double p) {
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    return p < 0.5 ? std::pow(2, 20 * p - 10) / 2 : (2 - std::pow(2, -20 * p + 10)) / 2;
}

struct NamedCurve {
    const char* name;
    Curve curve;
};

constexpr NamedCurve kCurves[] = {
    {"linear", linear},         {"sine-in", sineIn},       {"sine-out", sineOut},
    {"sine-in-out", sineInOut}, {"cubic-in", cubicIn},     {"cubic-out", cubicOut},
    {"cubic-in-out", cubicInOut}, {"quint-in", quintIn},   {"quint-out", quintOut},
    {"quint-in-out", quintInOut}, {"expo-in", expoIn},     {"expo-out", expoOut},
    {"expo-in-out", expoInOut},
};

// CSS's keyword curves, expressed as the Bézier curves CSS defines them as.
struct BezierAlias {
    const char* name;
    double x1, y1, x2, y2;
};
constexpr BezierAlias kBezierAliases[] = {
    {"ease", 0.25, 0.1, 0.25, 1.0},
    {"ease-in", 0.42, 0.0, 1.0, 1.0},
    {"ease-out", 0.0, 0.0, 0.58, 1.0},
    {"ease-in-out", 0.42, 0.0, 0.58, 1.0},
};

double bezierComponent(double t, double a, double b) {
    // One coordinate of a cubic Bézier from (0,0) to (1,1) with control values a, b.
    double u = 1 - t;
    return 3 * u * u * t * a + 3 * u * t * t * b + t * t * t;
}

double bezierSlope(double t, double a, double b) {
    double u = 1 - t;
    return 3 * u * u * a + 6 * u * t * (b - a) + 3 * t * t * (1 - b);
}

double solveBezier(double x, double x1, double y1, double x2, double y2) {
    constexpr int kNewtonSteps = 8;
    constexpr int kBisectionSteps = 40;
    constexpr double kEpsilon = 1e-9;
    double t = x;
    for (int i = 0; i < kNewtonSteps; ++i) {
        double err = bezierComponent(t, x1, x2) - x;
        if (std::abs(err) < kEpsilon) return bezierComponent(t, y1, y2);
        double slope = bezierSlope(t, x1, x2);
        if (std::abs(slope) < 1e-6) break;
        t -= err / slope;
    }
    // Newton can wander for flat curves; bisection always converges because x(t) is monotonic.
    double lo = 0, hi = 1;
    t = x;
    for (int i = 0; i < kBisectionSteps; ++i) {
        double v = bezierComponent(t, x1, x2);
        if (std::abs(v - x) < kEpsilon) break;
        (v < x ? lo : hi) = t;
        t = (lo + hi) / 2;
    }
    return bezierComponent(t, y1, y2);
}

}  // namespace

double Easing::apply(double p) const {
    p = std::clamp(p, 0.0, 1.0);
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    if (kind == Kind::CubicBezier) return solveBezier(p, x1, y1, x2, y2);
    return kCurves[namedIndex].curve(p);
}

Easing linearEasing() { return Easing{}; }

std::optional<Easing> parseEasing(std::string_view text) {
    text = trimWhitespace(text);
    for (size_t i = 0; i < std::size(kCurves); ++i)
        if (text == kCurves[i].name) return Easing{Easing::Kind::Named, static_cast<int>(i)};
    for (const auto& alias : kBezierAliases)
        if (text == alias.name)
            return Easing{Easing::Kind::CubicBezier, 0, alias.x1, alias.y1, alias.x2, alias.y2};

    constexpr std::string_view kPrefix = "cubic-bezier(";
    if (text.substr(0, kPrefix.size()) != kPrefix || text.back() != ')') return std::nullopt;
    std::string_view args = text.substr(kPrefix.size(), text.size() - kPrefix.size() - 1);
    double v[4];
    for (int i = 0; i < 4; ++i) {
        size_t comma = args.find(',');
        if ((i < 3) != (comma != std::string_view::npos)) return std::nullopt;
        auto n = parseNumber(args.substr(0, comma));
        if (!n) return std::nullopt;
        v[i] = *n;
        args = i < 3 ? args.substr(comma + 1) : std::string_view{};
    }
    // CSS requires x in [0,1] so that time stays monotonic.
    if (v[0] < 0 || v[0] > 1 || v[2] < 0 || v[2] > 1) return std::nullopt;
    return Easing{Easing::Kind::CubicBezier, 0, v[0], v[1], v[2], v[3]};
}

const std::vector<std::string>& easingNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& c : kCurves) n.emplace_back(c.name);
        for (const auto& a : kBezierAliases) n.emplace_back(a.name);
        n.emplace_back("cubic-bezier(x1, y1, x2, y2)");
        return n;
    }();
    return names;
}

}  // namespace vitrine
