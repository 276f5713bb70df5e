#pragma once
// Keystone correction as a homography: the four corners of a canvas region are moved
// to where the projector needs them, and every point in between follows projectively.

#include <array>
#include <optional>

namespace vitrine::installation {

/// A point in pixels.
struct Point {
    double x = 0, y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// Corners in the order top-left, top-right, bottom-right, bottom-left.
using Quad = std::array<Point, 4>;

/// A 3×3 projective transform, row-major, normalised so that m[8] == 1 where it can be.
class Homography {
public:
    /// The identity.
    Homography();
    /// The transform taking each `from[i]` to `to[i]`; nullopt when either quad is
    /// degenerate (three corners on a line), since no transform exists then.
    static std::optional<Homography> fromCorners(const Quad& from, const Quad& to);

    /// Where `p` lands.
    Point apply(Point p) const;
    /// The transform that undoes this one; nullopt when singular.
    std::optional<Homography> inverse() const;
    /// Row-major coefficients (for shaders and tests).
    const std::array<double, 9>& matrix() const { return m_; }

private:
    explicit Homography(const std::array<double, 9>& m) : m_(m) {}
    std::array<double, 9> m_;
};

/// The corners of a w×h rectangle at the origin, in Quad order.
Quad rectangleCorners(double width, double height);

}  // namespace vitrine::installation
