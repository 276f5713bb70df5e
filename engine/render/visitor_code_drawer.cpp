#include "render/visitor_code_drawer.h"

#include <SFML/Graphics/Sprite.hpp>

#include <algorithm>
#include <cmath>

#include "render/canvas_placement.h"
#include "render/qr_code.h"
#include "text/item_text.h"

namespace vitrine::render {

void VisitorCodeDrawer::draw(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                             const sf::Transform& transform) {
    if (item.visitorAddress.empty()) return;
    if (codeAddress_ != item.visitorAddress) {
        // The installation checks the address's length, so it encodes; should it not, the
        // address beneath is still there to type.
        auto modules = encodeQr(item.visitorAddress);
        if (!modules || !code_.loadFromImage(qrImage(*modules, 1))) code_ = sf::Texture();
        code_.setSmooth(false);  // hard module edges: a blurred code scans badly
        codeAddress_ = item.visitorAddress;
    }

    const text::TextLayout address =
        text_.layout(text::itemParagraphs(item), text::itemLayoutStyle(item, d.box.width), static_cast<float>(v.scale));
    const double addressHeight = address.height / v.scale;  // canvas px
    const double gap = item.style.size * 0.4;
    const double side = std::max(0.0, std::min(d.box.width, d.box.height - addressHeight - gap));

    if (const unsigned texels = code_.getSize().x; texels > 0 && side > 0) {
        // A whole number of output pixels a module, so every module is the same size.
        const double outputSide = side * v.scale;
        const double perModule = std::max(1.0, std::floor(outputSide / texels));
        const double drawn = perModule * texels / v.scale;  // canvas px
        const sf::FloatRect where = toOutput(Rect{d.box.x + (d.box.width - drawn) / 2, d.box.y, drawn, drawn}, v);
        sf::Sprite sprite(code_);
        sprite.setPosition(std::round(where.left), std::round(where.top));
        sprite.setScale(static_cast<float>(perModule), static_cast<float>(perModule));
        sprite.setColor(sf::Color(255, 255, 255, static_cast<sf::Uint8>(std::lround(std::clamp(d.opacity, 0.0, 1.0) * 255))));
        target.draw(sprite, sf::RenderStates(transform));
    }

    TextDrawOptions o;
    o.position = {static_cast<float>(d.box.x), static_cast<float>(d.box.y + side + gap)};
    o.scale = static_cast<float>(v.scale);
    o.color = toSf(d.color);
    o.opacity = static_cast<float>(d.opacity);
    o.transform = letterboxed(transform, v);
    text_.draw(target, address, o);
}

}  // namespace vitrine::render
