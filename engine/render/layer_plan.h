#pragma once
// Decides how a layer is composited. A layer with an opacity is, by definition, drawn
// whole and then blended; doing that through an offscreen texture costs two extra passes
// over every pixel, which a software renderer feels. When the layer's visible parts do
// not overlap, blending each part with the layer's opacity gives the same pixels, and
// hidden parts (under an opaque full-canvas picture) need not be drawn at all.

#include <SFML/Graphics/Rect.hpp>

#include <cstddef>
#include <optional>
#include <vector>

#include "script/values.h"

namespace vitrine::render {

/// What one draw of a layer leaves on it, as far as compositing is concerned.
struct Footprint {
    bool empty = false;         // draws nothing (transparent, not loaded yet, not visual)
    bool coversCanvas = false;  // opaque over the whole canvas: everything beneath is hidden
    /// Output pixels holding all its ink, when no part of it blends over another part of
    /// it; nullopt when it does (a shadow under text, a panel under a label) or is unknown.
    std::optional<sf::FloatRect> bounds;
};

/// How to draw one layer.
struct LayerPlan {
    std::size_t first = 0;  // draws before this one are hidden and skipped
    bool fill = false;      // the layer's background colour must be painted
    bool opaque = false;    // the layer hides everything beneath it
    bool perItem = false;   // its visible parts do not overlap: the layer's opacity may go to each part
    std::size_t visibleItems = 0;  // draws from `first` on that leave ink

    /// True when drawing the layer changes any pixel.
    bool drawsSomething() const { return fill || visibleItems > 0; }
};

/// Plans a layer from its draws' footprints (back to front). `background` is the layer's
/// canvas colour (ignored when `hasBackground` is false); `underneath` is the colour of the
/// whole canvas beneath the layer when that is one colour; `canvas` is the canvas in output pixels.
LayerPlan planLayer(const std::vector<Footprint>& draws, bool hasBackground, const Color& background,
                    const std::optional<Color>& underneath, const sf::FloatRect& canvas);

/// The colour of the whole canvas after drawing a layer with `plan` and `opacity` over
/// `underneath`, when it is still one colour.
std::optional<Color> uniformAfter(const LayerPlan& plan, double opacity, const Color& background,
                                  const std::optional<Color>& underneath);

}  // namespace vitrine::render
