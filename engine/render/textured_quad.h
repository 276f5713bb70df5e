#pragma once
// A picture (an image or a video frame on the GPU) placed in an item's box per its fit and
// pan-zoom, clipped to the box, and drawn.

#include <SFML/Graphics/RenderTarget.hpp>

#include <optional>

#include "render/texture_store.h"
#include "render/viewport.h"
#include "timeline/show.h"

namespace vitrine::render {

/// Where a picture lands in its box: the destination clipped to its box (cover, none),
/// and the picture pixels shown there.
struct QuadPlacement {
    Rect dest;                              // canvas px
    double u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // picture px
};

/// The placement of the `source` part (fractions of the picture) of `picture` in `box`;
/// nullopt when nothing of it is visible.
std::optional<QuadPlacement> placeQuad(const TiledTexture& picture, const Rect& box, const Rect& source, Fit fit);

/// Draws the `source` part of `picture` in `box` at `opacity`, through `transform` (the item's
/// scale and rotation in output pixels), sampling mip levels only where it is drawn smaller.
void drawTexturedQuad(const TiledTexture& picture, const Rect& box, const Rect& source, Fit fit, double opacity,
                      sf::RenderTarget& target, const Viewport& v, const sf::Transform& transform);

}  // namespace vitrine::render
