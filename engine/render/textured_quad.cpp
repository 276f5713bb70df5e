#include "render/textured_quad.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "render/canvas_placement.h"

namespace vitrine::render {
namespace {

// Pictures drawn at least this large read full size alone: a picture decoded to its draw
// size (rounded up to whole pixels) lands a hair below 1:1, where bilinear filtering still
// reads every pixel and nothing can shimmer.
constexpr double kMipmapsBelow = 0.99;

// The destination of a source rectangle of size sw×sh in a box, per the fit mode.
Rect fitInto(const Rect& box, double sw, double sh, Fit fit) {
    if (sw <= 0 || sh <= 0) return box;
    double sx = box.width / sw, sy = box.height / sh;
    double s = 1;
    switch (fit) {
        case Fit::Fill: return box;
        case Fit::Contain: s = std::min(sx, sy); break;
        case Fit::Cover: s = std::max(sx, sy); break;
        case Fit::None: s = 1; break;
    }
    double w = sw * s, h = sh * s;
    return Rect{box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h};
}

}  // namespace

std::optional<QuadPlacement> placeQuad(const TiledTexture& picture, const Rect& box, const Rect& source, Fit fit) {
    // The visible part of the picture (pan-zoom), in picture pixels.
    double sx = source.x * picture.width, sy = source.y * picture.height;
    double sw = source.width * picture.width, sh = source.height * picture.height;
    Rect dest = fitInto(box, sw, sh, fit);
    // Clip the destination to the box by shrinking the source accordingly.
    QuadPlacement q;
    q.dest.x = std::max(dest.x, box.x);
    q.dest.y = std::max(dest.y, box.y);
    q.dest.width = std::min(dest.x + dest.width, box.x + box.width) - q.dest.x;
    q.dest.height = std::min(dest.y + dest.height, box.y + box.height) - q.dest.y;
    if (q.dest.width <= 0 || q.dest.height <= 0) return std::nullopt;
    q.u0 = sx + (q.dest.x - dest.x) / dest.width * sw;
    q.v0 = sy + (q.dest.y - dest.y) / dest.height * sh;
    q.u1 = q.u0 + q.dest.width / dest.width * sw;
    q.v1 = q.v0 + q.dest.height / dest.height * sh;
    return q;
}

void drawTexturedQuad(const TiledTexture& picture, const Rect& box, const Rect& source, Fit fit,
                      double opacity, sf::RenderTarget& target, const Viewport& v, const sf::Transform& transform) {
    std::optional<QuadPlacement> q = placeQuad(picture, box, source, fit);
    if (!q) return;
    const double u0 = q->u0, v0 = q->v0, u1 = q->u1, v1 = q->v1;
    sf::FloatRect out = toOutput(q->dest, v);
    auto outX = [&](double u) { return static_cast<float>(out.left + (u - u0) / (u1 - u0) * out.width); };
    auto outY = [&](double t) { return static_cast<float>(out.top + (t - v0) / (v1 - v0) * out.height); };
    sf::Color tint(255, 255, 255, static_cast<sf::Uint8>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255)));
    // Output pixels per picture pixel, the item's own scale included (the transform is a
    // rotation and a uniform scale, so its determinant is the area scale).
    const float* m = transform.getMatrix();
    const double itemScale = std::sqrt(std::abs(double(m[0]) * m[5] - double(m[4]) * m[1]));
    const double magnification = std::min(out.width / (u1 - u0), out.height / (v1 - v0)) * itemScale;
    useMipmaps(picture, magnification < kMipmapsBelow);
    for (const auto& tile : picture.tiles) {
        // The part of the visible rectangle this tile holds.
        double a0 = std::max(u0, double(tile->x)), a1 = std::min(u1, double(tile->x + tile->width));
        double b0 = std::max(v0, double(tile->y)), b1 = std::min(v1, double(tile->y + tile->height));
        if (a1 <= a0 || b1 <= b0) continue;
        // Float texture coordinates: pan-zoom moves by fractions of a texel, which an
        // integer sprite rectangle would turn into visible steps.
        float ta0 = float(a0 - tile->x), ta1 = float(a1 - tile->x), tb0 = float(b0 - tile->y), tb1 = float(b1 - tile->y);
        const sf::Vertex quad[] = {sf::Vertex({outX(a0), outY(b0)}, tint, {ta0, tb0}),
                                   sf::Vertex({outX(a1), outY(b0)}, tint, {ta1, tb0}),
                                   sf::Vertex({outX(a0), outY(b1)}, tint, {ta0, tb1}),
                                   sf::Vertex({outX(a1), outY(b1)}, tint, {ta1, tb1})};
        sf::RenderStates states(transform);
        states.texture = &tile->texture;
        target.draw(quad, std::size(quad), sf::TriangleStrip, states);
    }
}

}  // namespace vitrine::render
