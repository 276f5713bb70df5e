#pragma once
// Draws a <visitor-code>: the QR code of the visitors' phone page, black on white with its
// quiet zone, centred at the top of the item's box, and the short address beneath in the
// item's style. Nothing where the site has no page (Item::visitorAddress empty).

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <string>

#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"

namespace vitrine::render {

class VisitorCodeDrawer {
public:
    explicit VisitorCodeDrawer(TextDrawer& text) : text_(text) {}

    void draw(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
              const sf::Transform& transform);

private:
    TextDrawer& text_;
    // The code's picture, one texel a module, made again only when the address changes.
    sf::Texture code_;
    std::string codeAddress_;
};

}  // namespace vitrine::render
