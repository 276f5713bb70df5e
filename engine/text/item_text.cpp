#include "text/item_text.h"

#include "timeline/second_language.h"

#include <algorithm>

namespace vitrine::text {
namespace {

LayoutStyle::Align toLayoutAlign(TextStyle::Align a) {
    switch (a) {
        case TextStyle::Align::Center: return LayoutStyle::Align::Center;
        case TextStyle::Align::Right: return LayoutStyle::Align::Right;
        default: return LayoutStyle::Align::Left;
    }
}

}  // namespace

double textBlockWidth(const Item& item) {
    const TextStyle& s = item.style;
    double width = s.maxWidth > 0 ? std::min(s.maxWidth, item.box.width) : item.box.width;
    if (s.background.a > 0) width -= 2 * s.padding;
    return width;
}

std::vector<Paragraph> itemParagraphs(const Item& item) {
    std::vector<Paragraph> out;
    for (const auto& p : item.paragraphs) {
        Paragraph para;
        for (const auto& r : p.runs) para.spans.push_back(Span{r.text, r.bold, r.italic, r.lang});
        if (p.style) para.style = styleLayout(*p.style);
        out.push_back(std::move(para));
    }
    return out;
}

LayoutStyle styleLayout(const TextStyle& s) {
    LayoutStyle ls;
    ls.family = s.font;
    ls.sizePx = static_cast<float>(s.size);
    ls.lineHeight = static_cast<float>(s.lineHeight);
    ls.align = toLayoutAlign(s.align);
    ls.bold = s.bold;
    ls.italic = s.italic;
    return ls;
}

LayoutStyle itemLayoutStyle(const Item& item, double blockWidth) {
    LayoutStyle ls = styleLayout(item.style);
    ls.maxWidthPx = static_cast<float>(std::max(1.0, blockWidth));
    return ls;
}

TextLayout layoutItemText(const FontLibrary& fonts, const Item& item) {
    return layoutText(fonts, itemParagraphs(item), itemLayoutStyle(item, textBlockWidth(item)));
}

Rect placeTextBlock(const Item& item, const Rect& box, double blockWidth, double height) {
    const TextStyle& s = item.style;
    const bool boxed = s.background.a > 0;
    double x = box.x, y = box.y;
    if (s.align == TextStyle::Align::Center) x += (box.width - blockWidth) / 2;
    if (s.align == TextStyle::Align::Right) x += box.width - blockWidth;
    // Credits too tall for their box roll from the top of it (text/credit_roll.h).
    const auto valign = item.rolls && height > box.height ? TextStyle::VAlign::Top : s.valign;
    if (valign == TextStyle::VAlign::Middle) y += (box.height - height) / 2;
    if (valign == TextStyle::VAlign::Bottom) y += box.height - height - (boxed ? s.padding : 0);
    if (valign == TextStyle::VAlign::Top && boxed) y += s.padding;
    if (boxed && s.align == TextStyle::Align::Left) x += s.padding;
    return {x, y, blockWidth, height};
}

LayoutStyle mapLabelStyle(double sizePx, const TextStyle* own) {
    constexpr float kLabelLineHeight = 1.2f;  // labels are single lines: a tight pitch
    LayoutStyle style;
    style.family = own ? own->font : "sans";
    style.bold = own && own->bold;
    style.italic = own && own->italic;
    style.sizePx = static_cast<float>(sizePx);
    style.lineHeight = kLabelLineHeight;
    style.align = LayoutStyle::Align::Left;
    style.paragraphSpacing = 0;  // a label in two languages is one label: its lines kept together
    return style;
}

std::vector<Paragraph> twoLanguageParagraphs(const std::string& text, const LayoutStyle& style, bool italic) {
    const auto at = text.find(kSecondLanguageBreak);
    if (at == std::string::npos) return {Paragraph{{Span{text, false, italic, {}}}}};
    LayoutStyle second = style;
    second.sizePx = static_cast<float>(style.sizePx * kSecondLanguageSize);
    return {Paragraph{{Span{text.substr(0, at), false, italic, {}}}},
            Paragraph{{Span{text.substr(at + 1), false, italic, {}}}, second}};
}

TextLayout linesOf(const TextLayout& layout, int first, int end) {
    TextLayout part;
    part.sizePx = layout.sizePx;
    part.width = layout.width;
    part.height = layout.height;
    const int from = std::clamp(first, 0, static_cast<int>(layout.lines.size()));
    const int to = std::clamp(end, from, static_cast<int>(layout.lines.size()));
    part.lines.assign(layout.lines.begin() + from, layout.lines.begin() + to);
    for (const auto& run : layout.runs) {
        if (run.line < from || run.line >= to) continue;
        part.runs.push_back(run);
        part.runs.back().line -= from;  // an index into part.lines
    }
    return part;
}

}  // namespace vitrine::text
