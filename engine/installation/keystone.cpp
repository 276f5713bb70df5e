#include "installation/keystone.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace vitrine::installation {

namespace {

// Below this a pivot is treated as zero: the corners are (nearly) collinear.
constexpr double kSingularPivot = 1e-12;
constexpr int kUnknowns = 8;

// Solves a·x = b (8×8) by Gaussian elimination with partial pivoting.
std::optional<std::array<double, kUnknowns>> solve(std::array<std::array<double, kUnknowns + 1>, kUnknowns> a) {
    for (int col = 0; col < kUnknowns; ++col) {
        int pivot = col;
        for (int r = col + 1; r < kUnknowns; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
        if (std::abs(a[pivot][col]) < kSingularPivot) return std::nullopt;
        std::swap(a[col], a[pivot]);
        for (int r = 0; r < kUnknowns; ++r) {
            if (r == col) continue;
            double f = a[r][col] / a[col][col];
            for (int c = col; c <= kUnknowns; ++c) a[r][c] -= f * a[col][c];
        }
    }
    std::array<double, kUnknowns> x{};
    for (int i = 0; i < kUnknowns; ++i) x[i] = a[i][kUnknowns] / a[i][i];
    return x;
}

// Twice the signed area of triangle (a, b, c): zero when the three are on a line.
double cross(Point a, Point b, Point c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

bool degenerate(const Quad& q) {
    double scale = 0;
    for (const auto& p : q) scale = std::max({scale, std::abs(p.x), std::abs(p.y), 1.0});
    const double eps = 1e-9 * scale * scale;
    for (int i = 0; i < 4; ++i)
        if (std::abs(cross(q[i], q[(i + 1) % 4], q[(i + 2) % 4])) < eps) return true;
    return false;
}

}  // namespace

Homography::Homography() : m_{1, 0, 0, 0, 1, 0, 0, 0, 1} {}

std::optional<Homography> Homography::fromCorners(const Quad& from, const Quad& to) {
    if (degenerate(from) || degenerate(to)) return std::nullopt;
    // x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' likewise with h3..h5: two linear
    // equations per corner, eight unknowns.
    std::array<std::array<double, kUnknowns + 1>, kUnknowns> a{};
    for (int i = 0; i < 4; ++i) {
        double x = from[i].x, y = from[i].y, u = to[i].x, v = to[i].y;
        a[2 * i] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
        a[2 * i + 1] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    auto h = solve(a);
    if (!h) return std::nullopt;
    return Homography({(*h)[0], (*h)[1], (*h)[2], (*h)[3], (*h)[4], (*h)[5], (*h)[6], (*h)[7], 1});
}

Point Homography::apply(Point p) const {
    double w = m_[6] * p.x + m_[7] * p.y + m_[8];
    return {(m_[0] * p.x + m_[1] * p.y + m_[2]) / w, (m_[3] * p.x + m_[4] * p.y + m_[5]) / w};
}

std::optional<Homography> Homography::inverse() const {
    const auto& m = m_;
    double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
    double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
    if (std::abs(det) < kSingularPivot) return std::nullopt;
    std::array<double, 9> inv = {
        c00, m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
        c01, m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
        c02, m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3],
    };
    double norm = inv[8];
    if (std::abs(norm) < kSingularPivot) norm = det;
    for (auto& v : inv) v /= norm;
    return Homography(inv);
}

Quad rectangleCorners(double width, double height) { return {{{0, 0}, {width, 0}, {width, height}, {0, height}}}; }

}  // namespace vitrine::installation
