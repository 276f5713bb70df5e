#include "render/frame_renderer.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace vitrine::render {
namespace {

sf::Color toSf(const Color& c, double opacity = 1) {
    return sf::Color(c.r, c.g, c.b, static_cast<sf::Uint8>(std::clamp(c.a * opacity, 0.0, 255.0)));
}

// Placeholders are designed, not debug boxes: a warm dark panel, a quiet rule, small capitals.
const Color kPlaceholderFill{0x1f, 0x1d, 0x1a, 255};
const Color kPlaceholderRule{0x6b, 0x64, 0x58, 255};
const Color kPlaceholderLabel{0xb8, 0xad, 0x9a, 255};
const Color kPlaceholderText{0xe4, 0xdb, 0xcc, 255};
constexpr double kPlaceholderRuleWidth = 2;     // canvas px
constexpr double kPlaceholderMinTextSize = 26;  // canvas px: still legible from a distance

text::LayoutStyle::Align toLayoutAlign(TextStyle::Align a) {
    switch (a) {
        case TextStyle::Align::Center: return text::LayoutStyle::Align::Center;
        case TextStyle::Align::Right: return text::LayoutStyle::Align::Right;
        default: return text::LayoutStyle::Align::Left;
    }
}

std::vector<text::Paragraph> toParagraphs(const std::vector<TextParagraph>& paragraphs) {
    std::vector<text::Paragraph> out;
    for (const auto& p : paragraphs) {
        text::Paragraph para;
        for (const auto& r : p.runs) para.spans.push_back(text::Span{r.text, r.bold, r.italic, r.lang});
        out.push_back(std::move(para));
    }
    return out;
}

// The transform of an item's scale and rotation about its box centre, in output pixels.
sf::Transform itemTransform(const DrawItem& d, const Viewport& v) {
    sf::Transform t;
    if (d.scale == 1 && d.rotation == 0) return t;
    float cx = static_cast<float>(v.offsetX + (d.box.x + d.box.width / 2) * v.scale);
    float cy = static_cast<float>(v.offsetY + (d.box.y + d.box.height / 2) * v.scale);
    t.translate(cx, cy).rotate(static_cast<float>(d.rotation)).scale(static_cast<float>(d.scale), static_cast<float>(d.scale)).translate(-cx, -cy);
    return t;
}

// The text drawer places text at canvas position × scale; the letterbox offset (whole
// pixels) is added after, so glyphs stay on the pixel grid.
sf::Transform letterboxed(const sf::Transform& itemTransform, const Viewport& v) {
    sf::Transform t = itemTransform;
    t.translate(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY));
    return t;
}

sf::FloatRect toOutput(const Rect& r, const Viewport& v) {
    return {static_cast<float>(v.offsetX + r.x * v.scale), static_cast<float>(v.offsetY + r.y * v.scale),
            static_cast<float>(r.width * v.scale), static_cast<float>(r.height * v.scale)};
}

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

FrameRenderer::FrameRenderer(const Show& show, TextDrawer& text, TextureStore& textures)
    : show_(show), text_(text), textures_(textures) {
    maps_.prepareAhead(show_);  // map data loads on a worker, so a map scene's first frame does not wait
}

Viewport FrameRenderer::viewportFor(sf::Vector2u size) const {
    return Viewport::fit(show_.canvas.width, show_.canvas.height, size.x, size.y);
}

sf::RenderTexture* FrameRenderer::layerTexture(int slot, sf::Vector2u size) {
    auto& t = layerTextures_[slot];
    if (!t || t->getSize() != size) {
        t = std::make_unique<sf::RenderTexture>();
        if (!t->create(size.x, size.y)) {
            t.reset();
            return nullptr;
        }
    }
    return t.get();
}

void FrameRenderer::render(const Frame& frame, sf::RenderTarget& target, MediaWait wait) {
    textures_.beginFrame();
    Viewport v = viewportFor(target.getSize());
    bool letterboxed = v.offsetX > 0 || v.offsetY > 0 || v.width < target.getSize().x || v.height < target.getSize().y;
    // Every full-canvas fill costs a pass over 2 million pixels on a software renderer:
    // clear straight to the canvas colour when there are no bars.
    target.clear(letterboxed ? sf::Color::Black : toSf(frame.background));
    if (letterboxed) fillCanvas(target, v, frame.background);
    Color underneath = frame.background;

    for (const Layer& layer : frame.layers) {
        bool direct = layer.opacity >= 1 && layer.offsetX == 0 && layer.offsetY == 0;
        if (direct) {
            if (layer.scene >= 0 && layer.background.a > 0 && !(layer.background == underneath))
                fillCanvas(target, v, layer.background);
            if (layer.scene >= 0 && layer.background.a == 255) underneath = layer.background;
            drawLayer(layer, target, v, wait);
            continue;
        }
        // A layer that is blended or moved is drawn whole first, so its own items do not
        // show through each other while it fades.
        sf::Vector2u size{static_cast<unsigned>(v.width), static_cast<unsigned>(v.height)};
        sf::RenderTexture* rt = layerTexture(&layer == &frame.layers.front() ? 0 : 1, size);
        if (!rt) {
            drawLayer(layer, target, v, wait);
            continue;
        }
        rt->clear(layer.scene >= 0 ? toSf(layer.background) : sf::Color::Transparent);
        Viewport local = v;
        local.offsetX = local.offsetY = 0;
        drawLayer(layer, *rt, local, wait);
        rt->display();
        sf::Sprite sprite(rt->getTexture());
        sprite.setPosition(static_cast<float>(v.offsetX + layer.offsetX * v.scale),
                           static_cast<float>(v.offsetY + layer.offsetY * v.scale));
        sprite.setColor(sf::Color(255, 255, 255, static_cast<sf::Uint8>(std::lround(std::clamp(layer.opacity, 0.0, 1.0) * 255))));
        target.draw(sprite);
    }
    captions_.draw(frame, target, v);
}

std::vector<std::string> FrameRenderer::takeProblems() {
    std::vector<std::string> out;
    out.swap(problems_);
    for (auto& problem : captions_.takeProblems()) out.push_back(std::move(problem));
    return out;
}

void FrameRenderer::fillCanvas(sf::RenderTarget& target, const Viewport& v, const Color& colour) {
    sf::RectangleShape fill({static_cast<float>(v.width), static_cast<float>(v.height)});
    fill.setPosition(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY));
    fill.setFillColor(toSf(colour));
    target.draw(fill);
}

void FrameRenderer::drawLayer(const Layer& layer, sf::RenderTarget& target, const Viewport& v, MediaWait wait) {
    for (const DrawItem& d : layer.draws) drawItem(d, target, v, wait);
}

void FrameRenderer::drawItem(const DrawItem& d, sf::RenderTarget& target, const Viewport& v, MediaWait wait) {
    if (d.opacity <= 0) return;
    const Item& item = show_.items[d.item];
    sf::Transform transform = itemTransform(d, v);
    switch (item.kind) {
        case ItemKind::Text: drawText(d, item, target, v, transform); break;
        case ItemKind::Image: drawImage(d, item, target, v, transform, wait); break;
        case ItemKind::Video: drawVideo(d, item, target, v, transform, wait); break;
        case ItemKind::Map: maps_.draw(item, d, target, v); break;
        case ItemKind::Audio: break;  // heard, not seen
    }
}

void FrameRenderer::drawText(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                             const sf::Transform& transform) {
    const TextStyle& s = item.style;
    double blockWidth = s.maxWidth > 0 ? std::min(s.maxWidth, item.box.width) : item.box.width;
    if (s.background.a > 0) blockWidth -= 2 * s.padding;
    CachedLayout& cached = layouts_[d.item];
    if (cached.scale != v.scale || cached.blockWidth != blockWidth) {
        text::LayoutStyle ls;
        ls.family = s.font;
        ls.sizePx = static_cast<float>(s.size);
        ls.lineHeight = static_cast<float>(s.lineHeight);
        ls.align = toLayoutAlign(s.align);
        ls.maxWidthPx = static_cast<float>(std::max(1.0, blockWidth));
        ls.bold = s.bold;
        ls.italic = s.italic;
        cached.layout = text_.layout(toParagraphs(item.paragraphs), ls, static_cast<float>(v.scale));
        cached.scale = v.scale;
        cached.blockWidth = blockWidth;
    }
    const text::TextLayout& layout = cached.layout;
    double height = layout.height / v.scale;  // back to canvas px
    double x = d.box.x, y = d.box.y;
    if (s.align == TextStyle::Align::Center) x += (d.box.width - blockWidth) / 2;
    if (s.align == TextStyle::Align::Right) x += d.box.width - blockWidth;
    if (s.valign == TextStyle::VAlign::Middle) y += (d.box.height - height) / 2;
    if (s.valign == TextStyle::VAlign::Bottom) y += d.box.height - height - (s.background.a > 0 ? s.padding : 0);
    if (s.valign == TextStyle::VAlign::Top && s.background.a > 0) y += s.padding;
    if (s.background.a > 0 && s.align == TextStyle::Align::Left) x += s.padding;

    TextDrawOptions o;
    o.position = {static_cast<float>(x), static_cast<float>(y)};
    o.scale = static_cast<float>(v.scale);
    o.color = toSf(d.color);
    o.opacity = static_cast<float>(d.opacity);
    o.transform = letterboxed(transform, v);
    if (s.shadow.a > 0) {
        TextShadow shadow;
        shadow.color = toSf(s.shadow);
        o.shadow = shadow;
    }
    if (s.background.a > 0) o.background = TextBackground{static_cast<float>(s.padding), toSf(s.background)};
    text_.draw(target, layout, o);
}

void FrameRenderer::drawImage(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                              const sf::Transform& transform, MediaWait wait) {
    if (item.src.empty()) {
        drawPlaceholder(d, target, v, transform, "PHOTOGRAPH TO BE SUPPLIED", item.placeholder,
                        item.credit.empty() ? "Credit: to be supplied with the photograph" : "Credit: " + item.credit);
        return;
    }
    TextureLookup t = wait == MediaWait::Always ? textures_.getComplete(item.src) : textures_.get(item.src);
    std::string name = std::filesystem::path(item.src).filename().string();
    if (t.failed) {
        drawPlaceholder(d, target, v, transform, "IMAGE UNAVAILABLE", name, t.error);
        return;
    }
    if (!t.texture) return;  // still loading: nothing rather than a stall
    drawTexturedQuad(*t.texture, d.box, d.panZoom, item.fit, d.opacity, target, v, transform);
}

void FrameRenderer::drawTexturedQuad(const TiledTexture& picture, const Rect& box, const Rect& source, Fit fit,
                                     double opacity, sf::RenderTarget& target, const Viewport& v,
                                     const sf::Transform& transform) {
    // The visible part of the picture (pan-zoom), in picture pixels.
    double sx = source.x * picture.width, sy = source.y * picture.height;
    double sw = source.width * picture.width, sh = source.height * picture.height;
    Rect dest = fitInto(box, sw, sh, fit);
    // Clip the destination to the box (cover, none) by shrinking the source accordingly.
    Rect clipped = dest;
    clipped.x = std::max(dest.x, box.x);
    clipped.y = std::max(dest.y, box.y);
    clipped.width = std::min(dest.x + dest.width, box.x + box.width) - clipped.x;
    clipped.height = std::min(dest.y + dest.height, box.y + box.height) - clipped.y;
    if (clipped.width <= 0 || clipped.height <= 0) return;
    double u0 = sx + (clipped.x - dest.x) / dest.width * sw;
    double v0 = sy + (clipped.y - dest.y) / dest.height * sh;
    double u1 = u0 + clipped.width / dest.width * sw;
    double v1 = v0 + clipped.height / dest.height * sh;

    sf::FloatRect out = toOutput(clipped, v);
    auto outX = [&](double u) { return static_cast<float>(out.left + (u - u0) / (u1 - u0) * out.width); };
    auto outY = [&](double t) { return static_cast<float>(out.top + (t - v0) / (v1 - v0) * out.height); };
    sf::Color tint(255, 255, 255, static_cast<sf::Uint8>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255)));
    for (const auto& tile : picture.tiles) {
        // The part of the visible rectangle this tile holds.
        double a0 = std::max(u0, double(tile->x)), a1 = std::min(u1, double(tile->x + tile->width));
        double b0 = std::max(v0, double(tile->y)), b1 = std::min(v1, double(tile->y + tile->height));
        if (a1 <= a0 || b1 <= b0) continue;
        // Float texture coordinates: pan-zoom moves by fractions of a texel, which an
        // integer sprite rectangle would turn into visible steps.
        float ta0 = float(a0 - tile->x), ta1 = float(a1 - tile->x), tb0 = float(b0 - tile->y), tb1 = float(b1 - tile->y);
        sf::VertexArray quad(sf::TriangleStrip, 4);
        quad[0] = sf::Vertex({outX(a0), outY(b0)}, tint, {ta0, tb0});
        quad[1] = sf::Vertex({outX(a1), outY(b0)}, tint, {ta1, tb0});
        quad[2] = sf::Vertex({outX(a0), outY(b1)}, tint, {ta0, tb1});
        quad[3] = sf::Vertex({outX(a1), outY(b1)}, tint, {ta1, tb1});
        sf::RenderStates states(transform);
        states.texture = &tile->texture;
        target.draw(quad, states);
    }
}

void FrameRenderer::drawVideo(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                              const sf::Transform& transform, MediaWait wait) {
    VideoEntry& e = videos_[d.item];
    bool offline = wait == MediaWait::Always;
    if ((!e.source && e.error.empty()) || (e.source && e.offline != offline)) {
        VideoSourceOptions o;
        o.clipIn = item.clipIn;
        o.clipOut = item.clipOut;
        o.loop = item.loop;
        o.offline = offline;
        auto opened = VideoSource::open(item.src, o);
        e.source = std::move(opened.source);
        e.offline = offline;
        e.shown.reset();
        if (!e.source) {
            e.error = opened.message;
            problems_.push_back("video " + item.src + ": " + opened.message + " (a placeholder is shown)");
        }
    }
    if (!e.source) {
        drawPlaceholder(d, target, v, transform, "VIDEO UNAVAILABLE", std::filesystem::path(item.src).filename().string(),
                        e.error);
        return;
    }
    auto frame = e.source->frameAt(d.mediaTime);
    if (!frame) return;  // not decoded yet: nothing rather than a stall
    if (frame != e.shown) {
        const RgbaImage& img = frame->image;
        if (e.picture.tiles.empty()) e.picture.tiles.push_back(std::make_unique<TextureTile>());
        TextureTile& tile = *e.picture.tiles.front();
        if (tile.width != img.width || tile.height != img.height) {
            if (!tile.texture.create(static_cast<unsigned>(img.width), static_cast<unsigned>(img.height))) return;
            tile.texture.setSmooth(true);
            tile.width = e.picture.width = img.width;
            tile.height = e.picture.height = img.height;
        }
        tile.texture.update(img.pixels.data());
        e.shown = frame;
    }
    drawTexturedQuad(e.picture, d.box, Rect{0, 0, 1, 1}, item.fit, d.opacity, target, v, transform);
}

void FrameRenderer::drawPlaceholder(const DrawItem& d, sf::RenderTarget& target, const Viewport& v,
                                    const sf::Transform& transform, const std::string& label,
                                    const std::string& description, const std::string& footnote) {
    sf::FloatRect box = toOutput(d.box, v);
    float rule = static_cast<float>(kPlaceholderRuleWidth * v.scale);
    sf::RectangleShape panel({box.width - 2 * rule, box.height - 2 * rule});
    panel.setPosition(box.left + rule, box.top + rule);
    panel.setFillColor(toSf(kPlaceholderFill, d.opacity));
    panel.setOutlineThickness(rule);
    panel.setOutlineColor(toSf(kPlaceholderRule, d.opacity));
    target.draw(panel, sf::RenderStates(transform));

    // Text sized to the panel, never below a legible minimum.
    double base = std::max(kPlaceholderMinTextSize, std::min(d.box.width / 28, d.box.height / 10));
    double margin = std::max(d.box.width * 0.08, base);
    double width = std::max(1.0, d.box.width - 2 * margin);
    auto layoutFor = [&](const std::string& text, double size, bool italic, const std::string& family) {
        text::LayoutStyle ls;
        ls.family = family;
        ls.sizePx = static_cast<float>(size);
        ls.italic = italic;
        ls.align = text::LayoutStyle::Align::Center;
        ls.maxWidthPx = static_cast<float>(width);
        ls.lineHeight = 1.3f;
        return text_.layout({text::Paragraph{{text::Span{text, false, italic, {}}}}}, ls, static_cast<float>(v.scale));
    };
    double small = std::max(kPlaceholderMinTextSize, base * 0.7);
    text::TextLayout parts[] = {layoutFor(label, small, false, "sans"), layoutFor(description, base * 1.1, true, "serif"),
                                layoutFor(footnote, small, false, "sans")};
    Color colours[] = {kPlaceholderLabel, kPlaceholderText, kPlaceholderLabel};
    double gap = base * 0.8;
    double total = 0;
    for (auto& p : parts) total += p.height / v.scale;
    total += gap * 2;
    double y = d.box.y + (d.box.height - total) / 2;
    for (int i = 0; i < 3; ++i) {
        TextDrawOptions o;
        o.position = {static_cast<float>(d.box.x + margin), static_cast<float>(y)};
        o.scale = static_cast<float>(v.scale);
        o.color = toSf(colours[i]);
        o.opacity = static_cast<float>(d.opacity);
        o.transform = letterboxed(transform, v);
        text_.draw(target, parts[i], o);
        y += parts[i].height / v.scale + gap;
    }
}

}  // namespace vitrine::render
