#include "map_tool.h"

#include <imgui.h>
#include <imgui_internal.h>  // BringWindowToDisplayFront
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/time_value.h"
#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {

using map::Point2;

constexpr double kNearScreenPx = 8;        // a place or mark this close to the pointer is "there"
constexpr double kDragThresholdPx = 4;     // screen px a press must travel to be a drag, not a click
constexpr double kWheelZoomStep = 1.15;    // per notch of the wheel
constexpr Micros kFlyDuration = 3 * kMicrosPerSecond;  // a new flight's length (the engine's default)
constexpr float kBarInset = 10;

std::string noMap(Micros t) {
    return "No map is on screen at " + formatTime(t) + ": scrub to a map scene, or select a map on the timeline";
}

MapToolOutcome fromError(const std::optional<Error>& error, const std::string& done) {
    if (error) return {error->message, true};
    return {done, false};
}

// The path of map `m`'s element for an edit, or why it cannot be edited here: the studio
// writes only the exhibit's own file, not one it includes.
Result<ElementPath> editablePath(const StudioDocument& doc, const MapInPreview& m) {
    const Selection item{Selection::Kind::Item, m.item};
    const ScriptNode* node = doc.nodeOf(item);
    auto path = doc.pathOf(item);
    if (!node || !path) return Error{"The map is not in the file any more"};
    std::error_code ec;
    if (!std::filesystem::equivalent(node->where.file, doc.file(), ec))
        return Error{"This map is written in " + node->where.file + "; the studio edits only " + doc.file().string()};
    return *path;
}

}  // namespace

MapTool::MapTool() {
    Diagnostics ignored;  // the compile reports the gazetteer's problems where a map uses it
    places_ = map::Gazetteer::load(map::bundledMapsDirectory() / "places.json", ignored);
}

std::optional<MapInPreview> MapTool::target(const StudioDocument& doc, Micros t) const {
    if (!doc.show()) return std::nullopt;
    const Selection& s = doc.selection();
    const int selected = s.kind == Selection::Kind::Item ? s.index : -1;
    std::optional<MapInPreview> m = mapInPreview(*doc.show(), t, std::nullopt, selected);
    if (m && framing_ && framing_->item == m->item)
        m = mapInPreview(*doc.show(), t, std::nullopt, m->item, framing_->camera);
    return m;
}

MapToolOutcome MapTool::place(StudioDocument& doc, Micros t, Point2 px, Placing what, const std::string& words) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    if (!(px.x >= m->state.box.x && px.x < m->state.box.x + m->state.box.width && px.y >= m->state.box.y &&
          px.y < m->state.box.y + m->state.box.height))
        return {"That point is outside the map; click on the map to place it there", true};
    auto path = editablePath(doc, *m);
    if (!path) return {path.error().message, true};
    const WrittenPlace at = placeAt(*m, px, places_, nearCanvasPx_);
    MapEdit edit = what == Placing::Marker ? studio::placeMarker(*path, at, words.empty() ? at.name : words, m->local)
                                           : studio::placeLabel(*path, at, words, m->local);
    if (auto error = doc.edit(edit.description, edit.recipe)) return {error->message, true};
    lastPlaced_ = px;
    lastPlacedAt_ = t;
    return {"Placed a " + std::string(what == Placing::Marker ? "marker" : "label") + " at " + at.at + " from " +
                formatTime(m->local) + " into the map (it fades in there)",
            false};
}

MapToolOutcome MapTool::placeMarker(StudioDocument& doc, Micros t, Point2 px, const std::string& label) {
    return place(doc, t, px, Placing::Marker, label);
}

MapToolOutcome MapTool::placeLabel(StudioDocument& doc, Micros t, Point2 px, const std::string& text) {
    if (text.empty()) return {"A label needs its words: place-label X Y TEXT", true};
    return place(doc, t, px, Placing::Label, text);
}

std::optional<MapToolOutcome> MapTool::moveChild(StudioDocument& doc, Micros t, const MapChildRef& child, Point2 px) {
    auto m = target(doc, t);
    if (!m) return MapToolOutcome{noMap(t), true};
    auto path = editablePath(doc, *m);
    if (!path) return MapToolOutcome{path.error().message, true};
    path->steps.push_back({child.name, child.index});
    const WrittenPlace at = placeAt(*m, px, places_, nearCanvasPx_);
    MapEdit edit = moveMapChild(*path, at);
    return fromError(doc.edit(edit.description, edit.recipe), "Moved the " + child.name + " to " + at.at);
}

MapToolOutcome MapTool::moveMarker(StudioDocument& doc, Micros t, const std::string& idOrIndex, Point2 px) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    const ScriptNode* mapNode = doc.nodeOf({Selection::Kind::Item, m->item});
    if (!mapNode) return {"The map is not in the file any more", true};
    // By id, else by number among the map's markers (from 1).
    int index = 0, wanted = std::atoi(idOrIndex.c_str()) - 1;
    for (const ScriptNode& c : mapNode->children) {
        if (c.isText() || c.name != "marker") continue;
        if (c.value("id") == idOrIndex || index == wanted) return *moveChild(doc, t, {"marker", index, {}}, px);
        ++index;
    }
    return {"The map has no marker \"" + idOrIndex + "\" (it has " + std::to_string(index) +
                "; give its id or its number from 1)",
            true};
}

MapToolOutcome MapTool::pan(const StudioDocument& doc, Micros t, double dx, double dy) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    map::MapCamera c = m->state.camera;
    c.centre.x -= dx / m->state.pixelsPerUnit;
    c.centre.y += dy / m->state.pixelsPerUnit;  // canvas y points down, projected y up
    framing_ = Framing{m->item, c};
    return {"Framing the map: Set view here or Add fly-to here keeps it", false};
}

MapToolOutcome MapTool::zoom(const StudioDocument& doc, Micros t, double factor, std::optional<Point2> about) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    if (!(factor > 0)) return {"A zoom factor must be more than 0 (2 is twice as close)", true};
    const Rect& b = m->state.box;
    const Point2 pivot = about.value_or(Point2{b.x + b.width / 2, b.y + b.height / 2});
    // The place under the pivot stays under it.
    const Point2 fixed = m->state.toProjected(pivot);
    map::MapCamera c = m->state.camera;
    c.width /= factor;
    c.centre = {fixed.x + (c.centre.x - fixed.x) / factor, fixed.y + (c.centre.y - fixed.y) / factor};
    framing_ = Framing{m->item, c};
    return {"Framing the map: Set view here or Add fly-to here keeps it", false};
}

MapToolOutcome MapTool::setView(StudioDocument& doc, Micros t) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    auto path = editablePath(doc, *m);
    if (!path) return {path.error().message, true};
    const std::string box = formatViewBox(map::viewBoxFor(m->map->scene, m->state.camera, m->state.box), decimalsFor(*m));
    MapEdit edit = setMapView(*path, box, m->local);
    auto error = doc.edit(edit.description, edit.recipe);
    if (!error) framing_.reset();  // the map now shows it itself
    return fromError(error, "Set the map's view to " + box);
}

MapToolOutcome MapTool::addFly(StudioDocument& doc, Micros t) {
    auto m = target(doc, t);
    if (!m) return {noMap(t), true};
    auto path = editablePath(doc, *m);
    if (!path) return {path.error().message, true};
    MapEdit edit = studio::addFly(*path, *m, m->state.camera, m->local, kFlyDuration);
    auto error = doc.edit(edit.description, edit.recipe);
    if (!error) framing_.reset();
    return fromError(error, "Added a " + edit.description + " at " + formatTime(m->local) + " into the map");
}

void MapTool::showFraming(const StudioDocument& doc, render::FrameRenderer& renderer) const {
    const Show* show = doc.show();
    if (framing_ && show && framing_->item < static_cast<int>(show->items.size()))
        renderer.maps().showCamera(show->items[framing_->item].map.get(), framing_->camera);
    else
        renderer.maps().showCamera(nullptr, std::nullopt);
}

std::optional<MapToolOutcome> MapTool::drawBar(StudioDocument& doc, Micros t, const sf::IntRect& shown) {
    std::optional<MapToolOutcome> outcome;
    ImGui::SetNextWindowPos(ImVec2(shown.left + kBarInset, shown.top + kBarInset));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 5));
    ImGui::Begin("##map-tool", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    // A click on the picture brings the preview's window to the front; the bar stays over it.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    // One calm row over the picture's corner; how to use the pointer is in its tooltip.
    ImGui::AlignTextToFramePadding();  // "Map" on the buttons' baseline
    ImGui::TextColored(colour(theme::kAccent), "Map");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Click: place a %s at that place\nDrag a marker or label: move it\n"
                          "Drag elsewhere: pan   Wheel: zoom\nthen Set view here or Add fly-to here keeps that framing",
                          placing_ == Placing::Marker ? "marker" : "label");
    ImGui::SameLine();
    if (ImGui::RadioButton("Marker", placing_ == Placing::Marker)) placing_ = Placing::Marker;
    ImGui::SameLine();
    if (ImGui::RadioButton("Label", placing_ == Placing::Label)) placing_ = Placing::Label;
    if (placing_ == Placing::Label) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(150);
        ImGui::InputTextWithHint("##label-text", "label text", &labelText_);
    }
    ImGui::SameLine(0, 16);
    if (ImGui::Button("Set view here")) outcome = setView(doc, t);
    ImGui::SameLine();
    if (ImGui::Button("Add fly-to here")) outcome = addFly(doc, t);
    if (framing_) {
        ImGui::SameLine();
        if (ImGui::Button("Reset view")) {
            resetView();
            outcome = MapToolOutcome{"The map shows its own view again", false};
        }
    }
    barHovered_ = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) || ImGui::IsWindowFocused();
    ImGui::End();
    ImGui::PopStyleVar();
    return outcome;
}

std::optional<MapToolOutcome> MapTool::frame(StudioDocument& doc, Micros t, std::optional<sf::IntRect> shown,
                                             sf::Vector2u canvasSize) {
    if (lastPlacedAt_ != t) lastPlaced_.reset();  // the ring marks a placement until the playhead moves
    if (!shown || shown->width <= 0 || canvasSize.x == 0) return std::nullopt;
    auto m = target(doc, t);
    if (!m) {
        press_.reset();
        return std::nullopt;
    }
    const double scale = double(canvasSize.x) / shown->width;  // canvas px per screen px
    nearCanvasPx_ = kNearScreenPx * scale;
    const ImGuiIO& io = ImGui::GetIO();
    const Point2 mouse{(io.MousePos.x - shown->left) * scale, (io.MousePos.y - shown->top) * scale};
    auto toScreen = [&](Point2 p) { return ImVec2(float(shown->left + p.x / scale), float(shown->top + p.y / scale)); };

    // The pointer is the tool's over the map when the preview is the window under it (not
    // the tool's bar, nor a menu or another panel in front). The preview window is opened
    // again to ask: ImGui appends to a window begun twice in a frame.
    ImGui::Begin("##preview");
    const bool previewHovered = ImGui::IsWindowHovered();
    ImGui::End();
    const Rect& box = m->state.box;
    const bool overMap = previewHovered && mouse.x >= box.x && mouse.x < box.x + box.width && mouse.y >= box.y &&
                         mouse.y < box.y + box.height;
    // The bar shows while the map is being worked on (pointed at, selected, framed), and
    // leaves the picture clean otherwise, as the projector will show it.
    const Selection& selected = doc.selection();
    std::optional<MapToolOutcome> outcome;
    if (overMap || barHovered_ || press_ || framing_ || (selected.kind == Selection::Kind::Item && selected.index == m->item))
        outcome = drawBar(doc, t, *shown);
    else
        barHovered_ = false;
    ImDrawList* marks = ImGui::GetForegroundDrawList();
    const ScriptNode* mapNode = doc.nodeOf({Selection::Kind::Item, m->item});
    std::optional<MapChildRef> hovered;
    if (overMap && mapNode && !press_) hovered = mapChildAt(*m, *mapNode, mouse, nearCanvasPx_);
    if (hovered) marks->AddCircle(toScreen(hovered->at), 12, theme::kAccent, 24, 2);  // "this can be dragged"

    if (overMap && mapNode && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsAnyItemActive()) {
        Press p;
        p.at = mouse;
        p.child = mapChildAt(*m, *mapNode, mouse, nearCanvasPx_);
        if (!p.child) p.start = m->state.camera;
        press_ = p;
    }
    if (press_) {
        const double travelled = std::hypot(mouse.x - press_->at.x, mouse.y - press_->at.y) / scale;
        if (travelled > kDragThresholdPx) press_->moved = true;
        if (press_->moved && press_->start) {
            // Panning: the map follows the pointer from where the press began.
            map::MapCamera c = *press_->start;
            const double pixelsPerUnit = box.width / c.width;
            c.centre.x -= (mouse.x - press_->at.x) / pixelsPerUnit;
            c.centre.y += (mouse.y - press_->at.y) / pixelsPerUnit;
            framing_ = Framing{m->item, c};
            outcome = outcome.value_or(MapToolOutcome{"Framing the map: Set view here or Add fly-to here keeps it", false});
        }
        if (press_->moved && press_->child) {
            marks->AddLine(toScreen(press_->child->at), io.MousePos, theme::kDimText, 1.5f);
            marks->AddCircle(io.MousePos, 10, theme::kAccent, 24, 2.5f);
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            Press p = *press_;
            press_.reset();
            if (p.child && p.moved) outcome = moveChild(doc, t, *p.child, mouse);
            else if (!p.child && !p.moved)
                outcome = place(doc, t, p.at, placing_, placing_ == Placing::Marker ? std::string() : labelText_);
        }
    }
    if (overMap && io.MouseWheel != 0) outcome = zoom(doc, t, std::pow(kWheelZoomStep, io.MouseWheel), mouse);
    if (lastPlaced_) marks->AddCircle(toScreen(*lastPlaced_), 16, theme::kAccent, 32, 2);
    return outcome;
}

}  // namespace vitrine::studio
