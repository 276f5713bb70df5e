#pragma once
// Easing: pure functions over normalised progress, looked up by the names designers write.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

/// A parsed easing: a named curve or a CSS-style cubic Bézier. Cheap to copy.
struct Easing {
    enum class Kind { Named, CubicBezier };
    Kind kind = Kind::Named;
    int namedIndex = 0;                        // index into easingNames() for Named
    double x1 = 0, y1 = 0, x2 = 1, y2 = 1;     // control points for CubicBezier

    /// Maps progress p (clamped to [0,1]) to eased progress; 0→0 and 1→1 exactly.
    double apply(double p) const;
};

/// The linear easing.
Easing linearEasing();

/// Parses "linear", "sine-in", "cubic-in-out", "expo-out", "ease", "ease-in-out",
/// "cubic-bezier(0.25, 0.1, 0.25, 1)" … Returns nullopt for unknown names or bad numbers.
std::optional<Easing> parseEasing(std::string_view text);

/// Every easing name the registry knows, for documentation and "did you mean".
const std::vector<std::string>& easingNames();

}  // namespace vitrine
