#pragma once
// What each layout check reads of an item, compared whole: the keys by which the findings
// kept for an item (LayoutFindings) are found again, so that only an item whose input
// changed is checked again, and where those findings stand relative to their element.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "text/item_text.h"
#include "timeline/show.h"

namespace vitrine::text {

// Everything checkText reads of a text and the canvas, compared whole: two texts alike in
// all of it have the same findings. What is laid out (item_text.h), where the block stands
// (placeTextBlock), what holds it (checkOverflow), and how it rolls (creditRoll).
struct TextCheckInput {
    std::vector<Paragraph> paragraphs;
    LayoutStyle style;
    double blockWidth = 0, lineHeight = 0, padding = 0;
    TextStyle::VAlign valign = TextStyle::VAlign::Top;
    bool boxed = false;
    std::array<double, 4> box{}, area{};
    bool rolls = false;
    int headingParagraphs = 0;
    Micros activeTime = 0;
    std::array<int, 2> canvas{};
    std::string mainLanguage;  // what the paragraphs without lang are in (checkText)

    auto operator<=>(const TextCheckInput&) const = default;
};

TextCheckInput textCheckInput(const Item& item, PixelSize canvas, const std::string& mainLanguage);

// Everything checkMapLabels reads of a map. Its compiled places, timing and projection
// (MapScene) are made from its element and the exhibit's styles (map_scene.h), so those are
// compared as written; the rest as compiled.
struct MapCheckInput {
    std::string source;  // sourceOf() the element, then of the exhibit's <style>s
    std::array<double, 4> box{};
    Micros time = 0;
    std::optional<std::array<double, 4>> dataBounds;

    auto operator<=>(const MapCheckInput&) const = default;
};

/// The map `item`'s input: its `element` as written, the exhibit's `styles` (ScriptParts),
/// and what was compiled from them.
MapCheckInput mapCheckInput(const Item& item, const ScriptNode& element, const std::string& styles);

/// A place inside an element, as the distance from the element's own: the same however far
/// an edit above has moved the element. A column on the element's first line moves with it.
SourceLocation relativeTo(const SourceLocation& at, const SourceLocation& origin);
/// The place `relative` to `origin` (relativeTo()'s inverse).
SourceLocation placedAt(const SourceLocation& relative, const SourceLocation& origin);

// The exhibit's <style>s (what a map label's style names) and its <map>s by their places.
struct ScriptParts {
    std::string styles;
    std::map<std::tuple<std::string, int, int>, const ScriptNode*> maps;
};

void collectParts(const ScriptNode& node, ScriptParts& parts);

}  // namespace vitrine::text
