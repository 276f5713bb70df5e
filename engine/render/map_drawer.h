#pragma once
// Draws <map> items with SFML: land, borders, highlights, routes, markers and labels,
// as map::evaluateMap describes them at the item's local time. Map data is loaded,
// projected and triangulated once per file and projection (ahead of need, on a worker,
// when the drawer is told the show) and kept as vertex arrays; a frame only changes the
// camera transform and re-strokes the borders. While the camera and highlights stand
// still, the map's still part (water, land, borders, highlights) is kept as a picture and
// a frame draws only that picture and the marks above it: a software rasteriser pays for
// every border triangle, and a seek in the studio would otherwise pay for them all again.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/VertexBuffer.hpp>

#include <atomic>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "map/gazetteer.h"
#include "map/map_layer.h"
#include "map/map_scene.h"
#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

/// The map palette: calm, dark water and land, warm marks, light labels.
struct MapPalette {
    sf::Color water{0x18, 0x1d, 0x23};
    sf::Color land{0x2b, 0x2a, 0x27};
    sf::Color border{0x6e, 0x67, 0x5c};
    sf::Color label{0xef, 0xe6, 0xd6};
    sf::Color freeLabel{0xc9, 0xbd, 0xa8};
    sf::Color halo{0x12, 0x12, 0x10, 235};
    sf::Color casing{0x12, 0x12, 0x10, 190};  // dark edge under routes and markers
    sf::Color credit{0x8f, 0x86, 0x76};
};

class MapDrawer {
public:
    /// Receives each problem once, when it is first met (a missing file, an unknown place).
    using Reporter = std::function<void(const Diagnostic&)>;

    /// `text` must outlive the drawer. An empty reporter prints to standard error.
    /// `mapsDirectory` holds places.json and the world.geojson base layer.
    explicit MapDrawer(TextDrawer& text, Reporter report = {},
                       std::filesystem::path mapsDirectory = map::bundledMapsDirectory());
    /// Waits for (and stops early) any loading begun by prepareAhead.
    ~MapDrawer();
    MapDrawer(const MapDrawer&) = delete;
    MapDrawer& operator=(const MapDrawer&) = delete;

    /// Starts loading, projecting and triangulating every map of `show` on a worker, so
    /// the first frame of a map scene finds its geometry ready. `show` must outlive the
    /// call only; problems found are reported when a map is first drawn. A map drawn
    /// before its data is ready waits for it (a still or an export must show the map).
    void prepareAhead(const Show& show);

    /// Waits until what prepareAhead began is loaded and takes it in: a player's reload
    /// worker calls it before the new show is swapped in, so no frame waits for the maps.
    void finishAhead() { adoptAhead(); }

    /// Draws a map item as evaluated in `d` (its local time, box and opacity), clipped to
    /// its box. Missing or broken map data is reported once and the rest still draws.
    void draw(const Item& item, const DrawItem& d, sf::RenderTarget& target, const Viewport& v);

    /// The state drawn for `item` at `d`, for tests and the studio's inspector.
    map::MapState stateFor(const Item& item, const DrawItem& d, const Viewport& v);

    /// Every problem met so far, in the order found.
    const Diagnostics& diagnostics() const { return diagnostics_; }

    /// Colours used; may be changed before drawing.
    MapPalette palette;

    /// Keep the still part as a picture while the camera rests (the default); false draws
    /// every frame straight, as a benchmark's reference.
    bool keepStillPictures = true;

private:
    struct LayerMesh;
    struct PreparedMap;
    struct Store;
    struct Frame;

    PreparedMap& prepare(const Item& item);
    void adoptAhead();
    void report(const Diagnostics& found);
    map::MapEvaluationContext contextFor(const PreparedMap& prepared, const DrawItem& d, const Viewport& v);
    const text::TextLayout& labelLayout(const std::string& text, double sizePx, double scale);
    std::string stillKey(const Frame& f, const Viewport& v) const;
    bool keepStill(PreparedMap& p, const Frame& f, const Viewport& v, const std::string& key);
    void drawStill(PreparedMap& p, const Frame& f, sf::RenderTarget& target, const Viewport& v, sf::FloatRect out);
    void drawMarks(const Item& item, const Frame& f, sf::RenderTarget& target, const Viewport& v);

    TextDrawer& text_;
    Reporter report_;
    std::filesystem::path mapsDirectory_;
    Diagnostics diagnostics_;
    std::unique_ptr<Store> store_;                   // gazetteer, layers and maps ready to draw
    std::shared_ptr<std::atomic<bool>> stopAhead_;   // tells the worker to stop early
    std::future<std::unique_ptr<Store>> ahead_;      // what prepareAhead's worker is loading
    std::map<std::string, text::TextLayout> labelLayouts_;  // by text, size and scale
    std::unique_ptr<sf::RenderTexture> fadeTexture_;        // for a map drawn at partial opacity
};

}  // namespace vitrine::render
