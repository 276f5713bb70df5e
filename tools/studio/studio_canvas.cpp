// Editing on the preview's picture: the pointer routed to the canvas tool, its requests
// carried out, the arrow keys' nudge, and what the --script canvas verbs do (the same paths).

#include <SFML/Window/Event.hpp>

#include <sstream>

#include <imgui.h>

#include "script/values.h"
#include "studio_app.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {

CanvasTool& StudioApp::activeCanvasTool() { return selectTool_; }

CanvasContext StudioApp::canvasContext() const { return {doc_, t_, preview_.canvasPerScreenPixel()}; }

bool StudioApp::pointerOnMap(const PreviewRequest& request) {
    if (selectTool_.dragging()) return false;  // a drag that began elsewhere keeps its tool
    if (mapTool_.pressed() || mapTool_.barHovered()) return true;
    const auto shown = preview_.shownRect();
    if (!doc_.show() || !shown) return false;
    // The pointer in canvas pixels; a press reported this frame is where it was pressed.
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double scale = preview_.canvasPerScreenPixel();
    CanvasPoint at{(m.x - shown->left) * scale, (m.y - shown->top) * scale};
    if (!request.pointer.empty()) at = request.pointer.front().at;
    // Away from the picture nothing is under the pointer: no frame evaluated for it.
    const auto& canvas = doc_.show()->canvas;
    if (request.pointer.empty() && (at.x < 0 || at.y < 0 || at.x >= canvas.width || at.y >= canvas.height)) return false;
    const Show& show = *doc_.show();
    auto under = topmostItemAt(visibleItems(show, evaluate(show, t_)), at);
    return under && show.items[*under].kind == ItemKind::Map;
}

void StudioApp::applyPreviewRequest(const PreviewRequest& request) {
    if (request.pressedElsewhere) canvasFocused_ = false;
    for (const CanvasPointer& p : request.pointer) canvasPointer(p);
}

void StudioApp::applyCanvasRequest(const CanvasRequest& request) {
    if (request.selectItem) select({Selection::Kind::Item, *request.selectItem}, false);
    if (request.clearSelection) doc_.clearSelection();
    if (request.redraw) previewDirty_ = true;
    if (!request.edit) return;
    if (auto error = doc_.edit(request.edit->description, request.edit->recipe)) setStatus(*error, true);
    else setStatus(doc_.undoDescription());
    previewDirty_ = true;
}

bool StudioApp::canvasPointer(CanvasPointer pointer) {
    if (!doc_.show()) return false;
    if (pointer.kind == CanvasPointer::Kind::Press) {
        canvasFocused_ = true;
        setPlaying(false);  // an item is placed at an instant: the picture holds still under the pointer
    }
    applyCanvasRequest(activeCanvasTool().pointer(canvasContext(), pointer));
    return !statusIsError_;
}

bool StudioApp::canvasDrag(CanvasPoint from, CanvasPoint to, bool shift, bool alt) {
    // As a hand does it: a press, the pointer moved in steps, a release.
    constexpr int kSteps = 8;
    statusIsError_ = false;
    canvasPointer({CanvasPointer::Kind::Press, from, shift, alt});
    for (int i = 1; i <= kSteps; ++i)
        canvasPointer({CanvasPointer::Kind::Move,
                       {from.x + (to.x - from.x) * i / kSteps, from.y + (to.y - from.y) * i / kSteps}, shift, alt});
    return canvasPointer({CanvasPointer::Kind::Release, to, shift, alt});
}

bool StudioApp::nudgeSelection(double dx, double dy) {
    const int item = selectedItem(doc_);
    if (item < 0) {
        setStatus("Select an item on the canvas first; the arrow keys then move it", true);
        return false;
    }
    statusIsError_ = false;
    CanvasRequest request;
    request.edit = nudgeEdit(doc_, item, dx, dy);
    applyCanvasRequest(request);
    return request.edit && !statusIsError_;
}

bool StudioApp::nudgeKey(const sf::Event::KeyEvent& key) {
    // On the canvas the arrows move the selected item: 1 px, 10 with Shift (canvas pixels).
    if (selectedItem(doc_) < 0) return false;
    const double step = key.shift ? 10 : 1;
    switch (key.code) {
        case sf::Keyboard::Left: return nudgeSelection(-step, 0), true;
        case sf::Keyboard::Right: return nudgeSelection(step, 0), true;
        case sf::Keyboard::Up: return nudgeSelection(0, -step), true;
        case sf::Keyboard::Down: return nudgeSelection(0, step), true;
        default: return false;
    }
}

bool StudioApp::setCanvasToggle(bool& toggle, const std::string& word) {
    // From a menu (no word) it flips; a script says which.
    if (!word.empty() && word != "on" && word != "off") {
        setStatus("say on or off", true);
        return false;
    }
    toggle = word.empty() ? !toggle : word == "on";
    return true;
}

bool StudioApp::resizeByScript(const std::string& words) {
    std::stringstream in(words);
    std::string name, option;
    double dx = 0, dy = 0;
    in >> name >> dx >> dy >> option;
    auto handle = parseHandle(name);
    const int item = selectedItem(doc_);
    if (!handle || !in.eof() || item < 0 || !doc_.show()) {
        setStatus("resize needs a selected item, a handle (top-left, top, top-right, right, bottom-right, bottom, "
                  "bottom-left, left) and how far, in canvas pixels",
                  true);
        return false;
    }
    auto drawn = findVisible(visibleItems(*doc_.show(), evaluate(*doc_.show(), t_)), item);
    if (!drawn) {
        setStatus("the selected item is not on screen at the playhead; move the playhead to it first", true);
        return false;
    }
    const CanvasPoint at = handlePoint(drawn->box, *handle);
    return canvasDrag(at, {at.x + dx, at.y + dy}, option == "proportional", option == "free");
}

bool StudioApp::setPanZoomByScript(const std::string& words) {
    std::stringstream in(words);
    std::string end, x, y, w, h;
    in >> end >> x >> y >> w >> h;
    // Read as the exhibit reads a pan-zoom rectangle: % of the picture, or 1 for all of it.
    auto rect = parsePanZoom(x + "," + y + "," + w + "," + h + " → 0,0,1,1");
    const int item = selectedItem(doc_);
    if ((end != "start" && end != "end") || !rect || item < 0 || doc_.show()->items[item].kind != ItemKind::Image) {
        setStatus("panzoom needs a selected picture, start or end, and X Y W H (10% or 0.1 of the picture)", true);
        return false;
    }
    auto fraction = [](const Length& l) { return l.percent ? l.value / 100 : l.value; };
    const Rect r{fraction(rect->from.x), fraction(rect->from.y), fraction(rect->from.width), fraction(rect->from.height)};
    const PanZoomEnd which = end == "start" ? PanZoomEnd::Start : PanZoomEnd::End;
    statusIsError_ = false;
    CanvasRequest request;
    const std::string line = std::to_string(doc_.locationOf(doc_.selection()).line);
    request.edit = CanvasEdit{"Pan-zoom " + end + " of <image> at line " + line,
                              panZoomRecipe(*doc_.pathOf(doc_.selection()), which, r)};
    applyCanvasRequest(request);
    return !statusIsError_;
}

}  // namespace vitrine::studio
