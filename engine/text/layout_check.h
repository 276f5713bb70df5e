#pragma once
// `vitrine check` and the studio's diagnostics lay every text out with the player's own
// layout code (text/item_text.h) and bundled fonts, and report what the projector would
// show other than the designer meant: text cut by its box, region or the canvas (by how
// many lines), credits that roll too fast to read, characters no bundled font has, map
// labels never drawn or drawn over others, and items outside the canvas or text outside
// title-safe.

#include "diag/diagnostic.h"
#include "exhibit/exhibit_loader.h"
#include "text/font_library.h"
#include "timeline/show.h"

namespace vitrine::text {

/// Appends the layout problems of every item of `show` to `out`, each at its element's
/// line and column. Text past the canvas is an error; past its own box or region, a
/// warning; outside the title-safe area, a note.
void checkLayout(const Show& show, const FontLibrary& fonts, Diagnostics& out);

/// Adds the layout problems of `exhibit`'s show (when it compiled) to its diagnostics, all
/// in file order: what `vitrine check` and the studio's panel both report.
void addLayoutProblems(LoadedExhibit& exhibit, const FontLibrary& fonts);

}  // namespace vitrine::text
