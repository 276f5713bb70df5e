#include "render/map_strokes.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vitrine::render {
namespace {

constexpr float kMaxMiter = 2.0f;
constexpr int kCircleSegments = 40;

sf::Vector2f normalised(sf::Vector2f v) {
    float len = std::hypot(v.x, v.y);
    return len > 0 ? v / len : sf::Vector2f(0, 0);
}

void quad(Vertices& out, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color ca, sf::Color cb) {
    // a,b on one side (colour ca), c,d on the other (colour cb): a–c and b–d are the long edges.
    out.push_back({a, ca});
    out.push_back({b, ca});
    out.push_back({c, cb});
    out.push_back({b, ca});
    out.push_back({d, cb});
    out.push_back({c, cb});
}

}  // namespace

sf::Color faded(sf::Color c, double opacity) {
    c.a = static_cast<sf::Uint8>(std::lround(std::clamp(c.a * opacity, 0.0, 255.0)));
    return c;
}

// A polyline as triangles with mitred joins: a solid core and a feathered edge on each side.
void strokeLine(Vertices& out, const std::vector<sf::Vector2f>& pts, float width, sf::Color colour, bool closed) {
    std::size_t n = pts.size();
    if (n < 2) return;
    sf::Color solid = colour;
    if (width < kMinLineWidth) solid = faded(colour, width / kMinLineWidth), width = kMinLineWidth;
    sf::Color clear = solid;
    clear.a = 0;
    float inner = std::max(0.0f, width / 2 - kFeather / 2), outer = width / 2 + kFeather / 2;
    auto segNormal = [&](std::size_t i) {
        sf::Vector2f d = normalised(pts[(i + 1) % n] - pts[i]);
        return sf::Vector2f(-d.y, d.x);
    };
    std::vector<sf::Vector2f> miter(n);
    for (std::size_t i = 0; i < n; ++i) {
        bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        sf::Vector2f a = hasPrev ? segNormal((i + n - 1) % n) : segNormal(i);
        sf::Vector2f b = hasNext ? segNormal(i) : a;
        sf::Vector2f m = normalised(a + b);
        float cosHalf = m.x * b.x + m.y * b.y;
        if (m == sf::Vector2f(0, 0) || cosHalf <= 0) m = b, cosHalf = 1;
        miter[i] = m * std::min(1.0f / cosHalf, kMaxMiter);
    }
    std::size_t segments = closed ? n : n - 1;
    for (std::size_t i = 0; i < segments; ++i) {
        std::size_t j = (i + 1) % n;
        sf::Vector2f p = pts[i], q = pts[j], mp = miter[i], mq = miter[j];
        sf::Vector2f pLo = p + mp * outer, pLi = p + mp * inner, pRi = p - mp * inner, pRo = p - mp * outer;
        sf::Vector2f qLo = q + mq * outer, qLi = q + mq * inner, qRi = q - mq * inner, qRo = q - mq * outer;
        quad(out, pLo, qLo, pLi, qLi, clear, solid);
        quad(out, pLi, qLi, pRi, qRi, solid, solid);
        quad(out, pRi, qRi, pRo, qRo, solid, clear);
    }
}

// A filled disc with a feathered rim.
void fillDisc(Vertices& out, sf::Vector2f centre, float radius, sf::Color colour) {
    sf::Color clear = colour;
    clear.a = 0;
    float inner = std::max(0.0f, radius - kFeather / 2), outer = radius + kFeather / 2;
    for (int i = 0; i < kCircleSegments; ++i) {
        float a0 = 2 * std::numbers::pi_v<float> * i / kCircleSegments;
        float a1 = 2 * std::numbers::pi_v<float> * (i + 1) / kCircleSegments;
        sf::Vector2f d0(std::cos(a0), std::sin(a0)), d1(std::cos(a1), std::sin(a1));
        out.push_back({centre, colour});
        out.push_back({centre + d0 * inner, colour});
        out.push_back({centre + d1 * inner, colour});
        quad(out, centre + d0 * inner, centre + d1 * inner, centre + d0 * outer, centre + d1 * outer, colour, clear);
    }
}

std::vector<sf::Vector2f> circle(sf::Vector2f centre, float radius) {
    std::vector<sf::Vector2f> pts;
    for (int i = 0; i < kCircleSegments; ++i) {
        float a = 2 * std::numbers::pi_v<float> * i / kCircleSegments;
        pts.push_back(centre + sf::Vector2f(std::cos(a), std::sin(a)) * radius);
    }
    return pts;
}

void drawVertices(sf::RenderTarget& target, const Vertices& v, const sf::RenderStates& states) {
    if (!v.empty()) target.draw(v.data(), v.size(), sf::Triangles, states);
}

void recolour(sf::VertexArray& va, sf::Color c) {
    for (std::size_t i = 0; i < va.getVertexCount(); ++i) va[i].color = c;
}


}  // namespace vitrine::render
