#pragma once
// What moving and resizing on the canvas writes: the box's geometry under a handle, and the
// layout attributes (x, y, width, height) that place an element's box there, in the units
// the designer used (px stays px, % stays %), as one minimal edit of the text. Also the
// pan-zoom rectangles of an <image>. Pure functions and edit recipes: no window.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/geometry.h"
#include "studio/canvas_hit.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// The eight handles on a selection box.
enum class Handle { TopLeft, Top, TopRight, Right, BottomRight, Bottom, BottomLeft, Left };

/// All handles, clockwise from the top-left corner.
const std::vector<Handle>& allHandles();
/// "top-left", "top", … as the anchor attribute names the same points.
std::string_view handleName(Handle h);
/// The handle named `name`, or nullopt.
std::optional<Handle> parseHandle(std::string_view name);
/// Where handle `h` of `box` is.
CanvasPoint handlePoint(const Rect& box, Handle h);
/// The handle of `box` within `grab` px of `p` (the nearest), or nullopt.
std::optional<Handle> handleAt(const Rect& box, CanvasPoint p, double grab);

/// The smallest side a resize leaves, canvas px (a box can always be grabbed again).
constexpr double kMinimumSide = 8;

/// `box` with the sides `handle` holds moved by (dx, dy), the opposite sides staying put;
/// `keepProportions` (Shift) keeps its width:height ratio (an edge handle then grows the
/// other side about its centre).
Rect resizedBox(const Rect& box, Handle handle, double dx, double dy, bool keepProportions);

/// `px` written as a length: whole pixels, or a percentage of `reference` (to 0.01 %).
std::string formatLength(double px, double reference, bool percent);

/// The layout attributes that put `element`'s box at `box` inside `area` (the canvas or its
/// region), keeping its anchor and the unit each attribute is written in (an absent x or y
/// is written in the unit of its width or height). `withSize` adds width and height (a
/// resize); a move writes x and y only.
std::vector<std::pair<std::string, std::string>> layoutAttributes(const ScriptNode& element, const Rect& area,
                                                                  const Rect& box, bool withSize);

/// Sets several attributes of the element written at `element` as one edit: the span from
/// the first changed character to the last (everything between as it was).
Result<TextEdit> attributesEdit(std::string_view text, const ScriptNode& element,
                                const std::vector<std::pair<std::string, std::string>>& attributes);

/// The recipe that places the element at `path` so its box is `box` in `area`.
EditRecipe placeRecipe(ElementPath path, Rect area, Rect box, bool withSize);

/// The two rectangles of a pan-zoom.
enum class PanZoomEnd { Start, End };

/// `written` (a panzoom attribute, "0,0,100%,100% → 10%,5%,80%,80%") with the rectangle at
/// `which` end replaced by `fraction` (of the image: 1 = all of it), each of its four numbers
/// in the unit it was written in, the other end and the arrow as written.
Result<std::string> panZoomWith(std::string_view written, PanZoomEnd which, const Rect& fraction);

/// The recipe that sets one end of the pan-zoom of the <image> at `path`.
EditRecipe panZoomRecipe(ElementPath path, PanZoomEnd which, Rect fraction);

/// A pan-zoom rectangle (fractions of the image) shown over the item's box, which stands
/// for the whole picture; and back.
Rect panZoomOnCanvas(const Rect& fraction, const Rect& box);
Rect panZoomFromCanvas(const Rect& onCanvas, const Rect& box);

}  // namespace vitrine::studio
