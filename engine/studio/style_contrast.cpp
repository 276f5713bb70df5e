#include "studio/style_contrast.h"

#include <cmath>
#include <cstdio>

#include "base/color_contrast.h"
#include "studio/style_edits.h"

namespace vitrine::studio {
namespace {

// WCAG 2: large text is at least 18 pt (24 CSS px), or 14 pt (18.66 px) in bold.
constexpr double kLargeSize = 24, kLargeBoldSize = 18.66;
constexpr double kAaBody = 4.5, kAaaBody = 7, kAaLarge = 3;

bool samePlace(const SourceLocation& a, const SourceLocation& b) {
    return a.line == b.line && a.column == b.column && a.file == b.file;
}

std::string verdictFor(double ratio, bool large) {
    if (ratio >= kAaaBody) return "passes AAA, the highest level, for text of any size";
    if (ratio >= kAaBody)
        return large ? "passes AA, and AAA for large text like this style (24 px and up)"
                     : "passes AA; AAA needs 7:1 for text under 24 px";
    if (ratio >= kAaLarge)
        return large ? "below 4.5:1: passes AA only because this style is large text (24 px and up); smaller text would fail"
                     : "below 4.5:1: too faint for text of this size; it would pass AA only as large text (24 px and up)";
    return "below 3:1: hard to read at any size";
}

}  // namespace

ShownBackground backgroundWhereShown(const Show& show, const Script& script, std::string_view id) {
    for (const StyleUse& use : styleUses(script, id)) {
        for (const Item& item : show.items) {
            if (item.scene < 0 || !samePlace(item.where, use.node->where)) continue;
            const Scene& scene = show.scenes[item.scene];
            return {scene.background, "the background of scene '" + scene.id + "'"};
        }
    }
    return {show.background, "the exhibit's background"};
}

bool isLargeText(const TextStyle& style) {
    return style.size >= kLargeSize || (style.bold && style.size >= kLargeBoldSize);
}

std::string formatRatio(double ratio) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f:1", std::floor(ratio * 10) / 10);
    return out;
}

StyleContrast styleContrast(const TextStyle& style, const ShownBackground& shown) {
    StyleContrast c;
    const bool box = style.background.a > 0;
    c.background = box ? composite(style.background, shown.color) : shown.color;
    c.text = composite(style.color, c.background);
    c.against = box ? (style.background.a < 255 ? "its own background box over " + shown.description
                                                : std::string("its own background box"))
                    : shown.description;
    c.ratio = contrastRatio(c.text, c.background);
    c.large = isLargeText(style);
    c.warn = c.ratio < kAaBody;
    c.verdict = formatRatio(c.ratio) + " against " + c.against + ": " + verdictFor(c.ratio, c.large);
    return c;
}

}  // namespace vitrine::studio
