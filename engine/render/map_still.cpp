#include "render/map_still.h"

#include <SFML/Graphics/RectangleShape.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "map/layer_levels.h"
#include "render/canvas_placement.h"
#include "render/map_strokes.h"
#include "render/simplify_line.h"

namespace vitrine::render {
namespace {

using map::Point2;

constexpr float kMinPointSpacing = 0.8f;  // output px: closer points add nothing visible
// Output px: a border point this close to the line its neighbours make moves no stroke
// edge by a visible amount (the stroke's feather alone is a pixel wide), so it is dropped.
constexpr float kBorderSimplifyTolerance = 0.25f;

}  // namespace

void drawMapStill(const StillMeshes& p, const map::MapState& s, float borderWidth, const MapPalette& palette,
                  sf::RenderTarget& target, const Viewport& v, sf::FloatRect out) {
    if (out == sf::FloatRect(0, 0, float(target.getSize().x), float(target.getSize().y))) {
        target.clear(palette.water);  // a clear is far cheaper than a full-target fill
    } else {
        sf::RectangleShape water({out.width, out.height});
        water.setPosition(out.left, out.top);
        water.setFillColor(palette.water);
        target.draw(water, sf::RenderStates(sf::BlendNone));
    }

    // Projected units → output px, for geometry stored relative to a layer's origin.
    const double a = s.pixelsPerUnit * v.scale;
    const double ocx = out.left + out.width / 2.0, ocy = out.top + out.height / 2.0;
    auto transformFor = [&](const MapMesh& m) {
        double tx = ocx - a * (s.camera.centre.x - m.origin.x), ty = ocy + a * (s.camera.centre.y - m.origin.y);
        return sf::Transform(float(a), 0, float(tx), 0, float(-a), float(ty), 0, 0, 1);
    };
    // The camera's view in projected units, for culling outlines and fill chunks.
    const map::Point2 viewMin = s.toProjected({s.box.x, s.box.y + s.box.height});
    const map::Point2 viewMax = s.toProjected({s.box.x + s.box.width, s.box.y});
    // Land and water are opaque: drawn without blending, which a software rasteriser
    // would otherwise pay for with a read of every covered pixel.
    auto drawFill = [&](MapMesh& m, sf::Color colour) {
        // The coarsest level of detail under half an output pixel (the full fill for a reference).
        const map::LayerLevel* level = p.fullDetail ? nullptr : map::levelFor(*m.layer, 1 / a);
        ChunkedFill& fill = fillAt(m, level);
        if (fill.colour != colour) {
            recolour(fill.vertices, colour);
            fill.colour = colour;
            fill.uploaded = false;
        }
        if (!fill.uploaded && sf::VertexBuffer::isAvailable() && fill.vertices.getVertexCount() > 0) {
            fill.uploaded = (fill.buffer.getVertexCount() == fill.vertices.getVertexCount() ||
                             fill.buffer.create(fill.vertices.getVertexCount())) &&
                            fill.buffer.update(&fill.vertices[0]);
        }
        const sf::RenderStates states(colour.a == 255 ? sf::BlendNone : sf::BlendAlpha, transformFor(m), nullptr, nullptr);
        // Every chunk for a reference: a view that meets them all.
        const sf::FloatRect view = p.fullDetail ? sf::FloatRect(-1e30f, -1e30f, 2e30f, 2e30f)
                                                : sf::FloatRect(float(viewMin.x - m.origin.x), float(viewMin.y - m.origin.y),
                                                                float(viewMax.x - viewMin.x), float(viewMax.y - viewMin.y));
        for (auto [first, count] : visibleRuns(fill.chunks, view)) {
            if (fill.uploaded) target.draw(fill.buffer, first, count, states);
            else target.draw(&fill.vertices[first], count, sf::Triangles, states);
        }
    };
    auto toOutput = [&](const Point2& canvas) {
        return sf::Vector2f(float(v.offsetX + canvas.x * v.scale), float(v.offsetY + canvas.y * v.scale));
    };
    auto drawBorders = [&](MapMesh& m, float width, sf::Color colour) {
        std::ostringstream key;
        key.precision(17);
        key << s.camera.centre.x << ',' << s.camera.centre.y << ',' << s.camera.width << ',' << out.left << ',' << out.top
            << ',' << out.width << ',' << out.height << ',' << v.offsetX << ',' << v.offsetY << ',' << width << ','
            << colour.toInteger();
        if (m.strokeKey != key.str()) {
            m.strokes.clear();
            std::vector<sf::Vector2f> pts, simple;
            for (const map::LayerOutline& o : m.layer->outlines) {
                if (o.bounds.east < viewMin.x || o.bounds.west > viewMax.x || o.bounds.north < viewMin.y ||
                    o.bounds.south > viewMax.y)
                    continue;
                pts.clear();
                for (const Point2& q : o.points) {
                    sf::Vector2f p = toOutput(s.toCanvas(q));
                    if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < kMinPointSpacing &&
                        &q != &o.points.back())
                        continue;
                    pts.push_back(p);
                }
                simplifyLine(pts, kBorderSimplifyTolerance, simple);
                strokeLine(m.strokes, simple, width, colour);
            }
            m.strokeKey = key.str();
        }
        drawVertices(target, m.strokes);
    };

    if (p.base) {
        drawFill(*p.base, palette.land);
        drawBorders(*p.base, borderWidth, palette.border);
    }
    if (p.data) {
        drawFill(*p.data, palette.land);
    }
    for (const map::HighlightState& h : s.highlights) {
        for (MapMesh* m : {p.data, p.base}) {
            const map::LayerFeature* feature = m ? m->layer->find(h.feature) : nullptr;
            if (!feature) continue;
            sf::VertexArray& va = featureVertices(*m, static_cast<std::size_t>(feature - m->layer->features.data()));
            recolour(va, toSf(h.color, h.opacity));
            target.draw(va, sf::RenderStates(transformFor(*m)));
            break;
        }
    }
    // The graticule over the land and under the data's borders, which it must not hide.
    Vertices graticule;
    std::vector<sf::Vector2f> pts;
    for (const map::GraticuleState& g : s.graticules) {
        const sf::Color colour = toSf(g.color, g.opacity);
        const float width = std::max(kMinLineWidth, float(g.width * v.scale));
        for (const map::GraticuleLineState& line : g.lines) {
            pts.clear();
            for (const Point2& q : line.points) {
                sf::Vector2f p = toOutput(q);
                if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < kMinPointSpacing &&
                    &q != &line.points.back())
                    continue;
                pts.push_back(p);
            }
            strokeLine(graticule, pts, width, colour);
        }
    }
    drawVertices(target, graticule);
    if (p.data) drawBorders(*p.data, borderWidth, palette.border);
    // The <layer>s over the land and borders, each in its style, in document order.
    for (const map::DataLayerState& l : s.layers) {
        MapMesh* m = l.index < p.layers.size() ? p.layers[l.index] : nullptr;
        if (!m) continue;
        sf::Color water = palette.water;
        water.a = static_cast<sf::Uint8>(water.a * l.opacity);
        if (l.fill || l.waterFill) drawFill(*m, l.waterFill ? water : toSf(*l.fill, l.opacity));
        if (l.width > 0) drawBorders(*m, std::max(kMinLineWidth, float(l.width * v.scale)), toSf(l.color, l.opacity));
    }
}

}  // namespace vitrine::render
