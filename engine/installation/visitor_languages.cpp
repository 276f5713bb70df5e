#include "installation/visitor_languages.h"

#include <algorithm>

#include "base/safe_area.h"

namespace vitrine::installation {

std::optional<LanguageMode> parseLanguageMode(std::string_view text) {
    if (text == "all") return LanguageMode::All;
    if (text == "one") return LanguageMode::One;
    if (text == "both") return LanguageMode::Both;
    if (text == "alternate") return LanguageMode::Alternate;
    return std::nullopt;
}

std::string_view languageModeName(LanguageMode mode) {
    switch (mode) {
        case LanguageMode::One: return "one";
        case LanguageMode::Both: return "both";
        case LanguageMode::Alternate: return "alternate";
        case LanguageMode::All: break;
    }
    return "all";
}

std::optional<Corner> parseCorner(std::string_view text) {
    if (text == "top-left") return Corner::TopLeft;
    if (text == "top-right") return Corner::TopRight;
    if (text == "bottom-left") return Corner::BottomLeft;
    if (text == "bottom-right") return Corner::BottomRight;
    return std::nullopt;
}

Rect insetRect(const SignLanguageInset& inset, PixelSize canvas) {
    const Rect safe = safeArea(canvas, kActionSafeShare);
    // Never wider or taller than the safe area, whatever size was asked.
    double height = std::min(inset.size.resolve(canvas.height), safe.height);
    double width = std::min(height * kInsetAspect, safe.width);
    height = width / kInsetAspect;
    const bool left = inset.corner == Corner::TopLeft || inset.corner == Corner::BottomLeft;
    const bool top = inset.corner == Corner::TopLeft || inset.corner == Corner::TopRight;
    return {left ? safe.x : safe.x + safe.width - width, top ? safe.y : safe.y + safe.height - height, width, height};
}

}  // namespace vitrine::installation
