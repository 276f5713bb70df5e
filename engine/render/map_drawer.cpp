#include "render/map_drawer.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <cmath>
#include <future>
#include <iostream>
#include <numbers>
#include <sstream>

#include "map/geojson.h"
#include "render/simplify_line.h"
#include "script/suggest.h"

namespace vitrine::render {
namespace {

using map::Point2;

// Widths in canvas px (so a 4K output gets proportionally thicker lines), never below
// one output pixel. The feather is the soft edge that stands in for multisampling.
constexpr float kBorderWidth = 1.5f;
constexpr float kMinLineWidth = 1.0f;  // output px
constexpr float kFeather = 1.0f;       // output px
constexpr float kMaxMiter = 2.0f;
constexpr float kMinPointSpacing = 0.8f;  // output px: closer points add nothing visible
// Output px: a border point this close to the line its neighbours make moves no stroke
// edge by a visible amount (the stroke's feather alone is a pixel wide), so it is dropped.
constexpr float kBorderSimplifyTolerance = 0.25f;
// The land fill is kept in chunks of this grid over the layer, so a frame sends only the
// chunks its view touches (a close view of one region skips most of the world).
constexpr int kFillChunksAcross = 16;
constexpr float kRouteCasing = 3.0f;      // canvas px added under a route
constexpr float kMarkerCasing = 2.5f;     // canvas px of dark rim around a marker
constexpr float kRingWidth = 3.0f;
constexpr float kPulseReach = 3.2f;  // a pulse ring grows to this many marker radii
constexpr int kCircleSegments = 40;
constexpr float kArrowLengthPerWidth = 4.0f;
constexpr float kMinArrowLength = 16.0f;  // canvas px
constexpr float kArrowHalfWidthRatio = 0.5f;
constexpr float kScaleBarLine = 2.0f;    // canvas px
constexpr float kScaleBarCasing = 2.5f;  // canvas px of dark edge around the bar
constexpr double kCreditSize = 18;  // canvas px
constexpr double kCreditInset = 14;
constexpr float kLabelLineHeight = 1.2f;
const TextShadow kLabelHalo{{0.0f, 0.0f}, 1.6f, sf::Color(0x12, 0x12, 0x10, 235)};

using Vertices = std::vector<sf::Vertex>;

sf::Color toSf(const Color& c, double opacity = 1) {
    return sf::Color(c.r, c.g, c.b, static_cast<sf::Uint8>(std::lround(std::clamp(c.a * opacity, 0.0, 255.0))));
}

sf::Color faded(sf::Color c, double opacity) {
    c.a = static_cast<sf::Uint8>(std::lround(std::clamp(c.a * opacity, 0.0, 255.0)));
    return c;
}

sf::Vector2f normalised(sf::Vector2f v) {
    float len = std::hypot(v.x, v.y);
    return len > 0 ? v / len : sf::Vector2f(0, 0);
}

void quad(Vertices& out, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color ca, sf::Color cb) {
    // a,b on one side (colour ca), c,d on the other (colour cb): a–c and b–d are the long edges.
    out.push_back({a, ca});
    out.push_back({b, ca});
    out.push_back({c, cb});
    out.push_back({b, ca});
    out.push_back({d, cb});
    out.push_back({c, cb});
}

// A polyline as triangles with mitred joins: a solid core and a feathered edge on each side.
void strokeLine(Vertices& out, const std::vector<sf::Vector2f>& pts, float width, sf::Color colour, bool closed = false) {
    std::size_t n = pts.size();
    if (n < 2) return;
    sf::Color solid = colour;
    if (width < kMinLineWidth) solid = faded(colour, width / kMinLineWidth), width = kMinLineWidth;
    sf::Color clear = solid;
    clear.a = 0;
    float inner = std::max(0.0f, width / 2 - kFeather / 2), outer = width / 2 + kFeather / 2;
    auto segNormal = [&](std::size_t i) {
        sf::Vector2f d = normalised(pts[(i + 1) % n] - pts[i]);
        return sf::Vector2f(-d.y, d.x);
    };
    std::vector<sf::Vector2f> miter(n);
    for (std::size_t i = 0; i < n; ++i) {
        bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        sf::Vector2f a = hasPrev ? segNormal((i + n - 1) % n) : segNormal(i);
        sf::Vector2f b = hasNext ? segNormal(i) : a;
        sf::Vector2f m = normalised(a + b);
        float cosHalf = m.x * b.x + m.y * b.y;
        if (m == sf::Vector2f(0, 0) || cosHalf <= 0) m = b, cosHalf = 1;
        miter[i] = m * std::min(1.0f / cosHalf, kMaxMiter);
    }
    std::size_t segments = closed ? n : n - 1;
    for (std::size_t i = 0; i < segments; ++i) {
        std::size_t j = (i + 1) % n;
        sf::Vector2f p = pts[i], q = pts[j], mp = miter[i], mq = miter[j];
        sf::Vector2f pLo = p + mp * outer, pLi = p + mp * inner, pRi = p - mp * inner, pRo = p - mp * outer;
        sf::Vector2f qLo = q + mq * outer, qLi = q + mq * inner, qRi = q - mq * inner, qRo = q - mq * outer;
        quad(out, pLo, qLo, pLi, qLi, clear, solid);
        quad(out, pLi, qLi, pRi, qRi, solid, solid);
        quad(out, pRi, qRi, pRo, qRo, solid, clear);
    }
}

// A filled disc with a feathered rim.
void fillDisc(Vertices& out, sf::Vector2f centre, float radius, sf::Color colour) {
    sf::Color clear = colour;
    clear.a = 0;
    float inner = std::max(0.0f, radius - kFeather / 2), outer = radius + kFeather / 2;
    for (int i = 0; i < kCircleSegments; ++i) {
        float a0 = 2 * std::numbers::pi_v<float> * i / kCircleSegments;
        float a1 = 2 * std::numbers::pi_v<float> * (i + 1) / kCircleSegments;
        sf::Vector2f d0(std::cos(a0), std::sin(a0)), d1(std::cos(a1), std::sin(a1));
        out.push_back({centre, colour});
        out.push_back({centre + d0 * inner, colour});
        out.push_back({centre + d1 * inner, colour});
        quad(out, centre + d0 * inner, centre + d1 * inner, centre + d0 * outer, centre + d1 * outer, colour, clear);
    }
}

std::vector<sf::Vector2f> circle(sf::Vector2f centre, float radius) {
    std::vector<sf::Vector2f> pts;
    for (int i = 0; i < kCircleSegments; ++i) {
        float a = 2 * std::numbers::pi_v<float> * i / kCircleSegments;
        pts.push_back(centre + sf::Vector2f(std::cos(a), std::sin(a)) * radius);
    }
    return pts;
}

void drawVertices(sf::RenderTarget& target, const Vertices& v, const sf::RenderStates& states = sf::RenderStates::Default) {
    if (!v.empty()) target.draw(v.data(), v.size(), sf::Triangles, states);
}

void recolour(sf::VertexArray& va, sf::Color c) {
    for (std::size_t i = 0; i < va.getVertexCount(); ++i) va[i].color = c;
}

}  // namespace

// ---- cached geometry ---------------------------------------------------------------------------

struct MapDrawer::LayerMesh {
    /// A run of the fill's vertices that lie in one grid cell of the layer, and their bounds.
    struct Chunk {
        std::size_t first = 0, count = 0;
        sf::FloatRect bounds;  // in the layer's local units (relative to origin)
    };
    map::ProjectedLayer layer;
    Point2 origin;                          // subtracted from every vertex, so floats stay small
    sf::VertexArray fill{sf::Triangles};    // all land, chunk by chunk in grid rows
    std::vector<Chunk> chunks;
    // The fill on the GPU side, made when first drawn (the store is filled off the GL
    // thread): sending 100k vertices a frame from memory costs the driver a copy each time.
    sf::VertexBuffer fillBuffer{sf::Triangles, sf::VertexBuffer::Static};
    bool fillUploaded = false;
    sf::Color fillColour;                   // the colour fill's vertices hold
    std::vector<sf::VertexArray> features;  // per feature, recoloured for highlights
    // Borders stroked for the last camera; reused while it stands still.
    std::string strokeKey;
    Vertices strokes;
};

struct MapDrawer::PreparedMap {
    map::MapScene scene;
    LayerMesh* data = nullptr;  // the map's own file; nullptr when it has none or it failed
    LayerMesh* base = nullptr;  // the world underneath, for views beyond the data
    // The still part (water, land, borders, highlights) as last drawn, and what it shows.
    std::unique_ptr<sf::RenderTexture> still;
    std::string stillKey;  // empty: `still` holds nothing yet
    std::string lastKey;   // the still part the previous frame of this map drew
};

// Map data loaded, projected and triangulated. It touches no GL context and no drawer
// state, so prepareAhead's worker fills one of its own while frames are drawn.
struct MapDrawer::Store {
    std::filesystem::path mapsDirectory;
    sf::Color land;
    std::optional<map::Gazetteer> gazetteer;
    std::map<std::string, std::unique_ptr<LayerMesh>> layers;  // by path, projection and exclusion
    std::map<std::shared_ptr<const ScriptNode>, std::unique_ptr<PreparedMap>> maps;
    Diagnostics pendingReports;  // what a worker found, reported when its store is adopted

    const map::Gazetteer& places(Diagnostics& found) {
        if (!gazetteer) gazetteer = map::Gazetteer::load(mapsDirectory / "places.json", found);
        return *gazetteer;
    }

    LayerMesh* layer(const std::string& path, const map::ProjectionSpec& spec, std::optional<map::Box> exclude,
                     Diagnostics& found) {
        std::ostringstream key;
        key.precision(12);
        key << path << '|' << spec.key();
        if (exclude) key << '|' << exclude->west << ',' << exclude->south << ',' << exclude->east << ',' << exclude->north;
        auto it = layers.find(key.str());
        if (it != layers.end()) return it->second.get();
        map::GeoCollection collection = map::loadGeoJson(path, found);
        auto mesh = std::make_unique<LayerMesh>();
        mesh->layer = map::projectLayer(collection, spec, found, exclude);
        const map::Box& b = mesh->layer.projectedBounds;
        if (b.valid()) mesh->origin = {(b.west + b.east) / 2, (b.south + b.north) / 2};
        auto local = [&](const Point2& p) {
            return sf::Vector2f(static_cast<float>(p.x - mesh->origin.x), static_cast<float>(p.y - mesh->origin.y));
        };
        mesh->fillColour = land;
        // Each triangle goes to the grid cell of its first corner; a chunk's bounds hold
        // all its triangles' corners, so culling by them never drops a visible one.
        std::vector<std::vector<sf::Vertex>> cells(std::size_t(kFillChunksAcross) * kFillChunksAcross);
        const double cellWidth = (b.east - b.west) / kFillChunksAcross, cellHeight = (b.north - b.south) / kFillChunksAcross;
        auto cellOf = [&](const Point2& p) {
            auto index = [](double offset, double size) {
                return size > 0 ? std::clamp(int(offset / size), 0, kFillChunksAcross - 1) : 0;
            };
            return std::size_t(index(p.y - b.south, cellHeight)) * kFillChunksAcross + index(p.x - b.west, cellWidth);
        };
        for (const map::LayerFeature& f : mesh->layer.features) {
            sf::VertexArray va(sf::Triangles);
            for (std::size_t i = 0; i + 2 < f.triangles.size(); i += 3) {
                std::vector<sf::Vertex>& cell = cells[cellOf(f.triangles[i])];
                for (std::size_t k = i; k < i + 3; ++k) {
                    va.append(sf::Vertex(local(f.triangles[k]), sf::Color::White));
                    cell.push_back(sf::Vertex(local(f.triangles[k]), land));
                }
            }
            mesh->features.push_back(std::move(va));
        }
        for (const std::vector<sf::Vertex>& cell : cells) {
            LayerMesh::Chunk chunk{mesh->fill.getVertexCount(), cell.size(), {}};
            if (!cell.empty()) {
                float left = cell.front().position.x, top = cell.front().position.y, right = left, bottom = top;
                for (const sf::Vertex& v : cell) {
                    left = std::min(left, v.position.x), right = std::max(right, v.position.x);
                    top = std::min(top, v.position.y), bottom = std::max(bottom, v.position.y);
                    mesh->fill.append(v);
                }
                chunk.bounds = {left, top, right - left, bottom - top};
            }
            mesh->chunks.push_back(chunk);
        }
        return layers.emplace(key.str(), std::move(mesh)).first->second.get();
    }

    PreparedMap& prepare(const std::shared_ptr<const ScriptNode>& node, const std::string& src, Diagnostics& found) {
        auto it = maps.find(node);
        if (it != maps.end()) return *it->second;
        auto p = std::make_unique<PreparedMap>();
        if (node) p->scene = map::compileMapScene(*node, places(found), found);
        std::filesystem::path world = mapsDirectory / "world.geojson";
        std::error_code ec;
        bool srcIsWorld = !src.empty() && std::filesystem::equivalent(src, world, ec);
        if (!src.empty()) p->data = layer(src, p->scene.projectionSpec, std::nullopt, found);
        // The world beneath fills only around the data's own area (drawn in more detail).
        std::optional<map::Box> own;
        if (p->data && p->data->layer.lonLatBounds.valid()) own = p->data->layer.lonLatBounds;
        if (!srcIsWorld && std::filesystem::exists(world, ec))
            p->base = layer(world.string(), p->scene.projectionSpec, own, found);
        // A highlight must name a feature of the data (or of the world beneath it).
        for (const map::MapHighlight& h : p->scene.highlights) {
            bool known = (p->data && p->data->layer.find(h.feature)) || (p->base && p->base->layer.find(h.feature));
            if (known) continue;
            std::vector<std::string> names;
            for (const LayerMesh* m : {p->data, p->base})
                if (m)
                    for (const map::LayerFeature& f : m->layer.features)
                        if (!f.name.empty()) names.push_back(f.name);
            found.error(h.where, "unknown-feature", "the map data has no feature \"" + h.feature + "\"",
                        didYouMean(h.feature, names, "name a country as the map data does (e.g. \"Armenia\") or its id"));
        }
        return *maps.emplace(node, std::move(p)).first->second;
    }

    // Takes what `other` loaded and this store lacks; the prepared maps keep pointing at
    // layers that move with them (a layer this store already had is dropped with `other`,
    // so maps that use it are taken only when all their layers come along).
    void adopt(Store& other) {
        if (!gazetteer && other.gazetteer) gazetteer = std::move(other.gazetteer);
        for (auto& [key, mesh] : other.layers)
            if (!layers.count(key)) layers.emplace(key, std::move(mesh));
        for (auto& [node, prepared] : other.maps) {
            if (maps.count(node)) continue;
            bool layersMoved = true;
            for (const LayerMesh* m : {prepared->data, prepared->base})
                if (m && std::none_of(layers.begin(), layers.end(), [&](const auto& l) { return l.second.get() == m; }))
                    layersMoved = false;
            if (layersMoved) maps.emplace(node, std::move(prepared));
        }
    }
};

// One frame of one map: what evaluateMap says and where it goes on the target.
struct MapDrawer::Frame {
    map::MapState state;
    sf::FloatRect out;  // the map's box on the target, in whole px
    float borderWidth = 1;
    sf::Color land;
};

MapDrawer::MapDrawer(TextDrawer& text, Reporter report, std::filesystem::path mapsDirectory)
    : text_(text), report_(std::move(report)), mapsDirectory_(std::move(mapsDirectory)), store_(std::make_unique<Store>()) {
    if (!report_) report_ = [](const Diagnostic& d) { std::cerr << formatDiagnostic(d) << '\n'; };
    store_->mapsDirectory = mapsDirectory_;
    store_->land = palette.land;
}

MapDrawer::~MapDrawer() {
    if (stopAhead_) *stopAhead_ = true;
    if (ahead_.valid()) ahead_.wait();
}

void MapDrawer::prepareAhead(const Show& show) {
    if (ahead_.valid()) adoptAhead();
    std::vector<std::pair<std::shared_ptr<const ScriptNode>, std::string>> wanted;
    for (const Item& item : show.items)
        if (item.kind == ItemKind::Map && item.mapNode && !store_->maps.count(item.mapNode))
            wanted.emplace_back(item.mapNode, item.src);
    if (wanted.empty()) return;
    stopAhead_ = std::make_shared<std::atomic<bool>>(false);
    ahead_ = std::async(std::launch::async, [wanted = std::move(wanted), stop = stopAhead_, dir = mapsDirectory_,
                                             land = palette.land]() {
        auto store = std::make_unique<Store>();
        store->mapsDirectory = dir;
        store->land = land;
        Diagnostics found;
        for (const auto& [node, src] : wanted) {
            if (*stop) break;
            store->prepare(node, src, found);
        }
        store->pendingReports = std::move(found);
        return store;
    });
}

void MapDrawer::adoptAhead() {
    if (!ahead_.valid()) return;
    std::unique_ptr<Store> loaded = ahead_.get();  // waits only when a map is wanted before it is ready
    report(loaded->pendingReports);
    store_->adopt(*loaded);
}

void MapDrawer::report(const Diagnostics& found) {
    for (const Diagnostic& d : found.all()) report_(d);
    diagnostics_.append(found);
}

MapDrawer::PreparedMap& MapDrawer::prepare(const Item& item) {
    auto it = store_->maps.find(item.mapNode);
    if (it != store_->maps.end()) return *it->second;
    adoptAhead();
    Diagnostics found;
    PreparedMap& p = store_->prepare(item.mapNode, item.src, found);
    report(found);
    return p;
}

const text::TextLayout& MapDrawer::labelLayout(const std::string& text, double sizePx, double scale) {
    std::ostringstream key;
    key << sizePx << '|' << scale << '|' << text;
    auto it = labelLayouts_.find(key.str());
    if (it != labelLayouts_.end()) return it->second;
    text::LayoutStyle style;
    style.family = "sans";
    style.sizePx = static_cast<float>(sizePx);
    style.lineHeight = kLabelLineHeight;
    style.align = text::LayoutStyle::Align::Left;
    text::TextLayout layout = text_.layout({text::Paragraph{{text::Span{text, false, false, {}}}}}, style, static_cast<float>(scale));
    return labelLayouts_.emplace(key.str(), std::move(layout)).first->second;
}

map::MapEvaluationContext MapDrawer::contextFor(const PreparedMap& p, const DrawItem& d, const Viewport& v) {
    map::MapEvaluationContext c;
    if (p.data && p.data->layer.lonLatBounds.valid()) c.dataBounds = p.data->layer.lonLatBounds;
    else if (p.base && p.base->layer.lonLatBounds.valid()) c.dataBounds = p.base->layer.lonLatBounds;
    double scale = v.scale > 0 ? v.scale : 1.0;
    c.measure = [this, scale](const std::string& text, double sizePx) {
        const text::TextLayout& l = labelLayout(text, sizePx, scale);
        return std::pair<double, double>(l.width / scale, l.height / scale);
    };
    c.zoom = d.scale > 0 ? d.scale : 1.0;
    return c;
}

map::MapState MapDrawer::stateFor(const Item& item, const DrawItem& d, const Viewport& v) {
    PreparedMap& p = prepare(item);
    return map::evaluateMap(p.scene, d.localTime, d.box, contextFor(p, d, v));
}

void MapDrawer::draw(const Item& item, const DrawItem& d, sf::RenderTarget& target, const Viewport& v) {
    PreparedMap& p = prepare(item);
    Frame f;
    f.state = map::evaluateMap(p.scene, d.localTime, d.box, contextFor(p, d, v));
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
    auto blit = [&] {
        sf::Sprite sprite(p.still->getTexture());
        sprite.setPosition(out.left, out.top);
        target.draw(sprite, sf::RenderStates(sf::BlendNone));
    };
    if (keepStillPictures && p.still && p.stillKey == key) {
        blit();
    } else if (keepStillPictures && key == p.lastKey && keepStill(p, f, v, key)) {
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
    for (const map::GraticuleState& g : s.graticules)
        key << "|g" << g.width << ',' << toSf(g.color, g.opacity).toInteger();
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
    const map::MapState& s = f.state;
    if (out == sf::FloatRect(0, 0, float(target.getSize().x), float(target.getSize().y))) {
        target.clear(palette.water);  // a clear is far cheaper than a full-target fill
    } else {
        sf::RectangleShape water({out.width, out.height});
        water.setPosition(out.left, out.top);
        water.setFillColor(palette.water);
        target.draw(water, sf::RenderStates(sf::BlendNone));
    }

    // Projected units → output px, for geometry stored relative to a layer's origin.
    const double a = s.pixelsPerUnit * v.scale;
    const double ocx = out.left + out.width / 2.0, ocy = out.top + out.height / 2.0;
    auto transformFor = [&](const LayerMesh& m) {
        double tx = ocx - a * (s.camera.centre.x - m.origin.x), ty = ocy + a * (s.camera.centre.y - m.origin.y);
        return sf::Transform(float(a), 0, float(tx), 0, float(-a), float(ty), 0, 0, 1);
    };
    // The camera's view in projected units, for culling outlines and fill chunks.
    const map::Point2 viewMin = s.toProjected({s.box.x, s.box.y + s.box.height});
    const map::Point2 viewMax = s.toProjected({s.box.x + s.box.width, s.box.y});
    // Land and water are opaque: drawn without blending, which a software rasteriser
    // would otherwise pay for with a read of every covered pixel.
    auto drawFill = [&](LayerMesh& m) {
        if (m.fillColour != palette.land) {
            recolour(m.fill, palette.land);
            m.fillColour = palette.land;
            m.fillUploaded = false;
        }
        if (!m.fillUploaded && sf::VertexBuffer::isAvailable() && m.fill.getVertexCount() > 0) {
            m.fillUploaded = (m.fillBuffer.getVertexCount() == m.fill.getVertexCount() ||
                              m.fillBuffer.create(m.fill.getVertexCount())) &&
                             m.fillBuffer.update(&m.fill[0]);
        }
        const sf::RenderStates states(sf::BlendNone, transformFor(m), nullptr, nullptr);
        const sf::FloatRect view(float(viewMin.x - m.origin.x), float(viewMin.y - m.origin.y),
                                 float(viewMax.x - viewMin.x), float(viewMax.y - viewMin.y));
        auto send = [&](std::size_t first, std::size_t count) {
            if (count == 0) return;
            if (m.fillUploaded) target.draw(m.fillBuffer, first, count, states);
            else target.draw(&m.fill[first], count, sf::Triangles, states);
        };
        // Visible chunks that follow each other in the buffer go in one draw call.
        std::size_t runFirst = 0, runCount = 0;
        for (const LayerMesh::Chunk& c : m.chunks) {
            if (c.count == 0) continue;
            const bool visible = c.bounds.left <= view.left + view.width && c.bounds.left + c.bounds.width >= view.left &&
                                 c.bounds.top <= view.top + view.height && c.bounds.top + c.bounds.height >= view.top;
            if (!visible) continue;
            if (runCount > 0 && runFirst + runCount == c.first) {
                runCount += c.count;
                continue;
            }
            send(runFirst, runCount);
            runFirst = c.first, runCount = c.count;
        }
        send(runFirst, runCount);
    };
    auto toOutput = [&](const Point2& canvas) {
        return sf::Vector2f(float(v.offsetX + canvas.x * v.scale), float(v.offsetY + canvas.y * v.scale));
    };
    auto drawBorders = [&](LayerMesh& m) {
        std::ostringstream key;
        key.precision(17);
        key << s.camera.centre.x << ',' << s.camera.centre.y << ',' << s.camera.width << ',' << out.left << ',' << out.top
            << ',' << out.width << ',' << out.height << ',' << v.offsetX << ',' << v.offsetY << ',' << f.borderWidth << ','
            << palette.border.toInteger();
        if (m.strokeKey != key.str()) {
            m.strokes.clear();
            std::vector<sf::Vector2f> pts, simple;
            for (const map::LayerOutline& o : m.layer.outlines) {
                if (o.bounds.east < viewMin.x || o.bounds.west > viewMax.x || o.bounds.north < viewMin.y ||
                    o.bounds.south > viewMax.y)
                    continue;
                pts.clear();
                for (const Point2& q : o.points) {
                    sf::Vector2f p = toOutput(s.toCanvas(q));
                    if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < kMinPointSpacing &&
                        &q != &o.points.back())
                        continue;
                    pts.push_back(p);
                }
                simplifyLine(pts, kBorderSimplifyTolerance, simple);
                strokeLine(m.strokes, simple, f.borderWidth, palette.border);
            }
            m.strokeKey = key.str();
        }
        drawVertices(target, m.strokes);
    };

    if (p.base) {
        drawFill(*p.base);
        drawBorders(*p.base);
    }
    if (p.data) {
        drawFill(*p.data);
    }
    for (const map::HighlightState& h : s.highlights) {
        for (LayerMesh* m : {p.data, p.base}) {
            const map::LayerFeature* feature = m ? m->layer.find(h.feature) : nullptr;
            if (!feature) continue;
            sf::VertexArray& va = m->features[static_cast<std::size_t>(feature - m->layer.features.data())];
            recolour(va, toSf(h.color, h.opacity));
            target.draw(va, sf::RenderStates(transformFor(*m)));
            break;
        }
    }
    // The graticule over the land and under the data's borders, which it must not hide.
    Vertices graticule;
    std::vector<sf::Vector2f> pts;
    for (const map::GraticuleState& g : s.graticules) {
        const sf::Color colour = toSf(g.color, g.opacity);
        const float width = std::max(kMinLineWidth, float(g.width * v.scale));
        for (const map::GraticuleLineState& line : g.lines) {
            pts.clear();
            for (const Point2& q : line.points) {
                sf::Vector2f p = toOutput(q);
                if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < kMinPointSpacing &&
                    &q != &line.points.back())
                    continue;
                pts.push_back(p);
            }
            strokeLine(graticule, pts, width, colour);
        }
    }
    drawVertices(target, graticule);
    if (p.data) drawBorders(*p.data);
}

void MapDrawer::drawMarks(const Item& item, const Frame& f, sf::RenderTarget& target, const Viewport& v) {
    const map::MapState& s = f.state;
    const float scale = static_cast<float>(v.scale);
    auto toOutput = [&](const Point2& canvas) {
        return sf::Vector2f(float(v.offsetX + canvas.x * v.scale), float(v.offsetY + canvas.y * v.scale));
    };
    // Routes: a dark casing, the line, and an arrowhead at the drawn end.
    Vertices marks;
    for (const map::RouteState& r : s.routes) {
        std::vector<sf::Vector2f> pts;
        for (const Point2& q : r.line) pts.push_back(toOutput(q));
        float width = std::max(kMinLineWidth, float(r.width) * scale);
        sf::Vector2f tip = toOutput(r.tip), dir(float(r.direction.x), float(r.direction.y)), side(-dir.y, dir.x);
        float arrow = std::max(kMinArrowLength, kArrowLengthPerWidth * float(r.width)) * scale;
        bool withArrow = r.drawnFraction > 0 && r.lengthPx * v.scale > arrow;
        // The line stops inside the arrowhead, so the two never overlap at a sharp tip.
        if (withArrow) {
            while (pts.size() > 1 && std::hypot(pts.back().x - tip.x, pts.back().y - tip.y) < arrow * 0.6f) pts.pop_back();
            pts.push_back(tip - dir * (arrow * 0.6f));
        }
        sf::Vector2f base = tip - dir * arrow;
        std::vector<sf::Vector2f> head{tip, base + side * (arrow * kArrowHalfWidthRatio), base - side * (arrow * kArrowHalfWidthRatio)};
        sf::Color casing = faded(palette.casing, r.opacity);
        sf::Color colour = toSf(r.color, r.opacity);
        strokeLine(marks, pts, width + kRouteCasing * scale, casing);
        if (withArrow) strokeLine(marks, head, kRouteCasing * scale, casing, true);
        strokeLine(marks, pts, width, colour);
        if (withArrow) {
            marks.push_back({head[0], colour});
            marks.push_back({head[1], colour});
            marks.push_back({head[2], colour});
            strokeLine(marks, head, kMinLineWidth, colour, true);
        }
    }
    // Markers above routes.
    const float radius = float(map::MapMetrics::markerRadius) * scale;
    for (const map::MarkerState& m : s.markers) {
        sf::Vector2f c = toOutput(m.at);
        sf::Color colour = toSf(m.color, m.opacity), casing = faded(palette.casing, m.opacity);
        switch (m.shape) {
            case map::MarkerShape::Pulse: {
                float grow = float(m.pulsePhase);
                float r = radius * (1 + (kPulseReach - 1) * grow);
                strokeLine(marks, circle(c, r), kRingWidth * scale * 0.8f, faded(colour, (1 - grow) * (1 - grow)), true);
                [[fallthrough]];
            }
            case map::MarkerShape::Dot:
                fillDisc(marks, c, radius + kMarkerCasing * scale, casing);
                fillDisc(marks, c, radius, colour);
                break;
            case map::MarkerShape::Ring:
                strokeLine(marks, circle(c, radius), (kRingWidth + 2 * kMarkerCasing) * scale, casing, true);
                strokeLine(marks, circle(c, radius), kRingWidth * scale, colour, true);
                fillDisc(marks, c, radius * 0.35f, colour);
                break;
        }
    }
    drawVertices(target, marks);

    // Scale bars: a bar with end ticks on a dark casing, its distance above.
    marks.clear();
    for (const map::ScaleBarState& b : s.scaleBars) {
        sf::Vector2f start = toOutput(b.start), end = toOutput({b.start.x + b.lengthPx, b.start.y});
        sf::Vector2f tick(0, float(map::MapMetrics::scaleBarTick) * scale);
        std::vector<sf::Vector2f> bar{start - tick, start, end, end - tick};
        strokeLine(marks, bar, (kScaleBarLine + 2 * kScaleBarCasing) * scale, faded(palette.casing, b.opacity));
        strokeLine(marks, bar, kScaleBarLine * scale, toSf(b.color, b.opacity));
    }
    drawVertices(target, marks);
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
    for (const map::LabelState& l : s.labels) {
        const text::TextLayout& layout = labelLayout(l.text, l.sizePx, v.scale);
        sf::Vector2f at = toOutput({l.box.x, l.box.y});
        TextDrawOptions o;
        o.position = at / scale;  // the drawer multiplies by the scale
        o.scale = scale;
        o.color = l.primary ? palette.label : palette.freeLabel;
        o.opacity = float(l.opacity);
        o.shadow = kLabelHalo;
        o.shadow->color = palette.halo;
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
