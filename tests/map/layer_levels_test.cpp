// Levels of detail of a layer's fill: which level a view's scale takes, how rings are
// simplified, and the levels projectLayer makes of a detailed coast.

#include "map/layer_levels.h"

#include "map/geojson.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace vitrine::map;

namespace {

ProjectedLayer withLevels(std::initializer_list<double> tolerances) {
    ProjectedLayer layer;
    for (double t : tolerances) layer.levels.push_back({t, {}});
    return layer;
}

// The area of triangles (three points each), in their units squared.
double triangleArea(const std::vector<Point2>& t) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < t.size(); i += 3)
        sum += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
    return sum;
}

}  // namespace

TEST_CASE("a view takes the coarsest level whose tolerance is at most half its pixel") {
    const ProjectedLayer layer = withLevels({500, 1000, 2000});
    CHECK(levelFor(layer, 999) == nullptr);  // 500 m is more than half of 999 m: the full fill
    REQUIRE(levelFor(layer, 1000) != nullptr);
    CHECK(levelFor(layer, 1000)->tolerance == 500);
    CHECK(levelFor(layer, 3999)->tolerance == 1000);
    CHECK(levelFor(layer, 4000)->tolerance == 2000);
    CHECK(levelFor(layer, 1e9)->tolerance == 2000);
    CHECK(levelFor(ProjectedLayer{}, 1e9) == nullptr);
}

TEST_CASE("simplified rings lose what is within the tolerance and keep what is beyond it") {
    // A square with a notch 1 deep in its south side, and a hole 3 wide.
    const std::vector<std::vector<Point2>> rings{{{0, 0}, {5, 0}, {5.5, 1}, {6, 0}, {10, 0}, {10, 10}, {0, 10}},
                                                 {{2, 2}, {5, 2}, {5, 5}, {2, 5}}};
    auto shallow = simplifiedRings(rings, rings, 0.5);
    REQUIRE(shallow.size() == 2);
    CHECK(shallow[0].size() == 7);  // the notch is 1 deep: kept
    auto deep = simplifiedRings(rings, rings, 2);
    REQUIRE(deep.size() == 2);
    CHECK(deep[0].size() == 4);  // the notch goes; the four corners stay
    CHECK(deep[1].size() == 4);
    // Measured on the projected points, applied to the others (here doubled).
    std::vector<std::vector<Point2>> doubled = rings;
    for (auto& r : doubled)
        for (Point2& p : r) p = {p.x * 2, p.y * 2};
    CHECK(simplifiedRings(rings, doubled, 1.5)[0].size() == 7);  // the notch is 2 deep projected
    // An exterior smaller than the tolerance takes its holes with it.
    const std::vector<std::vector<Point2>> sliver{{{0, 0}, {10, 0.1}, {20, 0}}, {{5, 0.01}, {6, 0.01}, {6, 0.02}}};
    CHECK(simplifiedRings(sliver, sliver, 1).empty());
}

TEST_CASE("a detailed coast gets coarser levels with fewer triangles and the same land") {
    // A disc of 5 degrees radius with 4000 points, a 30 km wobble on its edge every 9 degrees.
    GeoFeature island;
    island.id = "island";
    Ring ring;
    constexpr int kPoints = 4000;
    for (int i = 0; i <= kPoints; ++i) {
        const double a = 2 * std::numbers::pi * (i % kPoints) / kPoints;
        const double r = 5 + 0.27 * std::sin(40 * a);
        ring.push_back({45 + r * std::cos(a), 40 + r * std::sin(a)});
    }
    island.polygons.push_back({{ring}});
    GeoCollection collection;
    collection.features.push_back(island);
    ProjectionSpec conic;
    conic.parallel1 = 38, conic.parallel2 = 43, conic.originLatitude = 40, conic.centralMeridian = 45;
    vitrine::Diagnostics diagnostics;
    const ProjectedLayer layer = projectLayer(collection, conic, diagnostics);
    CHECK(diagnostics.all().empty());
    REQUIRE(layer.features.size() == 1);
    REQUIRE(layer.levels.size() >= 2);
    const double fullArea = triangleArea(layer.features[0].triangles);
    std::size_t finer = layer.features[0].triangles.size();
    double finerTolerance = 0;
    for (const LayerLevel& level : layer.levels) {
        CAPTURE(level.tolerance);
        CHECK(level.tolerance > finerTolerance);
        CHECK(level.triangles.size() * 4 <= finer * 3);
        // A coast simplified within t moves the land by at most t along its length (under 4,500 km).
        CHECK(std::abs(triangleArea(level.triangles) - fullArea) <= level.tolerance * 4.5e6);
        finer = level.triangles.size(), finerTolerance = level.tolerance;
    }
}
