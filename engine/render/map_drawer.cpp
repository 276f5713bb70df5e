#include "render/map_drawer.h"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <sstream>

#include "map/compiled_map.h"
#include "render/map_marks.h"
#include "render/map_mesh.h"
#include "render/map_still.h"
#include "render/map_strokes.h"
#include "text/item_text.h"
#include "timeline/second_language.h"

namespace vitrine::render {
namespace {

using map::Point2;

// Widths in canvas px (so a 4K output gets proportionally thicker lines), never below
// one output pixel.
constexpr float kBorderWidth = 1.5f;
constexpr double kCreditSize = 18;  // canvas px
constexpr double kCreditInset = 14;
const TextShadow kLabelHalo{{0.0f, 0.0f}, 1.6f, sf::Color(0x12, 0x12, 0x10, 235)};

}  // namespace

// One compiled map ready to draw: its layers' meshes, and its still part as last drawn.
struct MapDrawer::PreparedMap {
    std::shared_ptr<const map::CompiledMap> model;
    MapMesh* data = nullptr;  // the map's own file; nullptr when it has none
    MapMesh* base = nullptr;  // the world underneath, for views beyond the data
    std::vector<MapMesh*> layers;  // the map's <layer>s, as its model's; nullptr where one has no data
    // The still part (water, land, borders, highlights) as last drawn, and what it shows.
    std::unique_ptr<sf::RenderTexture> still;
    std::string stillKey;  // empty: `still` holds nothing yet
    std::string lastKey;   // the still part the previous frame of this map drew
};

// One frame of one map: what evaluateMap says and where it goes on the target.
struct MapDrawer::Frame {
    map::MapState state;
    sf::FloatRect out;  // the map's box on the target, in whole px
    float borderWidth = 1;
    sf::Color land;
};

MapDrawer::MapDrawer(TextDrawer& text, MapMeshStore* store) : text_(text), store_(store) {}

MapDrawer::~MapDrawer() {
    if (stopAhead_) *stopAhead_ = true;
    if (ahead_.valid()) ahead_.wait();
    if (!store_) return;
    for (auto& [model, p] : maps_)
        if (p->still && !p->stillKey.empty())
            store_->keepStill(keptStillKey(*p, p->stillKey), {p->model, std::move(p->still)});
}

void MapDrawer::prepareAhead(const Show& show) {
    if (ahead_.valid()) adoptAhead();
    std::vector<std::shared_ptr<const map::ProjectedLayer>> wanted;
    for (const Item& item : show.items) {
        if (item.kind != ItemKind::Map || !item.map) continue;
        std::vector<std::shared_ptr<const map::ProjectedLayer>> layers{item.map->data, item.map->base};
        layers.insert(layers.end(), item.map->layers.begin(), item.map->layers.end());
        for (const auto& layer : layers) {
            if (!layer || meshes_.count(layer.get())) continue;
            if (auto kept = store_ ? store_->find(layer.get()) : nullptr) {
                meshes_.emplace(layer.get(), std::move(kept));  // made for an earlier show
                continue;
            }
            if (std::find(wanted.begin(), wanted.end(), layer) == wanted.end()) wanted.push_back(layer);
        }
    }
    if (wanted.empty()) return;
    stopAhead_ = std::make_shared<std::atomic<bool>>(false);
    // Each mesh goes to the store as soon as it is built: a renderer replaced before it draws
    // a map (an edit on a text scene, then another) must not leave the next one to build
    // them all again, and wait on the way for this worker to finish.
    ahead_ = std::async(std::launch::async, [wanted = std::move(wanted), stop = stopAhead_, land = palette.land,
                                             store = store_]() {
        std::vector<std::shared_ptr<MapMesh>> built;
        for (const auto& layer : wanted) {
            if (*stop) break;
            built.push_back(buildMapMesh(layer, land));
            if (store) store->keep(built.back());
        }
        return built;
    });
}

void MapDrawer::adoptAhead() {
    if (!ahead_.valid()) return;
    for (std::shared_ptr<MapMesh>& mesh : ahead_.get())  // waits only when a map is wanted before it is ready
        meshes_.try_emplace(mesh->layer.get(), std::move(mesh));
}

MapMesh* MapDrawer::mesh(const std::shared_ptr<const map::ProjectedLayer>& layer) {
    if (!layer) return nullptr;
    // What the worker has built is taken; a map wanted before it is done does not wait for
    // every fill of every layer (the 1:10m world at each level of detail): its mesh is made
    // here, and only the fills its frames draw (buildMapMesh without everyFill).
    if (!meshes_.count(layer.get()) && ahead_.valid() &&
        ahead_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        adoptAhead();
    auto it = meshes_.find(layer.get());
    if (it == meshes_.end()) {
        std::shared_ptr<MapMesh> kept = store_ ? store_->find(layer.get()) : nullptr;
        it = meshes_.emplace(layer.get(), kept ? std::move(kept) : buildMapMesh(layer, palette.land, false)).first;
    }
    if (store_) store_->keep(it->second);  // the most recently used (prepare() calls this once per map)
    return it->second.get();
}

MapDrawer::PreparedMap* MapDrawer::prepare(const Item& item) {
    if (!item.map) return nullptr;  // compiled without map data: nothing to draw
    auto it = maps_.find(item.map.get());
    if (it != maps_.end()) return it->second.get();
    auto p = std::make_unique<PreparedMap>();
    p->model = item.map;
    p->data = mesh(item.map->data);
    p->base = mesh(item.map->base);
    for (const auto& layer : item.map->layers) p->layers.push_back(mesh(layer));
    return maps_.emplace(item.map.get(), std::move(p)).first->second.get();
}

const text::TextLayout& MapDrawer::labelLayout(const std::string& text, double sizePx, double scale,
                                               const TextStyle* own) {
    std::ostringstream key;
    key << sizePx << '|' << scale << '|';
    if (own) key << own->font << '|' << own->bold << own->italic << '|';
    key << text;
    auto it = labelLayouts_.find(key.str());
    if (it != labelLayouts_.end()) return *it->second;
    // Kept by the shared drawer too, so the next show's map finds its labels laid out.
    const text::LayoutStyle style = text::mapLabelStyle(sizePx, own);
    auto layout = text_.keptLayout(text::twoLanguageParagraphs(text, style), style, static_cast<float>(scale));
    return *labelLayouts_.emplace(key.str(), std::move(layout)).first->second;
}

map::MapEvaluationContext MapDrawer::contextFor(const PreparedMap& p, const DrawItem& d, const Viewport& v) {
    map::MapEvaluationContext c;
    c.dataBounds = p.model->dataBounds();
    double scale = v.scale > 0 ? v.scale : 1.0;
    c.measure = [this, scale](const std::string& text, double sizePx, const TextStyle* style) {
        const text::TextLayout& l = labelLayout(text, sizePx, scale, style);
        return std::pair<double, double>(l.width / scale, l.height / scale);
    };
    c.zoom = d.scale > 0 ? d.scale : 1.0;
    c.reducedMotion = reducedMotion;
    if (camera_ && p.model.get() == cameraMap_) c.camera = camera_;
    return c;
}

map::MapState MapDrawer::stateFor(const Item& item, const DrawItem& d, const Viewport& v) {
    const PreparedMap* p = prepare(item);
    if (!p) return {};
    return map::evaluateMap(p->model->scene, d.localTime, d.box, contextFor(*p, d, v));
}

void MapDrawer::draw(const Item& item, const DrawItem& d, sf::RenderTarget& target, const Viewport& v) {
    PreparedMap* prepared = prepare(item);
    if (!prepared) return;
    PreparedMap& p = *prepared;
    Frame f;
    f.state = map::evaluateMap(p.model->scene, d.localTime, d.box, contextFor(p, d, v));
    // The box on the output, in whole pixels; everything is clipped to it.
    f.out = sf::FloatRect(std::round(float(v.offsetX + d.box.x * v.scale)), std::round(float(v.offsetY + d.box.y * v.scale)),
                          std::round(float(d.box.width * v.scale)), std::round(float(d.box.height * v.scale)));
    if (f.out.width < 1 || f.out.height < 1) return;
    f.borderWidth = std::max(kMinLineWidth, kBorderWidth * float(v.scale));
    const sf::FloatRect& out = f.out;

    // A map that fades is drawn whole first, so its water does not show through its land.
    const double opacity = std::clamp(d.opacity, 0.0, 1.0);
    if (opacity < 1.0) {
        sf::Vector2u size(static_cast<unsigned>(out.width), static_cast<unsigned>(out.height));
        if (!fadeTexture_ || fadeTexture_->getSize() != size) {
            fadeTexture_ = std::make_unique<sf::RenderTexture>();
            if (!fadeTexture_->create(size.x, size.y)) fadeTexture_.reset();
        }
        if (fadeTexture_) {
            fadeTexture_->clear(sf::Color::Transparent);
            Viewport shifted = v;
            shifted.offsetX -= out.left;
            shifted.offsetY -= out.top;
            DrawItem opaque = d;
            opaque.opacity = 1;
            draw(item, opaque, *fadeTexture_, shifted);
            fadeTexture_->display();
            sf::Sprite sprite(fadeTexture_->getTexture());
            sprite.setPosition(out.left, out.top);
            sprite.setColor(sf::Color(255, 255, 255, static_cast<sf::Uint8>(std::lround(opacity * 255))));
            target.draw(sprite);
            return;
        }
    }

    const sf::View saved = target.getView();
    sf::Vector2f targetSize(target.getSize());
    sf::View clip(out);
    clip.setViewport({out.left / targetSize.x, out.top / targetSize.y, out.width / targetSize.x, out.height / targetSize.y});
    target.setView(clip);

    // The still part comes from its picture when the previous frame drew the same one: a
    // camera at rest is kept after one frame, a moving one is drawn straight (a picture
    // would cost it a pass more).
    const std::string key = stillKey(f, v);
    // A new show's drawer (an edit, a reload) finds the picture the drawer before it kept.
    if (keepStillPictures && store_ && !p.still) {
        KeptStill kept = store_->takeStill(keptStillKey(p, key));
        if (kept.picture) {
            p.still = std::move(kept.picture);
            p.stillKey = key;
        }
    }
    auto blit = [&] {
        sf::Sprite sprite(p.still->getTexture());
        sprite.setPosition(out.left, out.top);
        target.draw(sprite, sf::RenderStates(sf::BlendNone));
    };
    if (keepStillPictures && p.still && p.stillKey == key) {
        blit();
    } else if (keepStillPictures && (key == p.lastKey || (store_ && p.lastKey.empty())) && keepStill(p, f, v, key)) {
        // With a store the picture outlives this drawer: made at a map's first frame, it spares
        // the next show's first frame at this place (the edit after a drag) a straight draw.
        blit();
    } else {
        drawStill(p, f, target, v, out);
    }
    p.lastKey = key;
    drawMarks(item, f, target, v);
    target.setView(saved);
}

std::string MapDrawer::stillKey(const Frame& f, const Viewport& v) const {
    const map::MapState& s = f.state;
    std::ostringstream key;
    key.precision(17);
    key << s.camera.centre.x << ',' << s.camera.centre.y << ',' << s.camera.width << '|' << s.box.x << ',' << s.box.y
        << ',' << s.box.width << ',' << s.box.height << '|' << f.out.width << ',' << f.out.height << '|'
        << v.offsetX - f.out.left << ',' << v.offsetY - f.out.top << ',' << v.scale << '|' << f.borderWidth << '|'
        << palette.water.toInteger() << ',' << palette.land.toInteger() << ',' << palette.border.toInteger();
    for (const map::HighlightState& h : s.highlights)
        key << '|' << h.feature << ',' << toSf(h.color, h.opacity).toInteger();
    for (const map::DataLayerState& l : s.layers)
        key << "|l" << l.index << ',' << l.width << ',' << toSf(l.color, l.opacity).toInteger() << ','
            << (l.fill ? toSf(*l.fill, l.opacity).toInteger() : 0) << ',' << l.waterFill;
    for (const map::GraticuleState& g : s.graticules) {
        key << "|g" << g.width << ',' << toSf(g.color, g.opacity).toInteger();
        // Where its lines start: a picture kept across shows must not outlive an edit of the step.
        for (const map::GraticuleLineState& line : g.lines)
            if (!line.points.empty()) key << ',' << line.points.front().x << ' ' << line.points.front().y;
    }
    return key.str();
}

std::string MapDrawer::keptStillKey(const PreparedMap& p, const std::string& stillKey) {
    // The layers by address: the kept picture holds its model, so they stay its layers.
    std::ostringstream key;
    key << static_cast<const void*>(p.model->data.get()) << ',' << static_cast<const void*>(p.model->base.get());
    for (const auto& layer : p.model->layers) key << ',' << static_cast<const void*>(layer.get());
    key << '|' << stillKey;
    return key.str();
}

bool MapDrawer::keepStill(PreparedMap& p, const Frame& f, const Viewport& v, const std::string& key) {
    sf::Vector2u size(static_cast<unsigned>(f.out.width), static_cast<unsigned>(f.out.height));
    if (!p.still || p.still->getSize() != size) {
        p.still = std::make_unique<sf::RenderTexture>();
        if (!p.still->create(size.x, size.y)) {
            p.still.reset();
            return false;
        }
    }
    Viewport shifted = v;
    shifted.offsetX -= f.out.left;
    shifted.offsetY -= f.out.top;
    drawStill(p, f, *p.still, shifted, sf::FloatRect(0, 0, f.out.width, f.out.height));
    p.still->display();
    p.stillKey = key;
    return true;
}

void MapDrawer::drawStill(PreparedMap& p, const Frame& f, sf::RenderTarget& target, const Viewport& v, sf::FloatRect out) {
    ++stillsDrawn_;
    drawMapStill({p.data, p.base, p.layers, fullDetail}, f.state, f.borderWidth, palette, target, v, out);
}

void MapDrawer::drawMarks(const Item& item, const Frame& f, sf::RenderTarget& target, const Viewport& v) {
    const map::MapState& s = f.state;
    const float scale = static_cast<float>(v.scale);
    auto toOutput = [&](const Point2& canvas) {
        return sf::Vector2f(float(v.offsetX + canvas.x * v.scale), float(v.offsetY + canvas.y * v.scale));
    };
    drawVertices(target, routeAndMarkerVertices(s, v, palette));
    drawVertices(target, scaleBarVertices(s, v, palette));
    for (const map::ScaleBarState& b : s.scaleBars) {
        const text::TextLayout& layout = labelLayout(b.text, map::MapMetrics::scaleBarTextSize, v.scale);
        TextDrawOptions o;
        o.position = toOutput({b.textBox.x, b.textBox.y}) / scale;
        o.scale = scale;
        o.color = toSf(b.color);
        o.opacity = float(b.opacity);
        o.shadow = kLabelHalo;
        o.shadow->color = palette.halo;
        text_.draw(target, layout, o);
    }

    // Labels last: light text with a dark halo, where evaluateMap placed them.
    drawVertices(target, labelLeaderVertices(s, v, palette));
    for (const map::LabelState& l : s.labels) {
        if (l.fit == map::LabelFit::NotPlaced) continue;  // its place is off the map shown
        const TextStyle* own = l.style ? &*l.style : nullptr;
        const text::TextLayout& layout = labelLayout(l.text, l.sizePx, v.scale, own);
        sf::Vector2f at = toOutput({l.box.x, l.box.y});
        TextDrawOptions o;
        o.position = at / scale;  // the drawer multiplies by the scale
        o.scale = scale;
        o.color = own ? toSf(own->color) : l.primary ? palette.label : palette.freeLabel;
        // A second language (`both`) beneath the first, fainter, as a text's second language.
        sf::Color second = o.color;
        second.a = static_cast<sf::Uint8>(std::lround(second.a * kSecondLanguageOpacity));
        o.paragraphColors[1] = second;
        o.opacity = float(l.opacity);
        o.shadow = kLabelHalo;
        o.shadow->color = own && own->shadow.a > 0 ? toSf(own->shadow) : palette.halo;  // a style's shadow tints the halo
        text_.draw(target, layout, o);
    }
    if (!item.credit.empty()) {
        const text::TextLayout& layout = labelLayout(item.credit, kCreditSize, v.scale);
        sf::Vector2f at = toOutput({s.box.x + s.box.width - kCreditInset - layout.width / v.scale,
                                    s.box.y + s.box.height - kCreditInset - layout.height / v.scale});
        TextDrawOptions o;
        o.position = at / scale;
        o.scale = scale;
        o.color = palette.credit;
        text_.draw(target, layout, o);
    }
}

}  // namespace vitrine::render
