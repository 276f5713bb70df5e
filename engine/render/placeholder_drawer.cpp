#include "render/placeholder_drawer.h"

#include <SFML/Graphics/RectangleShape.hpp>

#include <algorithm>
#include <cmath>

#include "render/canvas_placement.h"
#include "text/item_text.h"
#include "timeline/second_language.h"

namespace vitrine::render {
namespace {

// Placeholders are designed, not debug boxes: a warm dark panel, a quiet rule, small capitals.
const Color kPlaceholderFill{0x1f, 0x1d, 0x1a, 255};
const Color kPlaceholderRule{0x6b, 0x64, 0x58, 255};
const Color kPlaceholderLabel{0xb8, 0xad, 0x9a, 255};
const Color kPlaceholderText{0xe4, 0xdb, 0xcc, 255};
constexpr double kPlaceholderRuleWidth = 2;     // canvas px
constexpr double kPlaceholderMinTextSize = 26;  // canvas px: still legible from a distance

}  // namespace

void drawPlaceholder(TextDrawer& text, const DrawItem& d, sf::RenderTarget& target, const Viewport& v,
                     const sf::Transform& transform, const PlaceholderText& lines) {
    sf::FloatRect box = toOutput(d.box, v);
    float rule = static_cast<float>(kPlaceholderRuleWidth * v.scale);
    sf::RectangleShape panel({box.width - 2 * rule, box.height - 2 * rule});
    panel.setPosition(box.left + rule, box.top + rule);
    panel.setFillColor(toSf(kPlaceholderFill, d.opacity));
    panel.setOutlineThickness(rule);
    panel.setOutlineColor(toSf(kPlaceholderRule, d.opacity));
    target.draw(panel, sf::RenderStates(transform));

    // Text sized to the panel, never below a legible minimum.
    double base = std::max(kPlaceholderMinTextSize, std::min(d.box.width / 28, d.box.height / 10));
    double margin = std::max(d.box.width * 0.08, base);
    double width = std::max(1.0, d.box.width - 2 * margin);
    auto layoutFor = [&](const std::string& words, double size, bool italic, const std::string& family) {
        text::LayoutStyle ls;
        ls.family = family;
        ls.sizePx = static_cast<float>(size);
        ls.italic = italic;
        ls.align = text::LayoutStyle::Align::Center;
        ls.maxWidthPx = static_cast<float>(width);
        ls.lineHeight = 1.3f;
        // In two languages (`both`) the second is set beneath the first, quieter, as a text's.
        return text.layout(text::twoLanguageParagraphs(words, ls, italic), ls, static_cast<float>(v.scale));
    };
    double small = std::max(kPlaceholderMinTextSize, base * 0.7);
    text::TextLayout parts[] = {layoutFor(lines.label, small, false, "sans"),
                                layoutFor(lines.description, base * 1.1, true, "serif"),
                                layoutFor(lines.footnote, small, false, "sans")};
    Color colours[] = {kPlaceholderLabel, kPlaceholderText, kPlaceholderLabel};
    double gap = base * 0.8;
    double total = 0;
    for (auto& p : parts) total += p.height / v.scale;
    total += gap * 2;
    double y = d.box.y + (d.box.height - total) / 2;
    for (int i = 0; i < 3; ++i) {
        TextDrawOptions o;
        o.position = {static_cast<float>(d.box.x + margin), static_cast<float>(y)};
        o.scale = static_cast<float>(v.scale);
        o.color = toSf(colours[i]);
        sf::Color second = o.color;
        second.a = static_cast<sf::Uint8>(std::lround(second.a * kSecondLanguageOpacity));
        o.paragraphColors[1] = second;
        o.opacity = static_cast<float>(d.opacity);
        o.transform = letterboxed(transform, v);
        text.draw(target, parts[i], o);
        y += parts[i].height / v.scale + gap;
    }
}

}  // namespace vitrine::render
