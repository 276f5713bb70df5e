#include "studio/canvas_edits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "script/values.h"
#include "studio/text_edit.h"

namespace vitrine::studio {

const std::vector<Handle>& allHandles() {
    static const std::vector<Handle> kAll = {Handle::TopLeft,     Handle::Top,    Handle::TopRight,   Handle::Right,
                                             Handle::BottomRight, Handle::Bottom, Handle::BottomLeft, Handle::Left};
    return kAll;
}

std::string_view handleName(Handle h) {
    switch (h) {
        case Handle::TopLeft: return "top-left";
        case Handle::Top: return "top";
        case Handle::TopRight: return "top-right";
        case Handle::Right: return "right";
        case Handle::BottomRight: return "bottom-right";
        case Handle::Bottom: return "bottom";
        case Handle::BottomLeft: return "bottom-left";
        case Handle::Left: return "left";
    }
    return "";
}

std::optional<Handle> parseHandle(std::string_view name) {
    for (Handle h : allHandles())
        if (handleName(h) == name) return h;
    return std::nullopt;
}

CanvasPoint handlePoint(const Rect& box, Handle h) {
    // The handle sits where the anchor of the same name would: parseAnchor knows where that is.
    const AnchorPoint a = parseAnchor(handleName(h));
    return {box.x + a.x * box.width, box.y + a.y * box.height};
}

std::optional<Handle> handleAt(const Rect& box, CanvasPoint p, double grab) {
    std::optional<Handle> best;
    double bestDistance = grab;
    for (Handle h : allHandles()) {
        const CanvasPoint at = handlePoint(box, h);
        const double d = std::max(std::abs(at.x - p.x), std::abs(at.y - p.y));
        if (d <= bestDistance) bestDistance = d, best = h;
    }
    return best;
}

Rect resizedBox(const Rect& box, Handle handle, double dx, double dy, bool keepProportions) {
    // Which sides the handle holds: -1 the left (top) side, +1 the right (bottom), 0 neither.
    const AnchorPoint a = parseAnchor(handleName(handle));
    const int sx = a.x == 0 ? -1 : a.x == 1 ? 1 : 0;
    const int sy = a.y == 0 ? -1 : a.y == 1 ? 1 : 0;
    double w = std::max(kMinimumSide, box.width + sx * dx);
    double h = std::max(kMinimumSide, box.height + sy * dy);
    if (keepProportions && box.width > 0 && box.height > 0) {
        const double ratio = box.width / box.height;
        // A corner follows the side that moved most; an edge drags the other side along.
        if (sy == 0 || (sx != 0 && std::abs(w - box.width) * box.height >= std::abs(h - box.height) * box.width))
            h = std::max(kMinimumSide, w / ratio);
        else
            w = std::max(kMinimumSide, h * ratio);
    }
    // The sides the handle does not hold stay put; on an axis it holds neither side of, the
    // box grows about its centre.
    const double x = sx < 0 ? box.x + box.width - w : sx > 0 ? box.x : box.x + (box.width - w) / 2;
    const double y = sy < 0 ? box.y + box.height - h : sy > 0 ? box.y : box.y + (box.height - h) / 2;
    return {x, y, w, h};
}

std::string formatLength(double px, double reference, bool percent) {
    if (!percent) return std::to_string(std::lround(px));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", reference > 0 ? px * 100 / reference : 0);
    std::string s = buffer;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s + "%";
}

namespace {

// Whether the element writes `name` as a percentage; an absent one follows `fallback`, and
// an absent width or height (100 % by default) is a percentage.
bool writtenInPercent(const ScriptNode& element, std::string_view name, std::string_view fallback) {
    // A bare 0 has no unit of its own: it follows its size, as a designer's "0" beside "80%" means 0%.
    if (const ScriptAttribute* a = element.attribute(name))
        if (auto length = parseLength(a->value); length && (length->percent || length->value != 0 || fallback.empty()))
            return length->percent;
    if (!fallback.empty()) return writtenInPercent(element, fallback, "");
    return true;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> layoutAttributes(const ScriptNode& element, const Rect& area,
                                                                  const Rect& box, bool withSize) {
    // Layout puts the anchor point of the box at (x, y) of the area (compile.cpp's layoutBox):
    // this is that placement read backwards.
    const AnchorPoint anchor = parseAnchor(element.view("anchor", "top-left"));
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("x", formatLength(box.x - area.x + anchor.x * box.width, area.width,
                                       writtenInPercent(element, "x", "width")));
    out.emplace_back("y", formatLength(box.y - area.y + anchor.y * box.height, area.height,
                                       writtenInPercent(element, "y", "height")));
    if (withSize) {
        out.emplace_back("width", formatLength(box.width, area.width, writtenInPercent(element, "width", "")));
        out.emplace_back("height", formatLength(box.height, area.height, writtenInPercent(element, "height", "")));
    }
    return out;
}

Result<TextEdit> attributesEdit(std::string_view text, const ScriptNode& element,
                                const std::vector<std::pair<std::string, std::string>>& attributes) {
    // Each attribute edit lies after the element's name, so the element's place stays valid
    // from one to the next; the span they cover together is one edit, undone at once.
    std::string after(text);
    // An absent attribute is inserted right after the element's name: made last to first,
    // they read in the order given (x y width height).
    for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
        const auto& [name, value] = *it;
        auto edit = attributeEdit(after, element.where, element.name, name, value);
        if (!edit) return edit.error();
        applyEdit(after, *edit);
    }
    std::size_t prefix = 0;
    while (prefix < text.size() && prefix < after.size() && text[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < text.size() - prefix && suffix < after.size() - prefix &&
           text[text.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    return TextEdit{prefix, text.size() - prefix - suffix, after.substr(prefix, after.size() - prefix - suffix)};
}

namespace {

Result<const ScriptNode*> elementAtPath(const Script& script, const ElementPath& path) {
    if (const ScriptNode* node = findElement(script.root, path)) return node;
    return Error{"the file no longer has " + path.describe()};
}

}  // namespace

EditRecipe placeRecipe(ElementPath path, Rect area, Rect box, bool withSize) {
    return [path = std::move(path), area, box, withSize](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto element = elementAtPath(script, path);
        if (!element) return element.error();
        return attributesEdit(text, **element, layoutAttributes(**element, area, box, withSize));
    };
}

Result<std::string> panZoomWith(std::string_view written, PanZoomEnd which, const Rect& fraction) {
    auto spec = parsePanZoom(written);
    std::size_t arrow = written.find("\xE2\x86\x92");
    std::size_t arrowLength = 3;
    if (arrow == std::string_view::npos) arrow = written.find("->"), arrowLength = 2;
    if (!spec || arrow == std::string_view::npos)
        return Error{"the pan-zoom \"" + std::string(written) + "\" cannot be read; write it as x,y,w,h → x,y,w,h"};
    const LengthRect& before = which == PanZoomEnd::Start ? spec->from : spec->to;
    // A bare 0 has no unit of its own: it follows its size ("0,0,100%,100%" is in percent).
    auto unitOf = [](const Length& l, const Length& size) { return !l.percent && l.value == 0 ? size : l; };
    const LengthRect as{unitOf(before.x, before.width), unitOf(before.y, before.height), before.width,
                        before.height};
    auto number = [](double value, const Length& unit) {
        if (unit.percent) return formatLength(value, 1, true);
        // Written without %: 1 stands for the whole image; keep three decimals.
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3f", value);
        std::string s = buffer;
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    };
    const std::string rect = number(fraction.x, as.x) + "," + number(fraction.y, as.y) + "," +
                             number(fraction.width, as.width) + "," + number(fraction.height, as.height);
    // Keep the arrow and the spaces around it as written.
    std::size_t leftEnd = written.find_last_not_of(" \t", arrow == 0 ? 0 : arrow - 1) + 1;
    std::size_t rightStart = written.find_first_not_of(" \t", arrow + arrowLength);
    if (rightStart == std::string_view::npos) rightStart = written.size();
    if (which == PanZoomEnd::Start) return rect + std::string(written.substr(leftEnd));
    return std::string(written.substr(0, rightStart)) + rect;
}

EditRecipe panZoomRecipe(ElementPath path, PanZoomEnd which, Rect fraction) {
    return [path = std::move(path), which, fraction](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto element = elementAtPath(script, path);
        if (!element) return element.error();
        const ScriptAttribute* written = (*element)->attribute("panzoom");
        // Without a pan-zoom, the other end is the whole picture, in percent.
        auto value = panZoomWith(written ? std::string_view(written->value) : "0,0,100%,100% → 0,0,100%,100%", which,
                                 fraction);
        if (!value) return value.error();
        return attributeEdit(text, (*element)->where, (*element)->name, "panzoom", *value);
    };
}

Rect panZoomOnCanvas(const Rect& fraction, const Rect& box) {
    return {box.x + fraction.x * box.width, box.y + fraction.y * box.height, fraction.width * box.width,
            fraction.height * box.height};
}

Rect panZoomFromCanvas(const Rect& onCanvas, const Rect& box) {
    if (box.width <= 0 || box.height <= 0) return {0, 0, 1, 1};
    return {(onCanvas.x - box.x) / box.width, (onCanvas.y - box.y) / box.height, onCanvas.width / box.width,
            onCanvas.height / box.height};
}

}  // namespace vitrine::studio
