#include "map/fly_path.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace vitrine::map;

namespace {

constexpr int samples = 1000;

struct Steps {
    double maxCentre = 0.0;
    double maxLogWidth = 0.0;
    double peakWidth = 0.0;
};

Steps walk(const FlyPath& path) {
    Steps steps;
    ViewState previous = path.at(0.0);
    for (int i = 1; i <= samples; ++i) {
        const ViewState v = path.at(static_cast<double>(i) / samples);
        steps.maxCentre = std::max(steps.maxCentre, std::hypot(v.centre.x - previous.centre.x,
                                                               v.centre.y - previous.centre.y));
        steps.maxLogWidth = std::max(steps.maxLogWidth, std::abs(std::log(v.width / previous.width)));
        steps.peakWidth = std::max(steps.peakWidth, v.width);
        previous = v;
    }
    return steps;
}

}  // namespace

TEST_CASE("fly path from Baku to Moscow: exact ends, no jumps, zooms out on the way") {
    // Projected (Web Mercator, metres) centres of Baku and Moscow; widths of a city view.
    const Point2 baku{5551000.0, 4925000.0};
    const Point2 moscow{4187000.0, 7508000.0};
    const double width = 150000.0;
    const FlyPath path(baku, width, moscow, width);
    CHECK(path.at(0.0).centre == baku);
    CHECK(path.at(0.0).width == width);
    CHECK(path.at(1.0).centre == moscow);
    CHECK(path.at(1.0).width == width);
    CHECK(path.at(-1.0).centre == baku);  // clamped
    CHECK(path.at(2.0).centre == moscow);
    // Close to the ends the formula meets the exact endpoints (no jump at t = 1).
    const ViewState nearEnd = path.at(1.0 - 1e-9);
    CHECK(std::hypot(nearEnd.centre.x - moscow.x, nearEnd.centre.y - moscow.y) < 1.0);
    CHECK(nearEnd.width == doctest::Approx(width).epsilon(1e-6));

    const double distance = std::hypot(moscow.x - baku.x, moscow.y - baku.y);
    const Steps steps = walk(path);
    // With 1000 samples an even path steps 1/1000 of the way; allow the easing at most 5x.
    CHECK(steps.maxCentre < 5.0 * distance / samples);
    // |d ln w / ds| = ρ·|tanh(ρs + r0)| ≤ ρ, so no width step can exceed ρ·S/samples.
    CHECK(steps.maxLogWidth <= FlyPath::defaultRho * path.length() / samples * (1.0 + 1e-9));
    // It zooms out to see both cities, which are ~20 view widths apart.
    CHECK(steps.peakWidth > 5.0 * width);
    // Symmetric ends: the widest view is at the middle.
    CHECK(path.at(0.5).width == doctest::Approx(steps.peakWidth).epsilon(1e-3));
}

TEST_CASE("fly path with the same centre is a pure zoom") {
    const Point2 centre{100.0, 200.0};
    const FlyPath zoomIn(centre, 1000.0, centre, 10.0);
    CHECK(zoomIn.length() == doctest::Approx(std::log(100.0) / FlyPath::defaultRho));
    CHECK(zoomIn.at(0.5).centre == centre);
    CHECK(zoomIn.at(0.5).width == doctest::Approx(100.0));  // geometric mean: constant perceived speed
    CHECK(zoomIn.at(1.0).width == 10.0);
    const Steps steps = walk(zoomIn);
    CHECK(steps.maxCentre == 0.0);
    CHECK(steps.maxLogWidth == doctest::Approx(std::log(100.0) / samples).epsilon(1e-6));
    // Nothing to do at all.
    const FlyPath still(centre, 5.0, centre, 5.0);
    CHECK(still.length() == 0.0);
    CHECK(still.at(0.3).width == 5.0);
    CHECK(still.at(0.3).centre == centre);
}

TEST_CASE("fly path with a tiny but nonzero pan and a big zoom stays finite and continuous") {
    const FlyPath path({0.0, 0.0}, 1000.0, {1e-4, 0.0}, 1.0);
    const Steps steps = walk(path);
    CHECK(std::isfinite(steps.peakWidth));
    CHECK(steps.maxCentre <= 1e-4);
    CHECK(steps.maxLogWidth < 5.0 * std::log(1000.0) / samples);
}
