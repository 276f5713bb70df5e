#include "map/projected_lines.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vitrine::map {
namespace {

// Routes: points along each line, and how far it bows away from its chord (a sine bump
// of this fraction of the chord's length).
constexpr int kRouteSamples = 96;
constexpr double kRouteBow = 0.14;

constexpr double kGraticuleSampleDegrees = 0.5;  // between a line's points: smooth curves at any zoom shown
constexpr double kSeamInsetDegrees = 1e-6;  // keeps a parallel's ends on their own side of the seam
// Latitudes a graticule spans: Web Mercator's square world; a conic's open side stops
// where the layers stop drawing land.
constexpr double kMercatorGraticuleLimit = 85.0;
constexpr double kConicFarLimit = 60.0;
constexpr double kConicNearLimit = 84.0;
constexpr double kPolarLimit = 90.0;

}  // namespace

// Meridians and parallels every `step` degrees across the strip of one turn around the
// central meridian, each sampled finely and projected.
std::vector<GraticuleLine> graticuleLines(const ProjectionSpec& spec, const Projection& projection, double step) {
    double south = -kPolarLimit, north = kPolarLimit;
    if (spec.kind == ProjectionKind::WebMercator) south = -kMercatorGraticuleLimit, north = kMercatorGraticuleLimit;
    if (spec.kind == ProjectionKind::LambertConformalConic) {
        bool northern = spec.parallel1 + spec.parallel2 >= 0;
        south = northern ? -kConicFarLimit : -kConicNearLimit;
        north = northern ? kConicNearLimit : kConicFarLimit;
    }
    const double west = spec.centralMeridian - 180 + kSeamInsetDegrees, east = spec.centralMeridian + 180 - kSeamInsetDegrees;
    std::vector<GraticuleLine> lines;
    auto finish = [&](GraticuleLine& line) {
        std::erase_if(line.points, [](const Point2& p) { return !std::isfinite(p.x) || !std::isfinite(p.y); });
        if (line.points.size() < 2) return;
        line.bounds = {line.points[0].x, line.points[0].y, line.points[0].x, line.points[0].y};
        for (const Point2& p : line.points) {
            line.bounds.west = std::min(line.bounds.west, p.x);
            line.bounds.east = std::max(line.bounds.east, p.x);
            line.bounds.south = std::min(line.bounds.south, p.y);
            line.bounds.north = std::max(line.bounds.north, p.y);
        }
        lines.push_back(std::move(line));
    };
    auto sampled = [](double from, double to) {
        int n = std::max(1, int(std::ceil((to - from) / kGraticuleSampleDegrees)));
        std::vector<double> v(n + 1);
        for (int i = 0; i <= n; ++i) v[i] = from + (to - from) * i / n;
        return v;
    };
    for (double k = std::ceil(west / step); k * step <= east; ++k) {
        GraticuleLine line;
        line.meridian = true;
        line.degrees = std::remainder(k * step, 360.0);
        for (double lat : sampled(south, north)) line.points.push_back(projection.forward({k * step, lat}));
        finish(line);
    }
    for (double k = std::ceil(south / step); k * step <= north; ++k) {
        if (std::abs(k * step) >= kPolarLimit) continue;  // a pole is a point, not a line
        GraticuleLine line;
        line.meridian = false;
        line.degrees = k * step;
        for (double lon : sampled(west, east)) line.points.push_back(projection.forward({lon, k * step}));
        finish(line);
    }
    return lines;
}

// The line through `stops` in order, leg after leg. A curved leg is a flow line: the
// chord between the projected ends, bowed to one side so it reads as a movement rather
// than a border (and two opposite flows do not coincide). A great circle would be truer
// to the globe, but on a flat world map a long one leaves the frame over the pole; the
// bowed chord stays where the visitor is looking. A straight leg is the chord itself.
std::vector<Point2> routePath(const Projection& projection, const std::vector<Point2>& stops, bool curved) {
    std::vector<Point2> path;
    if (stops.empty()) return path;
    path.push_back(projection.forward(stops.front()));
    for (std::size_t leg = 1; leg < stops.size(); ++leg) {
        Point2 p0 = path.back(), p1 = projection.forward(stops[leg]);
        double dx = p1.x - p0.x, dy = p1.y - p0.y, chord = std::hypot(dx, dy);
        // The bow points to the chord's northern side (east for a due north–south chord).
        Point2 normal = chord > 0 ? Point2{-dy / chord, dx / chord} : Point2{0, 0};
        if (normal.y < 0 || (normal.y == 0 && normal.x < 0)) normal = {-normal.x, -normal.y};
        const int samples = curved ? kRouteSamples : 1;
        for (int i = 1; i <= samples; ++i) {  // the leg's first point ends the leg before
            double f = double(i) / samples;
            double offset = curved ? kRouteBow * chord * std::sin(std::numbers::pi * f) : 0.0;
            path.push_back({p0.x + f * dx + normal.x * offset, p0.y + f * dy + normal.y * offset});
        }
    }
    return path;
}

}  // namespace vitrine::map
