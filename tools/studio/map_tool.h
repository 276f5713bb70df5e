#pragma once
// The studio's map tool: on a map in the preview, a click places a marker or a label at the
// place under the pointer (named from the gazetteer when one is drawn near), a marker or
// label dragged is moved (one edit on release), a drag elsewhere pans and the wheel zooms
// the map being framed, and "Set view here" or "Add fly-to here" writes that framing. The
// same operations are the --script verbs place-marker, place-label, move-marker, map-pan,
// map-zoom, set-view and add-fly. Active while the selected item, or the scene at the
// playhead, shows a map. The geometry and the edits are engine/studio/map_edits.*.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include <optional>
#include <string>

#include "map/gazetteer.h"
#include "render/frame_renderer.h"
#include "studio/map_edits.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// What an operation of the tool did, in words for the status line.
struct MapToolOutcome {
    std::string message;
    bool error = false;
};

class MapTool {
public:
    MapTool();

    /// The map the tool works on at `t`: the selected map item when it is drawn, else the
    /// topmost map on screen; shown with the tool's pan and zoom. Nullopt when none is.
    std::optional<MapInPreview> target(const StudioDocument& doc, Micros t) const;

    // The operations, in canvas pixels, for the mouse and the script alike.
    /// A marker at `px`, labelled `label` (empty: the gazetteer's name when a place is near).
    MapToolOutcome placeMarker(StudioDocument& doc, Micros t, map::Point2 px, const std::string& label);
    /// A label reading `text` at `px`.
    MapToolOutcome placeLabel(StudioDocument& doc, Micros t, map::Point2 px, const std::string& text);
    /// Moves the marker whose id is `idOrIndex`, or the INDEXth marker (from 1), to `px`.
    MapToolOutcome moveMarker(StudioDocument& doc, Micros t, const std::string& idOrIndex, map::Point2 px);
    /// Pans the framing: the map moves by (dx, dy) canvas pixels, as a drag moves it.
    MapToolOutcome pan(const StudioDocument& doc, Micros t, double dx, double dy);
    /// Zooms the framing by `factor` (2: twice as close) about canvas point `about`, or the
    /// map's centre.
    MapToolOutcome zoom(const StudioDocument& doc, Micros t, double factor, std::optional<map::Point2> about = {});
    /// Writes the framing as the map's view (see setMapView in map_edits.h).
    MapToolOutcome setView(StudioDocument& doc, Micros t);
    /// Writes a <fly> at the playhead that ends on the framing.
    MapToolOutcome addFly(StudioDocument& doc, Micros t);
    /// Back to the map's own camera.
    void resetView() { framing_.reset(); }
    /// True from a press on a map until its release: the pointer is the tool's meanwhile.
    bool pressed() const { return press_.has_value(); }
    /// True while the tool's bar is pointed at (its buttons take the pointer).
    bool barHovered() const { return barHovered_; }

    /// One frame: the mouse over the preview's picture (at `shown`, window pixels, of a canvas
    /// of `canvasSize`), the tool's bar over the picture, and marks for what it is doing.
    /// Returns what it did (the preview must then be drawn again), or nullopt.
    std::optional<MapToolOutcome> frame(StudioDocument& doc, Micros t, std::optional<sf::IntRect> shown,
                                        sf::Vector2u canvasSize);

    /// Tells `renderer` to show the framing (or the map's own camera): call before drawing.
    void showFraming(const StudioDocument& doc, render::FrameRenderer& renderer) const;

private:
    struct Framing {
        int item = -1;
        map::MapCamera camera;
    };
    enum class Placing { Marker, Label };
    // A press on the picture, until its release.
    struct Press {
        map::Point2 at;                      // canvas px
        std::optional<MapChildRef> child;    // a marker or label pressed on: a drag moves it
        std::optional<map::MapCamera> start; // the camera when it began: a drag elsewhere pans
        bool moved = false;
    };

    std::optional<MapToolOutcome> moveChild(StudioDocument& doc, Micros t, const MapChildRef& child, map::Point2 px);
    MapToolOutcome place(StudioDocument& doc, Micros t, map::Point2 px, Placing what, const std::string& words);
    std::optional<MapToolOutcome> drawBar(StudioDocument& doc, Micros t, const sf::IntRect& shown);

    map::Gazetteer places_;
    std::optional<Framing> framing_;
    std::optional<Press> press_;
    Placing placing_ = Placing::Marker;
    bool barHovered_ = false;  // last frame: the bar stays while the pointer is on it
    std::string labelText_ = "New label";
    std::optional<map::Point2> lastPlaced_;  // canvas px: ringed so a fading-in mark is seen
    std::optional<Micros> lastPlacedAt_;
    double nearCanvasPx_ = 2 * 8;  // kNearScreenPx in canvas px; set from the preview's scale each frame
};

}  // namespace vitrine::studio
