#include "map/projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vitrine::map {

namespace {

constexpr double pi = std::numbers::pi;
constexpr double degree = pi / 180.0;
// The LCC cone's far pole maps to infinity; stop this short of it.
constexpr double poleMarginDegrees = 1e-7;
// Below this |φ1 − φ2| (radians) the two-parallel cone constant is 0/0; use the tangent cone.
constexpr double equalParallelsTolerance = 1e-10;

// Longitude difference folded into [-π, π] so a point just across the antimeridian
// stays next to its neighbours.
double wrapRadians(double a) {
    a = std::remainder(a, 2.0 * pi);
    return a;
}

double tanHalfColat(double phi) { return std::tan(pi / 4.0 + phi / 2.0); }

// Equal Earth's polynomial coefficients and M = √3/2 (Šavrič et al., equations 1 and 2).
constexpr double eeA1 = 1.340264, eeA2 = -0.081106, eeA3 = 0.000893, eeA4 = 0.003796;
const double eeM = std::sqrt(3.0) / 2.0;
// Newton steps for θ from y: the series converges to 1e-12 in three or four from θ = y.
constexpr int eeIterations = 12;
constexpr double eeTolerance = 1e-12;

// y/R as a function of the parametric latitude θ, and its derivative.
double eeY(double t) {
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return t * (eeA1 + eeA2 * t2 + t6 * (eeA3 + eeA4 * t2));
}
double eeDy(double t) {
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return eeA1 + 3.0 * eeA2 * t2 + t6 * (7.0 * eeA3 + 9.0 * eeA4 * t2);
}

}  // namespace

Projection Projection::webMercator(double radius) {
    Projection p;
    p.kind_ = ProjectionKind::WebMercator;
    p.radius_ = radius;
    return p;
}

Projection Projection::equirectangular(double standardParallel, double centralMeridian, double radius) {
    Projection p;
    p.kind_ = ProjectionKind::Equirectangular;
    p.radius_ = radius;
    p.centralMeridian_ = centralMeridian * degree;
    p.cosParallel_ = std::cos(standardParallel * degree);
    return p;
}

Projection Projection::lambertConformalConic(double parallel1, double parallel2, double originLatitude,
                                             double centralMeridian, double radius) {
    Projection p;
    p.kind_ = ProjectionKind::LambertConformalConic;
    p.radius_ = radius;
    p.centralMeridian_ = centralMeridian * degree;
    const double phi1 = parallel1 * degree;
    const double phi2 = parallel2 * degree;
    const double phi0 = originLatitude * degree;
    // Snyder (15-3), (15-2), (15-1a).
    if (std::abs(phi1 - phi2) < equalParallelsTolerance) {
        p.n_ = std::sin(phi1);
    } else {
        p.n_ = std::log(std::cos(phi1) / std::cos(phi2)) /
               std::log(tanHalfColat(phi2) / tanHalfColat(phi1));
    }
    p.f_ = std::cos(phi1) * std::pow(tanHalfColat(phi1), p.n_) / p.n_;
    p.rho0_ = radius * p.f_ / std::pow(tanHalfColat(phi0), p.n_);
    return p;
}

Projection Projection::equalEarth(double centralMeridian, double radius) {
    Projection p;
    p.kind_ = ProjectionKind::EqualEarth;
    p.radius_ = radius;
    p.centralMeridian_ = centralMeridian * degree;
    return p;
}

Point2 Projection::forward(Point2 lonLat) const {
    const double lambda = wrapRadians(lonLat.x * degree - centralMeridian_);
    switch (kind_) {
    case ProjectionKind::WebMercator: {
        const double lat = std::clamp(lonLat.y, -mercatorMaxLatitude, mercatorMaxLatitude);
        // asinh(tan φ) = ln tan(π/4 + φ/2), exact at the equator.
        return {radius_ * lambda, radius_ * std::asinh(std::tan(lat * degree))};
    }
    case ProjectionKind::Equirectangular:
        return {radius_ * lambda * cosParallel_, radius_ * lonLat.y * degree};
    case ProjectionKind::LambertConformalConic: {
        // The cone opens toward the pole on the other side of n's sign.
        const double limit = 90.0 - poleMarginDegrees;
        const double lat = n_ > 0 ? std::max(lonLat.y, -limit) : std::min(lonLat.y, limit);
        const double rho = radius_ * f_ / std::pow(tanHalfColat(lat * degree), n_);
        const double theta = n_ * lambda;
        return {rho * std::sin(theta), rho0_ - rho * std::cos(theta)};
    }
    case ProjectionKind::EqualEarth: {
        const double theta = std::asin(eeM * std::sin(std::clamp(lonLat.y, -90.0, 90.0) * degree));
        return {radius_ * lambda * std::cos(theta) / (eeM * eeDy(theta)), radius_ * eeY(theta)};
    }
    }
    return {};
}

Point2 Projection::inverse(Point2 xy) const {
    double lambda = 0.0;
    double phi = 0.0;
    switch (kind_) {
    case ProjectionKind::WebMercator:
        lambda = xy.x / radius_;
        phi = std::atan(std::sinh(xy.y / radius_));
        break;
    case ProjectionKind::Equirectangular:
        lambda = xy.x / (radius_ * cosParallel_);
        phi = xy.y / radius_;
        break;
    case ProjectionKind::LambertConformalConic: {
        // Snyder (14-10), (15-9), (14-11), (15-5) with the sign of n carried through.
        const double sign = n_ < 0 ? -1.0 : 1.0;
        const double dy = rho0_ - xy.y;
        const double rho = sign * std::hypot(xy.x, dy);
        const double theta = std::atan2(sign * xy.x, sign * dy);
        if (rho == 0.0) {
            phi = sign * pi / 2.0;
        } else {
            phi = 2.0 * std::atan(std::pow(radius_ * f_ / rho, 1.0 / n_)) - pi / 2.0;
        }
        lambda = theta / n_;
        break;
    }
    case ProjectionKind::EqualEarth: {
        // θ from y by Newton's method, then λ and φ in closed form (the paper's inverse).
        const double y = std::clamp(xy.y / radius_, -eeY(pi / 3.0), eeY(pi / 3.0));
        double theta = y;
        for (int i = 0; i < eeIterations; ++i) {
            const double step = (eeY(theta) - y) / eeDy(theta);
            theta -= step;
            if (std::abs(step) < eeTolerance) break;
        }
        lambda = eeM * (xy.x / radius_) * eeDy(theta) / std::cos(theta);
        phi = std::asin(std::clamp(std::sin(theta) / eeM, -1.0, 1.0));
        break;
    }
    }
    return {wrapRadians(lambda + centralMeridian_) / degree, phi / degree};
}

}  // namespace vitrine::map
