#include "timeline/style_resolver.h"

namespace vitrine {
namespace {

// Deeper chains of base= are taken for a cycle.
constexpr int kMaxStyleDepth = 32;

}  // namespace

const TextStyle& StyleResolver::resolve(std::string_view name, const SourceLocation& where) {
    if (auto cached = resolved_.find(name); cached != resolved_.end()) return cached->second;
    return resolved_.emplace(std::string(name), resolveUncached(name, where)).first->second;
}

TextStyle StyleResolver::resolveUncached(std::string_view name, const SourceLocation& where) {
    TextStyle base;
    if (styles_.count("default")) apply(base, *styles_.at("default"), 0, where);
    if (name.empty() || name == "default") return base;
    auto it = styles_.find(name);
    if (it == styles_.end()) return base;  // the validator has reported it
    apply(base, *it->second, 0, where);
    return base;
}

TextStyle StyleResolver::resolveOver(const TextStyle& start, std::string_view name, const SourceLocation& where) {
    TextStyle s = start;
    if (auto it = styles_.find(name); !name.empty() && it != styles_.end()) apply(s, *it->second, 0, where);
    return s;
}

void StyleResolver::apply(TextStyle& s, const ScriptNode& style, int depth, const SourceLocation& where) {
    if (depth > kMaxStyleDepth) {
        if (reportedCycles_.insert(style.value("id")).second)
            diagnostics_.error(style.where, "style-cycle", "style '" + style.value("id") + "' inherits from itself",
                               "break the chain of base= attributes");
        return;
    }
    if (std::string base = style.value("base"); !base.empty() && base != "default") {
        auto it = styles_.find(base);
        if (it != styles_.end()) apply(s, *it->second, depth + 1, where);
    }
    double canvasW = canvas_.width, canvasH = canvas_.height;
    if (const auto* a = style.attribute("font")) s.font = a->value;
    if (auto v = parseLength(style.value("size"))) s.size = v->resolve(canvasH);
    if (auto v = parseColor(style.value("color"))) s.color = *v;
    if (const auto* a = style.attribute("weight")) s.bold = a->value == "bold";
    if (auto v = parseBool(style.value("italic"))) s.italic = *v;
    if (auto v = parseNumber(style.value("line-height")); v && *v > 0) s.lineHeight = *v;
    if (const auto* a = style.attribute("align"))
        s.align = a->value == "center" ? TextStyle::Align::Center
                  : a->value == "right" ? TextStyle::Align::Right
                                        : TextStyle::Align::Left;
    if (const auto* a = style.attribute("valign"))
        s.valign = a->value == "middle" ? TextStyle::VAlign::Middle
                   : a->value == "bottom" ? TextStyle::VAlign::Bottom
                                          : TextStyle::VAlign::Top;
    if (auto v = parseLength(style.value("max-width"))) s.maxWidth = v->resolve(canvasW);
    if (auto v = parseColor(style.value("background"))) s.background = *v;
    if (auto v = parseLength(style.value("padding"))) s.padding = v->resolve(canvasW);
    if (auto v = parseColor(style.value("shadow"))) s.shadow = *v;
}

}  // namespace vitrine
