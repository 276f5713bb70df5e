#pragma once
// How an item's text is set and where it stands: the one definition the player draws with
// (render/frame_renderer, scaled by TextDrawer::layout) and `vitrine check` measures with
// (text/layout_check), so the check and the projector cannot disagree.

#include <vector>

#include "base/geometry.h"
#include "text/font_library.h"
#include "text/text_layout.h"
#include "timeline/show.h"

namespace vitrine::text {

/// The width the item's text wraps at, canvas px: its style's max-width within its box,
/// less a background's padding on both sides.
double textBlockWidth(const Item& item);

/// The item's paragraphs as layout input.
std::vector<Paragraph> itemParagraphs(const Item& item);

/// A text style's type as layout input (the wrap width is the caller's).
LayoutStyle styleLayout(const TextStyle& style);

/// The item's style as layout input, wrapping at `blockWidth` canvas px.
LayoutStyle itemLayoutStyle(const Item& item, double blockWidth);

/// The item's text laid out at the canvas's size, as the player lays it out before scaling.
TextLayout layoutItemText(const FontLibrary& fonts, const Item& item);

/// Where a block of text `blockWidth` wide and `height` tall (canvas px) is placed in `box`
/// (the item's box at this instant) by the item's alignment, vertical alignment and padding:
/// the rectangle whose top-left is the layout's origin.
Rect placeTextBlock(const Item& item, const Rect& box, double blockWidth, double height);

/// How a map label is set (one line, never wrapped) at `sizePx`, in the map's label look or
/// `own` (a <label style>'s font, weight and italic): the map drawer draws with it and
/// measures with it where it places labels, as `vitrine check` does.
LayoutStyle mapLabelStyle(double sizePx, const TextStyle* own = nullptr);

/// A one-line text (a map label, a placeholder's words) laid out in `style`: one paragraph,
/// or in two languages (`both`, the second after kSecondLanguageBreak) the second beneath
/// the first at kSecondLanguageSize, as a text sets its second language (the drawer fades
/// paragraph 1 by kSecondLanguageOpacity). Drawn and measured alike.
std::vector<Paragraph> twoLanguageParagraphs(const std::string& text, const LayoutStyle& style, bool italic = false);

/// The lines [first, end) of `layout` and their glyphs, where they were: to draw part of a
/// block apart from the rest (a credits roll's still title and its moving entries).
TextLayout linesOf(const TextLayout& layout, int first, int end);

}  // namespace vitrine::text
