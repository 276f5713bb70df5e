#pragma once
// Draws a Frame (what evaluate() says is on screen) onto any SFML render target:
// a window, a RenderTexture for stills and exports, the studio's preview. It decides
// nothing about timing; it only draws what it is given.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <map>
#include <memory>
#include <optional>

#include "render/caption_drawer.h"
#include "render/layer_plan.h"
#include "render/map_drawer.h"
#include "render/render_resources.h"
#include "render/text_drawer.h"
#include "render/texture_store.h"
#include "render/video_drawer.h"
#include "render/viewport.h"
#include "render/visitor_code_drawer.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

/// How media that is not ready yet is treated.
enum class MediaWait {
    Never,          // draw what is ready, uploading pictures within this frame's budget (the studio)
    BetweenFrames,  // the player: draw only what is on the GPU; uploadAhead() uploads once the frame is shown
    Always,         // stills and exports: wait for every image, so the frame is complete
};

/// Draws frames of one Show. The text drawer and texture store are shared across
/// renderers (a reload makes a new renderer but keeps uploaded textures and text layouts).
class FrameRenderer {
public:
    FrameRenderer(const Show& show, TextDrawer& text, TextureStore& textures);
    /// With everything `resources` keeps across renderers (text layouts, textures, map
    /// meshes, caption files): what a show that replaces another uses (LiveShow), so its
    /// first frame redoes only what changed.
    FrameRenderer(const Show& show, RenderResources& resources);

    /// Waits until the show's map data is loaded and triangulated (it starts on a worker
    /// when the renderer is made). Touches no GL context nor the shared drawers: a worker
    /// may call it on a renderer that no frame uses yet.
    void finishPreparing() { maps_.finishAhead(); }

    /// Draws `frame` letterboxed into `target` (cleared first), then closes the videos no
    /// longer on screen nor in the last uploadAhead() window.
    void render(const Frame& frame, sf::RenderTarget& target, MediaWait wait = MediaWait::Never);

    /// Uploads, for at most `time` (and at least one step), the decoded pictures visible in
    /// [from, to] (wrapping when `loop`) at their size on a target of `targetSize`, those on
    /// screen at `from` first: call once a frame drawn with MediaWait::BetweenFrames is
    /// shown, with the time left before the next, so no frame waits for an upload and a
    /// picture is whole on the GPU by its first frame. The videos visible in [from, to] are
    /// opened and decoded ahead too, and their first pictures uploaded; render() retires
    /// those neither on screen nor in this window.
    void uploadAhead(Micros from, Micros to, bool loop, sf::Vector2u targetSize, std::chrono::microseconds time);

    /// The canvas placement on a target of this size.
    Viewport viewportFor(sf::Vector2u targetSize) const;

    /// The map drawer, for the studio's pan and zoom of a map (MapDrawer::showCamera).
    MapDrawer& maps() { return maps_; }

    /// Problems met while drawing (a video or caption file that cannot be read), each once.
    std::vector<std::string> takeProblems();

    /// True when the last render() drew a video without the frame that belongs at its time
    /// (still decoding after a seek), or left out a picture not yet whole on the GPU (decoding,
    /// or uploading over several frames): a paused preview should draw again.
    bool waitingForMedia() const { return waitingForMedia_; }

private:
    FrameRenderer(const Show& show, TextDrawer& text, TextureStore& textures, MapMeshStore* meshes,
                  CaptionCache* captionFiles);

    // An item's layout as this renderer last drew it; the layout itself is kept by the shared
    // TextDrawer (keptLayout), so the next show's renderer finds it without laying it out.
    struct CachedLayout {
        double scale = 0;
        std::shared_ptr<const text::TextLayout> layout;
        double blockWidth = 0;
    };

    static void fillCanvas(sf::RenderTarget& target, const Viewport& v, const Color& colour, double opacity = 1);
    bool crossfadeSwapped(const Layer& below, const Layer& above, const std::optional<Color>& underneath,
                          sf::RenderTarget& target, const Viewport& v, MediaWait wait);
    LayerPlan planFor(const Layer& layer, const Viewport& v, MediaWait wait, const std::optional<Color>& underneath);
    void drawPlanned(const Layer& layer, const LayerPlan& plan, double opacity, sf::RenderTarget& target,
                     const Viewport& v, MediaWait wait);
    void drawOffscreen(const Layer& layer, int slot, sf::RenderTarget& target, const Viewport& v, MediaWait wait);
    Footprint footprint(const DrawItem& d, const Viewport& v, MediaWait wait);
    TextureLookup lookupTexture(const Item& item, const Viewport& v, MediaWait wait);
    const CachedLayout& textLayout(const DrawItem& d, const Item& item, const Viewport& v);
    TextDrawOptions textOptions(const DrawItem& d, const Item& item, const CachedLayout& cached, const Viewport& v,
                                const sf::Transform& transform);
    void drawLayer(const Layer& layer, sf::RenderTarget& target, const Viewport& v, MediaWait wait);
    void drawItem(const DrawItem& d, sf::RenderTarget& target, const Viewport& v, MediaWait wait);
    void drawText(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                  const sf::Transform& transform);
    void drawImage(const DrawItem& d, const Item& item, sf::RenderTarget& target, const Viewport& v,
                   const sf::Transform& transform, MediaWait wait);
    sf::RenderTexture* layerTexture(int slot, sf::Vector2u size);

    const Show& show_;
    TextDrawer& text_;
    TextureStore& textures_;
    std::map<int, CachedLayout> layouts_;  // by item index
    std::vector<Footprint> footprints_;    // scratch for planFor, kept to spare an allocation a frame
    std::unique_ptr<sf::RenderTexture> layerTextures_[2];
    bool waitingForMedia_ = false;
    bool pictureSamplingWarmed_ = false;
    MapDrawer maps_{text_};  // map data and geometry, loaded once per show
    VideoDrawer videos_{show_, text_};  // opened ahead by uploadAhead(), retired after each frame
    CaptionDrawer captions_{show_, text_};
    VisitorCodeDrawer visitorCodes_{text_};
};

}  // namespace vitrine::render
