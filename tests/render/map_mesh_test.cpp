// MapMesh: the fill cut into chunks, and the chunks a view draws (no triangle in view left out).

#include "render/map_mesh.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace vitrine;

namespace {

// Small triangles over a 1000 x 1000 square, and long slivers across it (as the tessellator
// makes of a large country), in two features.
std::shared_ptr<map::ProjectedLayer> scatteredLayer() {
    auto layer = std::make_shared<map::ProjectedLayer>();
    std::mt19937 random(21);
    std::uniform_real_distribution<double> anywhere(0, 1000), near(-4, 4);
    map::LayerFeature small{"small", "", {}}, slivers{"slivers", "", {}};
    for (int i = 0; i < 3000; ++i) {
        const map::Point2 p{anywhere(random), anywhere(random)};
        small.triangles.insert(small.triangles.end(), {p, {p.x + near(random), p.y + near(random)}, {p.x + near(random), p.y}});
    }
    for (int i = 0; i < 50; ++i) {
        const map::Point2 p{anywhere(random), anywhere(random)}, q{anywhere(random), anywhere(random)};
        slivers.triangles.insert(slivers.triangles.end(), {p, q, {q.x + 1, q.y}});
    }
    layer->features = {small, slivers};
    layer->projectedBounds = {0, 0, 1000, 1000};
    return layer;
}

}  // namespace

TEST_CASE("the fill chunks a view draws hold every triangle that meets the view") {
    const auto layer = scatteredLayer();
    const auto mesh = render::buildMapMesh(layer, sf::Color::Green);
    const render::ChunkedFill& fill = render::fillAt(*mesh, nullptr);
    REQUIRE(fill.vertices.getVertexCount() == 3 * (3000 + 50));
    REQUIRE(fill.chunks.size() > 100);  // cut up, or the test proves nothing
    std::mt19937 random(1990);
    std::uniform_real_distribution<float> corner(-600, 600), extent(1, 300);
    std::size_t drawnInAll = 0, inViewInAll = 0;
    for (int round = 0; round < 200; ++round) {
        const sf::FloatRect view(corner(random), corner(random), extent(random), extent(random));
        std::set<std::tuple<float, float, float, float>> drawn;  // a triangle by its first two corners
        std::size_t drawnVertices = 0;
        for (auto [first, count] : render::visibleRuns(fill.chunks, view)) {
            drawnVertices += count;
            for (std::size_t i = first; i < first + count; i += 3) {
                const sf::Vector2f a = fill.vertices[i].position, b = fill.vertices[i + 1].position;
                drawn.insert({a.x, a.y, b.x, b.y});
            }
        }
        std::size_t inView = 0;
        for (const map::LayerFeature& f : layer->features)
            for (std::size_t i = 0; i < f.triangles.size(); i += 3) {
                // Its bounds (local units, as the mesh's) against the view: a triangle whose box
                // meets the view may meet it, so its chunk must be drawn.
                float left = 1e9f, top = 1e9f, right = -1e9f, bottom = -1e9f;
                for (std::size_t k = i; k < i + 3; ++k) {
                    const float x = float(f.triangles[k].x - mesh->origin.x), y = float(f.triangles[k].y - mesh->origin.y);
                    left = std::min(left, x), right = std::max(right, x), top = std::min(top, y), bottom = std::max(bottom, y);
                }
                if (right < view.left || left > view.left + view.width || bottom < view.top || top > view.top + view.height)
                    continue;
                ++inView;
                const auto key = std::make_tuple(float(f.triangles[i].x - mesh->origin.x), float(f.triangles[i].y - mesh->origin.y),
                                                 float(f.triangles[i + 1].x - mesh->origin.x),
                                                 float(f.triangles[i + 1].y - mesh->origin.y));
                CHECK_MESSAGE(drawn.count(key) == 1, "a triangle in view " << round << " is in no chunk drawn");
            }
        drawnInAll += drawnVertices / 3, inViewInAll += inView;
    }
    // The culling culls: the views, a few percent of the square each, draw a small part of it.
    MESSAGE("triangles drawn " << drawnInAll << ", in view " << inViewInAll << ", of " << 200 * (3000 + 50));
    CHECK(drawnInAll < 200 * (3000 + 50) / 3);
}
