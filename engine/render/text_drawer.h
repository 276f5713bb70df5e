#pragma once
// Draws laid-out text with SFML. Layout (fonts, fallback, wrapping) is decided in
// engine/text; this file only turns glyph positions into textured quads, so text is
// rasterised at the output size and stays crisp on any projector.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Transform.hpp>

#include "render/text_layout_cache.h"
#include "text/font_library.h"
#include "text/text_layout.h"

namespace vitrine::render {

/// sf::Font objects by file, loaded on first use. Owned by the caller (one per render
/// thread) because sf::Font keeps glyph textures that belong to a GL context.
class FontCache {
public:
    /// The font loaded from `path`, or nullptr if SFML cannot load it (remembered, not retried).
    const sf::Font* font(const std::filesystem::path& path);

private:
    // unique_ptr keeps each sf::Font at one address: glyph pages refer to it while drawing.
    std::map<std::string, std::unique_ptr<sf::Font>> fonts_;
};

/// A soft drop shadow: the text drawn again behind itself, offset, in a few faint taps.
struct TextShadow {
    sf::Vector2f offset{2.0f, 2.0f};  // canvas pixels
    float softness = 1.5f;            // canvas pixels between taps; 0 = one hard copy
    sf::Color color{0, 0, 0, 170};
};

/// A box behind the text block (the union of its lines), for legibility over images.
struct TextBackground {
    float padding = 24.0f;  // canvas pixels on every side
    sf::Color color{0, 0, 0, 150};
};

/// Text that fades out towards the top and bottom edges of a window: each glyph's alpha
/// falls linearly to 0 over `band` output pixels inside [top, bottom] (output pixels, before
/// `transform`). Set per vertex, so the fade crosses a glyph as a gradient, with no shader.
struct VerticalFade {
    float top = 0, bottom = 0, band = 0;
    /// The alpha factor at height `y`: 0 at the edges and outside, 1 a band inside them.
    float at(float y) const;
};

/// Where and how to draw a layout.
struct TextDrawOptions {
    sf::Vector2f position;  // top-left of the layout, in canvas pixels
    float scale = 1.0f;     // canvas pixels → output pixels; the layout must be made at this scale
    sf::Color color = sf::Color::White;
    std::map<int, sf::Color> paragraphColors;  // by paragraph: those drawn in a colour of their own (a <p style>)
    float opacity = 1.0f;   // multiplies every alpha (text, shadow, box)
    std::optional<TextShadow> shadow;
    std::optional<TextBackground> background;
    sf::Transform transform;  // applied after placement, in output pixels (rotation, scale)
    std::optional<VerticalFade> edgeFade;  // the soft edges of a credits roll; none: even alpha
};

/// Lays text out at output resolution and draws it with glyphs from the same font files.
class TextDrawer {
public:
    /// Both must outlive the drawer.
    TextDrawer(const text::FontLibrary& fonts, FontCache& cache);

    /// Lays `paragraphs` out for drawing at `scale`: set at the canvas's size (`style` is in
    /// canvas pixels), so every output shows the canvas's lines, then scaled into output
    /// pixels, with glyphs rasterised at the size they are shown at.
    text::TextLayout layout(const std::vector<text::Paragraph>& paragraphs, text::LayoutStyle style, float scale) const;

    /// The same layout, made once and kept (TextLayoutCache) while this drawer lives: the
    /// renderers of successive shows share it, so a new show re-lays out only changed text.
    std::shared_ptr<const text::TextLayout> keptLayout(const std::vector<text::Paragraph>& paragraphs,
                                                       const text::LayoutStyle& style, float scale);

    /// How many layouts keptLayout() has made (not found kept), for tests and benchmarks.
    std::size_t layoutsMade() const { return layoutsMade_; }

    /// Draws a layout made by layout() with the same scale. Missing fonts draw nothing.
    void draw(sf::RenderTarget& target, const text::TextLayout& layout, const TextDrawOptions& options) const;

    /// The output-pixel rectangle of the lines' advance boxes where draw() puts the layout
    /// (ink may overhang it by a few pixels: italic tails, accents above capitals).
    static sf::FloatRect bounds(const text::TextLayout& layout, const TextDrawOptions& options);

private:
    const text::FontLibrary& fonts_;
    FontCache& cache_;
    TextLayoutCache kept_;
    std::size_t layoutsMade_ = 0;
};

}  // namespace vitrine::render
