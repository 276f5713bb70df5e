#include "render/canvas_placement.h"

#include <algorithm>

namespace vitrine::render {

sf::Color toSf(const Color& c, double opacity) {
    return sf::Color(c.r, c.g, c.b, static_cast<sf::Uint8>(std::clamp(c.a * opacity, 0.0, 255.0)));
}

sf::FloatRect toOutput(const Rect& r, const Viewport& v) {
    return {static_cast<float>(v.offsetX + r.x * v.scale), static_cast<float>(v.offsetY + r.y * v.scale),
            static_cast<float>(r.width * v.scale), static_cast<float>(r.height * v.scale)};
}

sf::Transform itemTransform(const DrawItem& d, const Viewport& v) {
    sf::Transform t;
    if (d.scale == 1 && d.rotation == 0) return t;
    float cx = static_cast<float>(v.offsetX + (d.box.x + d.box.width / 2) * v.scale);
    float cy = static_cast<float>(v.offsetY + (d.box.y + d.box.height / 2) * v.scale);
    t.translate(cx, cy).rotate(static_cast<float>(d.rotation)).scale(static_cast<float>(d.scale), static_cast<float>(d.scale)).translate(-cx, -cy);
    return t;
}

sf::Transform letterboxed(const sf::Transform& itemTransform, const Viewport& v) {
    sf::Transform t = itemTransform;
    t.translate(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY));
    return t;
}

}  // namespace vitrine::render
