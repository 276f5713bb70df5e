#include "text/text_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

#include "base/utf8.h"

namespace vitrine::text {
namespace {

constexpr char32_t kSpace = U' ';
constexpr char32_t kTab = U'\t';
constexpr char32_t kLineFeed = U'\n';
constexpr char32_t kHyphenMinus = U'-';
constexpr char32_t kEnDash = U'\u2013';
constexpr char32_t kEmDash = U'\u2014';
constexpr char32_t kZeroWidthSpace = U'\u200B';
constexpr char32_t kSoftHyphen = U'\u00AD';
constexpr char32_t kFirstC1Control = 0x80;
constexpr char32_t kLastC1Control = 0x9F;
constexpr char32_t kDelete = 0x7F;
// Floating sums of whole-pixel advances are exact, but a wrap width given as a fraction
// must not reject a line that fits to within rounding.
constexpr float kFitTolerancePx = 0.01f;
constexpr unsigned kMinSizePx = 1;

// One character ready to be set: its face, width and what may happen around it.
struct Item {
    char32_t cp = 0;
    FontFaceId face = -1;
    float advance = 0;
    float kernBefore = 0;  // kerning with the previous item when both share a face
    bool space = false;    // may hang past the line end, never counted in its width
    bool hardBreak = false;
    bool invisible = false;  // takes part in breaking but is not drawn
    bool breakAfter = false;
};

struct LineRange {
    std::size_t begin = 0;
    std::size_t end = 0;  // exclusive; a hard break item, if any, lies at end
    int paragraph = 0;
};

bool isLetter(char32_t c) {
    // Enough for "is this hyphen inside a word": letters of Latin, Greek, Cyrillic,
    // Armenian and the other alphabetic blocks below the CJK range.
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
    return c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7;
}

bool isDroppedControl(char32_t c) {
    return (c < kSpace && c != kLineFeed && c != kTab) || c == kDelete ||
           (c >= kFirstC1Control && c <= kLastC1Control) || c == kSoftHyphen;
}

// Greedy breaking only looks at "may I break after this item"; these are the places a
// reader expects: after spaces, after a dash, and after a hyphen joining two words.
void markBreakOpportunities(std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        Item& it = items[i];
        if (it.space || it.cp == kZeroWidthSpace) {
            it.breakAfter = true;
        } else if (it.cp == kEmDash || it.cp == kEnDash) {
            it.breakAfter = i + 1 < items.size() && !items[i + 1].space;
        } else if (it.cp == kHyphenMinus) {
            it.breakAfter = i > 0 && i + 1 < items.size() && isLetter(items[i - 1].cp) && isLetter(items[i + 1].cp);
        }
    }
}

class ParagraphSetter {
public:
    ParagraphSetter(const FontLibrary& fonts, const LayoutStyle& style, unsigned sizePx)
        : fonts_(fonts), style_(style), sizePx_(sizePx) {}

    std::vector<Item> itemize(const Paragraph& paragraph) {
        std::vector<Item> items;
        for (const Span& span : paragraph.spans) {
            const bool bold = span.bold || style_.bold;
            const bool italic = span.italic || style_.italic;
            const auto& chain = chainFor(bold, italic);
            for (char32_t cp : decodeUtf8(span.utf8)) {
                if (isDroppedControl(cp)) continue;
                Item item;
                item.hardBreak = cp == kLineFeed;
                item.cp = (cp == kTab) ? kSpace : cp;
                item.space = item.cp == kSpace;
                item.invisible = item.hardBreak || item.cp == kZeroWidthSpace;
                if (!item.invisible && !chain.empty()) {
                    item.face = chain.front();
                    for (FontFaceId id : chain) {
                        if (fonts_.hasGlyph(id, item.cp)) {
                            item.face = id;
                            break;
                        }
                    }
                    item.advance = fonts_.advance(item.face, item.cp, sizePx_);
                    if (!items.empty() && items.back().face == item.face) {
                        item.kernBefore = fonts_.kerning(item.face, items.back().cp, item.cp, sizePx_);
                    }
                }
                items.push_back(item);
            }
        }
        markBreakOpportunities(items);
        return items;
    }

    // Greedy line filling: each segment (up to and including a break opportunity) goes on
    // the current line if its visible part fits, otherwise it starts a new line.
    std::vector<LineRange> breakLines(const std::vector<Item>& items, int paragraph) const {
        std::vector<LineRange> lines;
        LineRange line{0, 0, paragraph};
        float pen = 0;
        bool lineEmpty = true;
        std::size_t i = 0;
        while (i < items.size()) {
            if (items[i].hardBreak) {
                line.end = i;
                lines.push_back(line);
                line = LineRange{i + 1, i + 1, paragraph};
                pen = 0;
                lineEmpty = true;
                ++i;
                continue;
            }
            std::size_t segEnd = i;
            while (segEnd < items.size() && !items[segEnd].hardBreak) {
                ++segEnd;
                if (items[segEnd - 1].breakAfter) break;
            }
            float segPen = pen;
            float segContentEnd = pen;
            for (std::size_t k = i; k < segEnd; ++k) {
                segPen += (lineEmpty && k == i ? 0.0f : items[k].kernBefore) + items[k].advance;
                if (!items[k].space) segContentEnd = segPen;
            }
            const bool fits = style_.maxWidthPx <= 0 || segContentEnd <= style_.maxWidthPx + kFitTolerancePx;
            if (!lineEmpty && !fits) {
                line.end = i;
                lines.push_back(line);
                line = LineRange{i, i, paragraph};
                pen = 0;
                lineEmpty = true;
                continue;  // re-measure the segment without the kerning it had mid-line
            }
            pen = segPen;
            lineEmpty = false;
            i = segEnd;
        }
        line.end = items.size();
        lines.push_back(line);
        return lines;
    }

private:
    const std::vector<FontFaceId>& chainFor(bool bold, bool italic) {
        const auto key = std::make_pair(bold, italic);
        auto it = chains_.find(key);
        if (it == chains_.end()) it = chains_.emplace(key, fonts_.fallbackChain(style_.family, bold, italic)).first;
        return it->second;
    }

    const FontLibrary& fonts_;
    const LayoutStyle& style_;
    unsigned sizePx_;
    std::map<std::pair<bool, bool>, std::vector<FontFaceId>> chains_;
};

float alignmentFactor(LayoutStyle::Align align) {
    switch (align) {
        case LayoutStyle::Align::Center: return 0.5f;
        case LayoutStyle::Align::Right: return 1.0f;
        case LayoutStyle::Align::Left: break;
    }
    return 0.0f;
}

}  // namespace

TextLayout layoutText(const FontLibrary& fonts, const std::vector<Paragraph>& paragraphs, const LayoutStyle& style) {
    TextLayout layout;
    layout.sizePx = std::max(kMinSizePx, static_cast<unsigned>(std::lround(std::max(0.0f, style.sizePx))));
    if (paragraphs.empty() || fonts.faceCount() == 0) return layout;

    // Each paragraph in its own style when it has one: its size, faces and line pitch; the
    // wrap width is the block's.
    struct Look {
        LayoutStyle style;
        unsigned sizePx = 0;
        float pitch = 0, baselineOffset = 0, gap = 0;
    };
    auto lookFor = [&](const LayoutStyle& own) {
        Look look{own, std::max(kMinSizePx, static_cast<unsigned>(std::lround(std::max(0.0f, own.sizePx))))};
        look.style.maxWidthPx = style.maxWidthPx;
        look.style.paragraphSpacing = style.paragraphSpacing;
        const FontFaceId primary = fonts.fallbackChain(own.family, own.bold, own.italic).front();
        const LineMetrics metrics = fonts.lineMetrics(primary, look.sizePx);
        const float size = static_cast<float>(look.sizePx);
        look.pitch = std::round(own.lineHeight * size);
        // Centre the face's ascent+descent in the line pitch (half-leading, as CSS does) so
        // a background box has even margins above and below.
        look.baselineOffset = std::round((look.pitch - (metrics.ascent + metrics.descent)) / 2 + metrics.ascent);
        look.gap = std::round(style.paragraphSpacing * size);
        return look;
    };
    const Look blockLook = lookFor(style);
    std::vector<Look> ownLooks;  // one per paragraph with a style of its own, in order
    std::vector<const Look*> looks;
    ownLooks.reserve(paragraphs.size());
    for (const Paragraph& p : paragraphs)
        if (p.style) ownLooks.push_back(lookFor(*p.style));
    for (std::size_t p = 0, own = 0; p < paragraphs.size(); ++p)
        looks.push_back(paragraphs[p].style ? &ownLooks[own++] : &blockLook);

    struct PendingLine {
        std::vector<Item> const* items;
        LineRange range;
        float width;
    };
    std::vector<std::vector<Item>> itemsPerParagraph;
    itemsPerParagraph.reserve(paragraphs.size());
    std::vector<PendingLine> pending;
    ParagraphSetter blockSetter(fonts, blockLook.style, blockLook.sizePx);
    std::vector<std::unique_ptr<ParagraphSetter>> ownSetters;  // the setter of each styled paragraph
    std::vector<ParagraphSetter*> setters;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        ParagraphSetter* setter = &blockSetter;
        if (looks[p] != &blockLook)
            setter = ownSetters.emplace_back(std::make_unique<ParagraphSetter>(fonts, looks[p]->style, looks[p]->sizePx)).get();
        setters.push_back(setter);
        itemsPerParagraph.push_back(setter->itemize(paragraphs[p]));
    }
    float widest = 0;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const auto& items = itemsPerParagraph[p];
        for (const LineRange& range : setters[p]->breakLines(items, static_cast<int>(p))) {
            float pen = 0;
            float contentEnd = 0;
            for (std::size_t k = range.begin; k < range.end; ++k) {
                pen += (k == range.begin ? 0.0f : items[k].kernBefore) + items[k].advance;
                if (!items[k].space) contentEnd = pen;
            }
            widest = std::max(widest, contentEnd);
            pending.push_back({&items, range, contentEnd});
        }
    }
    layout.width = style.maxWidthPx > 0 ? style.maxWidthPx : widest;

    float top = 0;
    int previousParagraph = 0;
    for (const PendingLine& pl : pending) {
        const Look& look = *looks[static_cast<std::size_t>(pl.range.paragraph)];
        if (pl.range.paragraph != previousParagraph) {
            top += look.gap;
            previousParagraph = pl.range.paragraph;
        }
        LineBox box;
        box.x = std::round((layout.width - pl.width) * alignmentFactor(look.style.align));
        box.top = top;
        box.width = pl.width;
        box.height = look.pitch;
        box.baselineY = top + look.baselineOffset;
        box.paragraph = pl.range.paragraph;
        const int lineIndex = static_cast<int>(layout.lines.size());
        layout.lines.push_back(box);

        const auto& items = *pl.items;
        float pen = box.x;
        for (std::size_t k = pl.range.begin; k < pl.range.end; ++k) {
            const Item& it = items[k];
            pen += (k == pl.range.begin ? 0.0f : it.kernBefore);
            // Spaces past the line's visible end hang in the margin: not drawn.
            const bool hanging = it.space && pen >= box.x + box.width;
            if (!it.invisible && !hanging) {
                if (layout.runs.empty() || layout.runs.back().face != it.face || layout.runs.back().line != lineIndex) {
                    layout.runs.push_back(GlyphRun{it.face, look.sizePx, box.baselineY, lineIndex, {}});
                }
                layout.runs.back().glyphs.push_back(PositionedGlyph{it.cp, pen, it.advance});
            }
            pen += it.advance;
        }
        top += look.pitch;
    }
    layout.height = top;
    return layout;
}

}  // namespace vitrine::text
