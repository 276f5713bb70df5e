#pragma once
// `vitrine check` and the studio's diagnostics lay every text out with the player's own
// layout code (text/item_text.h) and bundled fonts, and report what the projector would
// show other than the designer meant: text cut by its box, region or the canvas (by how
// many lines), credits that roll too fast to read, characters no bundled font has, map
// labels never drawn or drawn over others, and items outside the canvas or text outside
// title-safe. A text written in several languages is laid out one language at a time, as a
// site showing one of them shows it.

#include <cstddef>
#include <memory>

#include "diag/diagnostic.h"
#include "exhibit/exhibit_loader.h"
#include "text/font_library.h"
#include "timeline/show.h"

namespace vitrine::text {

/// What the layout check found for each text and map, kept across checks: the studio checks
/// the whole show on every edit, and laying every text out and sampling every map again made
/// the edit wait. An item's findings are used again only when everything its check reads is
/// as it was, so an edit checks again exactly the items it changed:
/// - a text: its paragraphs, style, box, region, credits roll and time, and the canvas;
/// - a map: its element as written (attributes, children and where they stand in it), the
///   exhibit's styles, its box, its time and its data's bounds;
/// - both: the fonts measured with.
/// Its place in the file is not part of that: an edit above it moves it, and its findings are
/// moved with it. One per document (the studio's), holding at most `capacity` items.
class LayoutFindings {
public:
    static constexpr std::size_t kDefaultCapacity = 4096;

    explicit LayoutFindings(std::size_t capacity = kDefaultCapacity);
    ~LayoutFindings();
    LayoutFindings(const LayoutFindings&) = delete;
    LayoutFindings& operator=(const LayoutFindings&) = delete;

    /// Items checked afresh, and items whose kept findings were used instead, since this was
    /// made (what shows that an edit checks only what it changed).
    int itemsChecked() const;
    int itemsReused() const;

    struct Kept;  // layout_check.cpp's

private:
    friend void addLayoutProblems(LoadedExhibit&, const FontLibrary&, LayoutFindings*);
    std::unique_ptr<Kept> kept_;
};

/// Whether every line of `item`'s text lies inside its box or region and the canvas: no
/// "text-overflow" finding, by the same measure checkLayout reports with.
bool textFits(const Item& item, const FontLibrary& fonts, PixelSize canvas);

/// Appends the layout problems of every item of `show` to `out`, each at its element's
/// line and column. Text past the canvas is an error; past its own box or region, a
/// warning; outside the title-safe area, a note.
void checkLayout(const Show& show, const FontLibrary& fonts, Diagnostics& out);

/// Adds the layout problems of `exhibit`'s show (when it compiled) to its diagnostics, all
/// in file order: what `vitrine check` and the studio's panel both report. With `kept`, the
/// items checked before (with these fonts) are not checked again.
void addLayoutProblems(LoadedExhibit& exhibit, const FontLibrary& fonts, LayoutFindings* kept = nullptr);

}  // namespace vitrine::text
