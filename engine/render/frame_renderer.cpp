#include "render/frame_renderer.h"

#include "render/canvas_placement.h"
#include "render/image_draw_size.h"
#include "render/placeholder_drawer.h"
#include "timeline/screen_words.h"
#include "render/textured_quad.h"
#include "text/credit_roll.h"
#include "text/item_text.h"
#include "timeline/show_position.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace vitrine::render {
namespace {

// The largest type of the text: its style's, or a paragraph's own.
double largestSize(const Item& item) {
    double size = item.style.size;
    for (const auto& p : item.paragraphs)
        if (p.style) size = std::max(size, p.style->size);
    return size;
}

// Canvas or picture px: edges this close count as touching (pan-zoom arithmetic rounds).
constexpr double kEdgeTolerance = 1e-3;

// Glyph ink may overhang the line boxes (italic tails, accents over capitals): text's
// footprint is its line boxes grown by this share of the font size on every side.
constexpr double kInkMarginEm = 0.5;

bool coversRect(const Rect& outer, double x, double y, double w, double h) {
    return outer.x <= x + kEdgeTolerance && outer.y <= y + kEdgeTolerance &&
           outer.x + outer.width >= x + w - kEdgeTolerance && outer.y + outer.height >= y + h - kEdgeTolerance;
}

bool moved(const Layer& layer) { return layer.offsetX != 0 || layer.offsetY != 0; }

}  // namespace

FrameRenderer::FrameRenderer(const Show& show, TextDrawer& text, TextureStore& textures)
    : FrameRenderer(show, text, textures, nullptr, nullptr) {}

FrameRenderer::FrameRenderer(const Show& show, RenderResources& resources)
    : FrameRenderer(show, resources.text(), resources.textures(), &resources.mapMeshes(), &resources.captionFiles()) {}

FrameRenderer::FrameRenderer(const Show& show, TextDrawer& text, TextureStore& textures, MapMeshStore* meshes,
                             CaptionCache* captionFiles)
    : show_(show), text_(text), textures_(textures), maps_(text, meshes), captions_(show, text, captionFiles) {
    maps_.reducedMotion = show.reducedMotion;
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
    waitingForMedia_ = false;
    Viewport v = viewportFor(target.getSize());
    bool letterboxed = v.offsetX > 0 || v.offsetY > 0 || v.width < target.getSize().x || v.height < target.getSize().y;
    // Every full-canvas fill costs a pass over 2 million pixels on a software renderer:
    // clear straight to the canvas colour when there are no bars.
    target.clear(letterboxed ? sf::Color::Black : toSf(frame.background));
    if (letterboxed) fillCanvas(target, v, frame.background);
    if (!pictureSamplingWarmed_) {
        warmPictureSampling(target);
        pictureSamplingWarmed_ = true;
    }
    std::optional<Color> underneath = frame.background;  // while the whole canvas is one colour

    const std::vector<Layer>& layers = frame.layers;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Layer& layer = layers[i];
        const int slot = i == 0 ? 0 : 1;
        if (moved(layer)) {
            drawOffscreen(layer, slot, target, v, wait);
            underneath.reset();
            continue;
        }
        if (layer.opacity >= 1 && i + 1 < layers.size() &&
            crossfadeSwapped(layer, layers[i + 1], underneath, target, v, wait)) {
            underneath.reset();
            ++i;
            continue;
        }
        LayerPlan plan = planFor(layer, v, wait, underneath);
        if (layer.opacity >= 1 || plan.perItem) {
            drawPlanned(layer, plan, std::min(1.0, layer.opacity), target, v, wait);
            underneath = uniformAfter(plan, layer.opacity, layer.background, underneath);
            continue;
        }
        drawOffscreen(layer, slot, target, v, wait);
        underneath.reset();
    }
    captions_.draw(frame, target, v);
    videos_.retireUnused(frame);
}

bool FrameRenderer::crossfadeSwapped(const Layer& below, const Layer& above, const std::optional<Color>& underneath,
                                     sf::RenderTarget& target, const Viewport& v, MediaWait wait) {
    if (moved(below) || moved(above) || above.opacity <= 0 || above.opacity >= 1) return false;
    LayerPlan abovePlan = planFor(above, v, wait, std::nullopt);
    if (!abovePlan.opaque || abovePlan.perItem) return false;
    LayerPlan belowPlan = planFor(below, v, wait, std::nullopt);
    if (!belowPlan.opaque || !belowPlan.perItem) return false;
    // Both layers hide whatever lies beneath them, so the mix (1 - p)·below + p·above is
    // the same in either order: draw the layer whose parts overlap whole, and fade the
    // separable one over it with 1 - p, instead of compositing through a texture.
    drawPlanned(above, planFor(above, v, wait, underneath), 1, target, v, wait);
    drawPlanned(below, belowPlan, 1 - above.opacity, target, v, wait);
    return true;
}

LayerPlan FrameRenderer::planFor(const Layer& layer, const Viewport& v, MediaWait wait,
                                 const std::optional<Color>& underneath) {
    footprints_.clear();
    for (const DrawItem& d : layer.draws) footprints_.push_back(footprint(d, v, wait));
    sf::FloatRect canvas(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY), static_cast<float>(v.width),
                         static_cast<float>(v.height));
    return planLayer(footprints_, layer.scene >= 0, layer.background, underneath, canvas);
}

void FrameRenderer::drawPlanned(const Layer& layer, const LayerPlan& plan, double opacity, sf::RenderTarget& target,
                                const Viewport& v, MediaWait wait) {
    if (plan.fill) fillCanvas(target, v, layer.background, opacity);
    for (std::size_t i = plan.first; i < layer.draws.size(); ++i) {
        if (opacity >= 1) {
            drawItem(layer.draws[i], target, v, wait);
            continue;
        }
        DrawItem faded = layer.draws[i];
        faded.opacity *= opacity;
        drawItem(faded, target, v, wait);
    }
}

void FrameRenderer::drawOffscreen(const Layer& layer, int slot, sf::RenderTarget& target, const Viewport& v,
                                  MediaWait wait) {
    // A layer whose parts overlap is drawn whole first, so they do not show through each
    // other while it fades; a moved one, so it is clipped to the canvas.
    sf::Vector2u size{static_cast<unsigned>(v.width), static_cast<unsigned>(v.height)};
    sf::RenderTexture* rt = layerTexture(slot, size);
    if (!rt) {
        drawLayer(layer, target, v, wait);
        return;
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

Footprint FrameRenderer::footprint(const DrawItem& d, const Viewport& v, MediaWait wait) {
    Footprint f;
    const Item& item = show_.items[d.item];
    if (d.opacity <= 0 || item.kind == ItemKind::Audio) {
        f.empty = true;
        return f;
    }
    sf::Transform transform = itemTransform(d, v);
    if (item.kind == ItemKind::Image && !item.src.empty()) {
        TextureLookup t = lookupTexture(item, v, wait);
        if (t.failed()) return f;  // a placeholder: a panel under its label
        std::optional<QuadPlacement> q = t.texture ? placeQuad(*t.texture, d.box, d.panZoom, item.fit) : std::nullopt;
        if (!q) {
            f.empty = true;
            return f;
        }
        f.bounds = transform.transformRect(toOutput(q->dest, v));
        const TiledTexture& picture = *t.texture;
        bool wholePicture = q->u0 >= -kEdgeTolerance && q->v0 >= -kEdgeTolerance &&
                            q->u1 <= picture.width + kEdgeTolerance && q->v1 <= picture.height + kEdgeTolerance;
        f.coversCanvas = picture.opaque && wholePicture && d.opacity >= 1 && d.rotation == 0 && d.scale >= 1 &&
                         coversRect(q->dest, 0, 0, show_.canvas.width, show_.canvas.height);
        return f;
    }
    if (item.kind == ItemKind::Text && item.style.shadow.a == 0 && item.style.background.a == 0) {
        const CachedLayout& cached = textLayout(d, item, v);
        TextDrawOptions o = textOptions(d, item, cached, v, transform);
        sf::FloatRect box = TextDrawer::bounds(*cached.layout, o);
        const auto margin = static_cast<float>(largestSize(item) * v.scale * kInkMarginEm);
        box = {box.left - margin, box.top - margin, box.width + 2 * margin, box.height + 2 * margin};
        f.bounds = o.transform.transformRect(box);
    }
    return f;  // anything else may overlap itself
}

void FrameRenderer::uploadAhead(Micros from, Micros to, bool loop, sf::Vector2u targetSize,
                                std::chrono::microseconds time) {
    videos_.lookAhead(from, to, loop);
    textures_.beginUploadsBetweenFrames(time);
    const double scale = viewportFor(targetSize).scale;
    for (int index : imageItemsNeeded(show_, from, to, loop)) {
        const Item& item = show_.items[static_cast<std::size_t>(index)];
        textures_.prepare(item.src, imageDrawSize(item, scale));
    }
}

TextureLookup FrameRenderer::lookupTexture(const Item& item, const Viewport& v, MediaWait wait) {
    // Decoded only as large as it is ever drawn: fewer pixels to decode, upload and sample.
    const ImageDrawSize size = imageDrawSize(item, v.scale);
    switch (wait) {
        case MediaWait::Always: return textures_.getComplete(item.src, size);
        case MediaWait::BetweenFrames: return textures_.lookup(item.src, size);
        case MediaWait::Never: break;
    }
    return textures_.get(item.src, size);
}

std::vector<std::string> FrameRenderer::takeProblems() {
    std::vector<std::string> out;
    out = videos_.takeProblems();
    for (auto& problem : captions_.takeProblems()) out.push_back(std::move(problem));
    return out;
}

void FrameRenderer::fillCanvas(sf::RenderTarget& target, const Viewport& v, const Color& colour, double opacity) {
    sf::RectangleShape fill({static_cast<float>(v.width), static_cast<float>(v.height)});
    fill.setPosition(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY));
    fill.setFillColor(toSf(colour, opacity));
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
        case ItemKind::Video:
            if (item.src.empty()) {  // only a sign-language video not yet recorded has none
                drawPlaceholder(text_, d, target, v, transform,
                                {screenWord(ScreenWord::SignLanguageStandIn, show_.wordsLanguages), item.placeholder,
                                 screenWord(ScreenWord::SignLanguageToBeReplaced, show_.wordsLanguages)});
                break;
            }
            if (videos_.draw(d, target, v, transform, wait == MediaWait::Always)) waitingForMedia_ = true;
            break;
        case ItemKind::Map: maps_.draw(item, d, target, v); break;
        case ItemKind::VisitorCode: visitorCodes_.draw(d, item, target, v, transform); break;
        case ItemKind::Audio: break;  // heard, not seen
    }
}

const FrameRenderer::CachedLayout& FrameRenderer::textLayout(const DrawItem& d, const Item& item, const Viewport& v) {
    const double blockWidth = text::textBlockWidth(item);
    CachedLayout& cached = layouts_[d.item];
    if (cached.scale != v.scale || cached.blockWidth != blockWidth) {
        cached.layout = text_.keptLayout(text::itemParagraphs(item), text::itemLayoutStyle(item, blockWidth),
                                         static_cast<float>(v.scale));
        cached.scale = v.scale;
        cached.blockWidth = blockWidth;
    }
    return cached;
}

TextDrawOptions FrameRenderer::textOptions(const DrawItem& d, const Item& item, const CachedLayout& cached,
                                           const Viewport& v, const sf::Transform& transform) {
    const TextStyle& s = item.style;
    const double height = cached.layout->height / v.scale;  // back to canvas px
    const Rect block = text::placeTextBlock(item, d.box, cached.blockWidth, height);

    TextDrawOptions o;
    o.position = {static_cast<float>(block.x), static_cast<float>(block.y)};
    o.scale = static_cast<float>(v.scale);
    o.color = toSf(d.color);
    for (std::size_t p = 0; p < item.paragraphs.size(); ++p)
        if (const auto& own = item.paragraphs[p].style; own && own->color != s.color)
            o.paragraphColors[static_cast<int>(p)] = toSf(own->color);
    o.opacity = static_cast<float>(d.opacity);
    o.transform = letterboxed(transform, v);
    if (s.shadow.a > 0) {
        TextShadow shadow;
        shadow.color = toSf(s.shadow);
        o.shadow = shadow;
    }
    if (s.background.a > 0) o.background = TextBackground{static_cast<float>(s.padding), toSf(s.background)};
    return o;
}

void FrameRenderer::drawText(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                             const sf::Transform& transform) {
    const CachedLayout& cached = textLayout(d, item, v);
    const TextDrawOptions options = textOptions(d, item, cached, v, transform);
    const auto roll = text::creditRoll(item, *cached.layout, d.box.height * v.scale);
    if (!roll) {
        text_.draw(target, *cached.layout, options);
        return;
    }
    // The title stands still; the entries move up by the roll's offset (or, under reduced
    // motion, stand a page at a time), seen only in the window between the title and the
    // bottom of the box: clipped with a view, and faded over a band at each edge so a line
    // comes and goes softly rather than at a hard edge under the title.
    const int lineCount = static_cast<int>(cached.layout->lines.size());
    text_.draw(target, text::linesOf(*cached.layout, 0, roll->headingLines), options);
    const float top = std::round(options.position.y * options.scale);  // where draw() puts the layout's top
    TextDrawOptions moving = options;
    int first = roll->headingLines, end = lineCount;
    double offset = roll->offsetAt(d.progress);
    if (show_.reducedMotion) {
        const text::CreditPage page = roll->pageAt(d.progress, item.activeEnd - item.begin);
        first = page.firstLine, end = page.endLine, offset = page.offset;
        moving.opacity *= static_cast<float>(page.opacity);
    }
    moving.position.y -= std::round(static_cast<float>(offset)) / options.scale;
    const auto windowTop = top + static_cast<float>(roll->windowTop);
    const auto windowHeight = static_cast<float>(roll->windowHeight);
    moving.edgeFade = VerticalFade{windowTop, windowTop + windowHeight, static_cast<float>(roll->fadeBand)};
    const sf::FloatRect window = options.transform.transformRect(
        {static_cast<float>(d.box.x * v.scale), windowTop, static_cast<float>(d.box.width * v.scale), windowHeight});
    const sf::Vector2f size(target.getSize());
    sf::FloatRect clip;
    if (size.x <= 0 || size.y <= 0 || !window.intersects({0, 0, size.x, size.y}, clip)) return;
    const sf::View whole = target.getView();
    sf::View clipped(clip);
    clipped.setViewport({clip.left / size.x, clip.top / size.y, clip.width / size.x, clip.height / size.y});
    target.setView(clipped);
    text_.draw(target, text::linesOf(*cached.layout, first, end), moving);
    target.setView(whole);
}

void FrameRenderer::drawImage(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                              const sf::Transform& transform, MediaWait wait) {
    if (item.src.empty()) {
        drawPlaceholder(text_, d, target, v, transform,
                        {screenWord(ScreenWord::PhotographToBeSupplied, show_.wordsLanguages), item.placeholder,
                         item.credit.empty() ? screenWord(ScreenWord::CreditToBeSupplied, show_.wordsLanguages)
                                             : screenWord(ScreenWord::Credit, show_.wordsLanguages, item.credit)});
        return;
    }
    TextureLookup t = lookupTexture(item, v, wait);
    std::string name = std::filesystem::path(item.src).filename().string();
    if (t.failed()) {
        drawPlaceholder(text_, d, target, v, transform, {screenWord(ScreenWord::ImageUnavailable, show_.wordsLanguages), name, t.error->message});
        return;
    }
    if (!t.texture) {
        // Still decoding or uploading (within a frame's budget, a large picture takes several
        // frames): nothing rather than a stall, but a paused preview must draw again, or the
        // picture never appears until something else redraws it.
        waitingForMedia_ = true;
        return;
    }
    drawTexturedQuad(*t.texture, d.box, d.panZoom, item.fit, d.opacity, target, v, transform);
}

}  // namespace vitrine::render
