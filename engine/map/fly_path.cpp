#include "map/fly_path.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitrine::map {

namespace {

// Below this distance (as a fraction of the smaller width) the centres count as
// equal: the general formula divides by the distance and loses all precision.
constexpr double panlessFraction = 1e-9;

}  // namespace

FlyPath::FlyPath(Point2 startCentre, double startWidth, Point2 endCentre, double endWidth, double rho)
    : c0_(startCentre),
      c1_(endCentre),
      w0_(std::max(startWidth, std::numeric_limits<double>::min())),
      w1_(std::max(endWidth, std::numeric_limits<double>::min())),
      rho_(rho) {
    distance_ = std::hypot(c1_.x - c0_.x, c1_.y - c0_.y);
    if (distance_ <= panlessFraction * std::min(w0_, w1_)) {
        // Pure zoom: w(s) = w0·e^(±ρs), S = |ln(w1/w0)| / ρ (van Wijk & Nuij §5.3).
        panless_ = true;
        length_ = std::abs(std::log(w1_ / w0_)) / rho_;
        return;
    }
    // Equations (9)–(10): r(i) = ln(−b_i + sqrt(b_i² + 1)) = −asinh(b_i), the latter
    // without the cancellation for large b_i.
    const double rho2 = rho_ * rho_;
    const double rho4u2 = rho2 * rho2 * distance_ * distance_;
    const double b0 = (w1_ * w1_ - w0_ * w0_ + rho4u2) / (2.0 * w0_ * rho2 * distance_);
    const double b1 = (w1_ * w1_ - w0_ * w0_ - rho4u2) / (2.0 * w1_ * rho2 * distance_);
    r0_ = -std::asinh(b0);
    const double r1 = -std::asinh(b1);
    length_ = (r1 - r0_) / rho_;
}

ViewState FlyPath::at(double t) const {
    if (!(t > 0.0)) return {c0_, w0_};  // also catches NaN
    if (t >= 1.0) return {c1_, w1_};
    const double s = t * length_;
    if (panless_) {
        const double direction = w1_ < w0_ ? -1.0 : 1.0;
        const Point2 centre{c0_.x + t * (c1_.x - c0_.x), c0_.y + t * (c1_.y - c0_.y)};
        return {centre, w0_ * std::exp(direction * rho_ * s)};
    }
    // Equation (11): u(s) and w(s).
    const double rho2 = rho_ * rho_;
    const double u = w0_ / rho2 * (std::cosh(r0_) * std::tanh(rho_ * s + r0_) - std::sinh(r0_));
    const double w = w0_ * std::cosh(r0_) / std::cosh(rho_ * s + r0_);
    const double along = std::clamp(u / distance_, 0.0, 1.0);
    return {{c0_.x + along * (c1_.x - c0_.x), c0_.y + along * (c1_.y - c0_.y)}, w};
}

}  // namespace vitrine::map
