#include "render/text_drawer.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace vitrine::render {
namespace {

constexpr int kVerticesPerGlyph = 6;  // two triangles
constexpr float kMaxAlpha = 255.0f;
// Soft shadow: the centre tap plus four diagonal taps, each faint, so the overlap is
// dark in the middle and fades at the edge without a shader.
struct TapDirection {
    float x, y;
};
constexpr std::array<TapDirection, 5> kShadowTaps{{{0, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}}};
constexpr float kShadowTapAlphaShare = 0.35f;

sf::Color withOpacity(sf::Color c, float opacity) {
    const float alpha = std::clamp(static_cast<float>(c.a) * std::clamp(opacity, 0.0f, 1.0f), 0.0f, kMaxAlpha);
    c.a = static_cast<sf::Uint8>(std::lround(alpha));
    return c;
}

// Whole output pixels: glyph bitmaps are pixel-aligned by FreeType; drawing them at a
// fractional offset would blur every stroke through texture filtering.
sf::Vector2f outputOrigin(const TextDrawOptions& options) {
    return {std::round(options.position.x * options.scale), std::round(options.position.y * options.scale)};
}

// All glyphs that sample one glyph page (one font at one size) go in one draw call.
struct GlyphBatch {
    const sf::Font* font = nullptr;
    unsigned sizePx = 0;
    std::optional<sf::Color> color;  // a paragraph's own colour; none: the options' colour
    sf::VertexArray vertices{sf::Triangles};
};

void appendQuad(sf::VertexArray& va, const sf::FloatRect& quad, const sf::IntRect& tex) {
    const float left = quad.left, top = quad.top, right = quad.left + quad.width, bottom = quad.top + quad.height;
    const auto u0 = static_cast<float>(tex.left), v0 = static_cast<float>(tex.top);
    const auto u1 = static_cast<float>(tex.left + tex.width), v1 = static_cast<float>(tex.top + tex.height);
    const std::array<sf::Vertex, kVerticesPerGlyph> corners{{
        {{left, top}, sf::Color::White, {u0, v0}},
        {{right, top}, sf::Color::White, {u1, v0}},
        {{left, bottom}, sf::Color::White, {u0, v1}},
        {{left, bottom}, sf::Color::White, {u0, v1}},
        {{right, top}, sf::Color::White, {u1, v0}},
        {{right, bottom}, sf::Color::White, {u1, v1}},
    }};
    for (const auto& v : corners) va.append(v);
}

void recolour(sf::VertexArray& va, sf::Color c, const std::optional<VerticalFade>& fade) {
    for (std::size_t i = 0; i < va.getVertexCount(); ++i) {
        va[i].color = c;
        if (fade) va[i].color.a = static_cast<sf::Uint8>(std::lround(static_cast<float>(c.a) * fade->at(va[i].position.y)));
    }
}

}  // namespace

float VerticalFade::at(float y) const {
    if (band <= 0) return y >= top && y <= bottom ? 1.0f : 0.0f;
    return std::clamp(std::min(y - top, bottom - y) / band, 0.0f, 1.0f);
}

const sf::Font* FontCache::font(const std::filesystem::path& path) {
    const std::string key = path.string();
    auto it = fonts_.find(key);
    if (it == fonts_.end()) {
        auto loaded = std::make_unique<sf::Font>();
        if (!loaded->loadFromFile(key)) loaded.reset();
        it = fonts_.emplace(key, std::move(loaded)).first;
    }
    return it->second.get();
}

TextDrawer::TextDrawer(const text::FontLibrary& fonts, FontCache& cache) : fonts_(fonts), cache_(cache) {}

std::shared_ptr<const text::TextLayout> TextDrawer::keptLayout(const std::vector<text::Paragraph>& paragraphs,
                                                               const text::LayoutStyle& style, float scale) {
    LayoutRequest request{paragraphs, style, scale};
    if (auto* found = kept_.find(request)) return *found;
    ++layoutsMade_;
    auto made = std::make_shared<const text::TextLayout>(layout(paragraphs, style, scale));
    kept_.put(std::move(request), made);
    return made;
}

text::TextLayout TextDrawer::layout(const std::vector<text::Paragraph>& paragraphs, text::LayoutStyle style,
                                    float scale) const {
    // Set at the canvas's own size, then scaled: hinted advances do not scale exactly, so a
    // layout made at each output's size broke lines elsewhere ("with / a significant" against
    // "with a / significant") and set them wider or narrower. Each glyph is still rasterised
    // at the output's size, standing where the canvas puts it (on whole output pixels).
    text::TextLayout layout = text::layoutText(fonts_, paragraphs, style);
    if (scale == 1) return layout;
    auto outputSize = [scale](float canvasSizePx) {
        return static_cast<unsigned>(std::max(1L, std::lround(canvasSizePx * scale)));
    };
    layout.sizePx = outputSize(style.sizePx);
    auto whole = [scale](float canvasPx) { return std::round(canvasPx * scale); };
    for (auto& run : layout.runs) {
        const auto& own = paragraphs[static_cast<std::size_t>(layout.lines[static_cast<std::size_t>(run.line)].paragraph)].style;
        run.sizePx = own ? outputSize(own->sizePx) : layout.sizePx;  // a <p style> may set its own size
        run.baselineY = whole(run.baselineY);
        for (auto& g : run.glyphs) {
            g.x = whole(g.x);
            g.advance *= scale;
        }
    }
    for (auto& line : layout.lines) {
        line.x = whole(line.x);
        line.top = whole(line.top);
        line.baselineY = whole(line.baselineY);
        line.width *= scale;
        line.height *= scale;
    }
    layout.width *= scale;
    layout.height *= scale;
    return layout;
}

sf::FloatRect TextDrawer::bounds(const text::TextLayout& layout, const TextDrawOptions& options) {
    float left = 0, right = 0;
    bool any = false;
    for (const auto& line : layout.lines) {
        if (line.width <= 0) continue;
        left = any ? std::min(left, line.x) : line.x;
        right = any ? std::max(right, line.x + line.width) : line.x + line.width;
        any = true;
    }
    const sf::Vector2f origin = outputOrigin(options);
    if (!any) return {origin.x, origin.y, 0, layout.height};
    return {origin.x + left, origin.y, right - left, layout.height};
}

void TextDrawer::draw(sf::RenderTarget& target, const text::TextLayout& layout, const TextDrawOptions& options) const {
    const sf::Vector2f origin = outputOrigin(options);

    if (options.background) {
        const sf::FloatRect box = bounds(layout, options);
        if (box.width > 0) {
            const float pad = options.background->padding * options.scale;
            sf::RectangleShape rect({box.width + 2 * pad, box.height + 2 * pad});
            rect.setPosition(box.left - pad, box.top - pad);
            rect.setFillColor(withOpacity(options.background->color, options.opacity));
            target.draw(rect, sf::RenderStates(options.transform));
        }
    }

    // Load every glyph first: adding a glyph may grow a font's page texture, and the
    // texture must have its final size when the batch that samples it is drawn.
    std::vector<GlyphBatch> batches;
    for (const auto& run : layout.runs) {
        const sf::Font* font = cache_.font(fonts_.path(run.face));
        if (!font) continue;
        std::optional<sf::Color> color;
        const int paragraph = layout.lines[static_cast<std::size_t>(run.line)].paragraph;
        if (auto own = options.paragraphColors.find(paragraph); own != options.paragraphColors.end()) color = own->second;
        auto batch = std::find_if(batches.begin(), batches.end(), [&](const GlyphBatch& b) {
            return b.font == font && b.sizePx == run.sizePx && b.color == color;
        });
        if (batch == batches.end()) {
            batches.push_back(GlyphBatch{font, run.sizePx, color, sf::VertexArray(sf::Triangles)});
            batch = std::prev(batches.end());
        }
        for (const auto& g : run.glyphs) {
            // Bold and italic come from the face's own file, never SFML's synthetic bold.
            const sf::Glyph& glyph = font->getGlyph(g.codepoint, run.sizePx, false);
            if (glyph.textureRect.width <= 0 || glyph.textureRect.height <= 0) continue;
            const sf::FloatRect quad{origin.x + g.x + glyph.bounds.left, origin.y + run.baselineY + glyph.bounds.top,
                                     glyph.bounds.width, glyph.bounds.height};
            appendQuad(batch->vertices, quad, glyph.textureRect);
        }
    }

    // `own`: each batch in its paragraph's colour where it has one (the text itself, not its shadow).
    auto drawAll = [&](sf::Color colour, sf::Vector2f offset, bool own = false) {
        for (auto& batch : batches) {
            recolour(batch.vertices, own && batch.color ? withOpacity(*batch.color, options.opacity) : colour,
                     options.edgeFade);
            sf::RenderStates states;
            states.texture = &batch.font->getTexture(batch.sizePx);
            states.transform = options.transform;
            states.transform.translate(offset);
            target.draw(batch.vertices, states);
        }
    };

    if (options.shadow) {
        const TextShadow& s = *options.shadow;
        const sf::Vector2f offset{std::round(s.offset.x * options.scale), std::round(s.offset.y * options.scale)};
        const float spread = s.softness * options.scale;
        if (spread <= 0) {
            drawAll(withOpacity(s.color, options.opacity), offset);
        } else {
            const sf::Color tap = withOpacity(s.color, options.opacity * kShadowTapAlphaShare);
            for (const auto& dir : kShadowTaps) drawAll(tap, offset + sf::Vector2f(dir.x, dir.y) * spread);
        }
    }
    drawAll(withOpacity(options.color, options.opacity), {0, 0}, true);
}

}  // namespace vitrine::render
