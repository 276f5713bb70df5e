#pragma once
// Draws <map> items with SFML: land, borders, highlights, routes, markers and labels,
// as map::evaluateMap describes them at the item's local time. It only draws: each item
// carries its map compiled with the exhibit (Item::map: places, timing, projected and
// triangulated data, and every problem already reported by the compile). Each compiled
// layer is turned into vertex arrays once (ahead of need, on a worker, when the drawer is
// told the show); a frame only changes the camera transform and re-strokes the borders. While the camera and highlights stand
// still, the map's still part (water, land, borders, highlights) is kept as a picture and
// a frame draws only that picture and the marks above it: a software rasteriser pays for
// every border triangle, and a seek in the studio would otherwise pay for them all again.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/VertexBuffer.hpp>

#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "map/map_layer.h"
#include "map/map_state.h"
#include "render/map_mesh_store.h"
#include "render/map_palette.h"
#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

struct MapMesh;

class MapDrawer {
public:
    /// `text` (and `store`, when given) must outlive the drawer. With a store, meshes are
    /// taken from it and given to it, so the next show's drawer finds them made.
    explicit MapDrawer(TextDrawer& text, MapMeshStore* store = nullptr);
    /// Waits for (and stops early) any mesh building begun by prepareAhead; gives the still
    /// pictures to the store, for the next show's drawer.
    ~MapDrawer();
    MapDrawer(const MapDrawer&) = delete;
    MapDrawer& operator=(const MapDrawer&) = delete;

    /// Starts turning every map layer of `show` into vertices on a worker, so the first
    /// frame of a map scene finds them ready. `show` must outlive the call only. A map drawn
    /// before the worker is done does not wait for it: the frame makes the vertices it draws
    /// itself (a still or an export must show the map, and a scene's start must not stall).
    void prepareAhead(const Show& show);

    /// Waits until what prepareAhead began is built and takes it in: a player's reload
    /// worker calls it before the new show is swapped in, so no frame waits for the maps.
    void finishAhead() { adoptAhead(); }

    /// Draws a map item as evaluated in `d` (its local time, box and opacity), clipped to
    /// its box. An item compiled without map data (Item::map null) draws nothing.
    void draw(const Item& item, const DrawItem& d, sf::RenderTarget& target, const Viewport& v);

    /// The state drawn for `item` at `d`, for tests and the studio's inspector.
    map::MapState stateFor(const Item& item, const DrawItem& d, const Viewport& v);

    /// Draws `map` with `camera` instead of the camera its timing gives, until called again
    /// (nullopt: its own): the studio's pan and zoom while a designer frames a view.
    void showCamera(const map::CompiledMap* map, std::optional<map::MapCamera> camera) {
        cameraMap_ = map;
        camera_ = camera;
    }

    /// How many times the still part was drawn from the layers (straight, or into its
    /// picture) rather than from a picture: for tests.
    std::size_t stillsDrawn() const { return stillsDrawn_; }

    /// Colours used; may be changed before drawing.
    MapPalette palette;

    /// Keep the still part as a picture while the camera rests (the default); false draws
    /// every frame straight, as a benchmark's reference.
    bool keepStillPictures = true;

    /// Fill land from every chunk at full detail (StillMeshes::fullDetail): the reference a
    /// test compares the culled, level-of-detail frame with.
    bool fullDetail = false;

    /// Flights cut instead of travelling (map::MapEvaluationContext::reducedMotion): set from
    /// the show drawn (Show::reducedMotion).
    bool reducedMotion = false;

private:
    struct PreparedMap;
    struct Frame;

    PreparedMap* prepare(const Item& item);
    MapMesh* mesh(const std::shared_ptr<const map::ProjectedLayer>& layer);
    void adoptAhead();
    map::MapEvaluationContext contextFor(const PreparedMap& prepared, const DrawItem& d, const Viewport& v);
    const text::TextLayout& labelLayout(const std::string& text, double sizePx, double scale,
                                        const TextStyle* style = nullptr);
    std::string stillKey(const Frame& f, const Viewport& v) const;
    static std::string keptStillKey(const PreparedMap& p, const std::string& stillKey);
    bool keepStill(PreparedMap& p, const Frame& f, const Viewport& v, const std::string& key);
    void drawStill(PreparedMap& p, const Frame& f, sf::RenderTarget& target, const Viewport& v, sf::FloatRect out);
    void drawMarks(const Item& item, const Frame& f, sf::RenderTarget& target, const Viewport& v);

    TextDrawer& text_;
    MapMeshStore* store_;
    // Vertices by compiled layer (each mesh holds its layer, so the key stays valid), and
    // compiled maps ready to draw by model (each holds its model).
    std::map<const map::ProjectedLayer*, std::shared_ptr<MapMesh>> meshes_;
    std::map<const map::CompiledMap*, std::unique_ptr<PreparedMap>> maps_;
    std::shared_ptr<std::atomic<bool>> stopAhead_;                  // tells the worker to stop early
    std::future<std::vector<std::shared_ptr<MapMesh>>> ahead_;      // what prepareAhead's worker is building
    std::map<std::string, std::shared_ptr<const text::TextLayout>> labelLayouts_;  // by text, size and scale
    std::unique_ptr<sf::RenderTexture> fadeTexture_;        // for a map drawn at partial opacity
    const map::CompiledMap* cameraMap_ = nullptr;  // the map showCamera() frames, and how
    std::optional<map::MapCamera> camera_;
    std::size_t stillsDrawn_ = 0;
};

}  // namespace vitrine::render
