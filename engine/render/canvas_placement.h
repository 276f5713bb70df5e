#pragma once
// Canvas things in SFML's terms on an output: colours, rectangles and the transforms of an
// item's scale and rotation. Shared by everything that draws items (text, pictures, videos,
// placeholders).

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Transform.hpp>

#include "render/viewport.h"
#include "timeline/frame.h"

namespace vitrine::render {

/// `c` with its alpha multiplied by `opacity`.
sf::Color toSf(const Color& c, double opacity = 1);

/// A canvas rectangle in output pixels.
sf::FloatRect toOutput(const Rect& r, const Viewport& v);

/// The transform of an item's scale and rotation about its box centre, in output pixels.
sf::Transform itemTransform(const DrawItem& d, const Viewport& v);

/// `itemTransform` then the letterbox offset: the text drawer places text at canvas
/// position × scale, and the offset (whole pixels) is added after, so glyphs stay on the
/// pixel grid.
sf::Transform letterboxed(const sf::Transform& itemTransform, const Viewport& v);

}  // namespace vitrine::render
