#include "text/layout_check_keys.h"

#include "map/compiled_map.h"

namespace vitrine::text {
namespace {

std::array<double, 4> sides(const Rect& r) { return {r.x, r.y, r.width, r.height}; }

std::string resolvedPoint(map::Point2 at) { return "|" + std::to_string(at.x) + "," + std::to_string(at.y); }

// An element as a compile reads it (names, attributes, text), with where each element in it
// stands relative to `origin` (when given): equal sources give findings at the same
// relative places.
void appendSource(const ScriptNode& node, const SourceLocation* origin, std::string& out) {
    auto place = [&](const SourceLocation& at) {
        if (!origin) return;
        const SourceLocation r = relativeTo(at, *origin);
        out += "@" + r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
    };
    if (node.isText()) {
        out += '"';
        out += node.text;
        out += '"';
        return;
    }
    out += '<';
    out += node.name;
    place(node.where);
    for (const ScriptAttribute& a : node.attributes) {
        out += ' ';
        out += a.name;
        out += '=';
        out += std::to_string(a.value.size()) + ":";  // a length first: no value can fake the next attribute
        out += a.value;
    }
    out += '>';
    for (const ScriptNode& child : node.children) appendSource(child, origin, out);
    out += "</>";
}

}  // namespace

TextCheckInput textCheckInput(const Item& item, PixelSize canvas, const std::string& mainLanguage) {
    const double blockWidth = textBlockWidth(item);
    return {itemParagraphs(item),
            itemLayoutStyle(item, blockWidth),
            blockWidth,
            item.style.lineHeight,
            item.style.padding,
            item.style.valign,
            item.style.background.a > 0,
            sides(item.box),
            sides(item.area),
            item.rolls,
            item.headingParagraphs,
            item.activeEnd - item.begin,
            {canvas.width, canvas.height},
            mainLanguage};
}

MapCheckInput mapCheckInput(const Item& item, const ScriptNode& element, const std::string& styles) {
    MapCheckInput input{{}, sides(item.box), item.end - item.begin, std::nullopt};
    appendSource(element, &item.where, input.source);
    input.source += styles;
    // Where the places stand comes from places files beside the exhibit and the
    // world gazetteer, not from the element: key on the points they resolved to.
    for (const auto& m : item.map->scene.markers) input.source += resolvedPoint(m.at);
    for (const auto& l : item.map->scene.labels) input.source += resolvedPoint(l.at);
    if (auto b = item.map->dataBounds()) input.dataBounds = std::array{b->west, b->south, b->east, b->north};
    return input;
}

SourceLocation relativeTo(const SourceLocation& at, const SourceLocation& origin) {
    const int lines = at.line - origin.line;
    return {at.file == origin.file ? std::string() : at.file, lines, lines == 0 ? at.column - origin.column : at.column};
}

SourceLocation placedAt(const SourceLocation& relative, const SourceLocation& origin) {
    return {relative.file.empty() ? origin.file : relative.file, origin.line + relative.line,
            relative.line == 0 ? origin.column + relative.column : relative.column};
}

void collectParts(const ScriptNode& node, ScriptParts& parts) {
    if (node.name == "style") appendSource(node, nullptr, parts.styles);  // what they say, wherever they are
    if (node.name == "map") parts.maps[{node.where.file, node.where.line, node.where.column}] = &node;
    for (const ScriptNode& child : node.children)
        if (!child.isText()) collectParts(child, parts);
}

}  // namespace vitrine::text
