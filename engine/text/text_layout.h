#pragma once
// Paragraphs of styled spans → positioned glyphs, measured with the same metrics
// SFML 2.5 draws with. Pure logic: no window, no SFML; the renderer only draws the result.

#include <compare>
#include <optional>
#include <string>
#include <vector>

#include "text/font_library.h"

namespace vitrine::text {

/// A piece of a paragraph in one style. `lang` is a BCP 47 tag kept for future
/// language-specific rules; fonts are chosen by which face covers each character.
struct Span {
    std::string utf8;
    bool bold = false;
    bool italic = false;
    std::string lang;

    // Compared whole (every member, including any added later), so a cache of layouts keyed by
    // what it lays out can never miss a change (render/text_layout_cache.h).
    auto operator<=>(const Span&) const = default;
};

/// How a block of paragraphs is set. Span bold/italic add to the style's.
struct LayoutStyle {
    enum class Align { Left, Center, Right };

    std::string family = "serif";  // "serif", "sans", a family name or a font file stem
    float sizePx = 44;             // rounded to whole pixels, as SFML rasterises
    float lineHeight = 1.35f;      // baseline-to-baseline distance, as a multiple of the size
    Align align = Align::Left;
    float maxWidthPx = 0;          // wrap width; 0 = never wrap
    float paragraphSpacing = 0.6f; // extra space between paragraphs, in em
    bool bold = false;
    bool italic = false;

    auto operator<=>(const LayoutStyle&) const = default;
};

/// Spans set one after another; '\n' inside a span forces a line break.
struct Paragraph {
    std::vector<Span> spans;
    /// A style of its own (a <p style>): its family, size, line height, alignment, bold and
    /// italic; the wrap width and paragraph spacing stay the block's. None: the block's.
    std::optional<LayoutStyle> style = std::nullopt;

    // Compared whole, as Span is (render/text_layout_cache.h).
    auto operator<=>(const Paragraph&) const = default;
};

/// One glyph on a line: its character and where its pen position starts.
struct PositionedGlyph {
    char32_t codepoint = 0;
    float x = 0;        // pen position in layout pixels (left of the advance box)
    float advance = 0;  // pen movement after this glyph
};

/// Consecutive glyphs on one line drawn from one face at one size.
struct GlyphRun {
    FontFaceId face = -1;
    unsigned sizePx = 0;
    float baselineY = 0;  // baseline in layout pixels, from the top of the layout
    int line = 0;         // index into TextLayout::lines
    std::vector<PositionedGlyph> glyphs;
};

/// The box of one laid-out line; x and width cover the glyph advances without trailing spaces.
struct LineBox {
    float x = 0;
    float top = 0;
    float width = 0;
    float height = 0;
    float baselineY = 0;
    int paragraph = 0;
};

/// The result of layout, with the origin at the top-left of the text block.
struct TextLayout {
    std::vector<GlyphRun> runs;
    std::vector<LineBox> lines;
    unsigned sizePx = 0;
    float width = 0;   // the wrap width when wrapping, otherwise the widest line
    float height = 0;  // top of the first line to bottom of the last line box
};

/// Sets `paragraphs` in `style`: splits text into faces by coverage, wraps greedily at
/// spaces and after dashes (a word wider than the width stands alone), aligns each line,
/// and applies kerning within a face. Never fails; an empty input gives an empty layout.
TextLayout layoutText(const FontLibrary& fonts, const std::vector<Paragraph>& paragraphs, const LayoutStyle& style);

}  // namespace vitrine::text
