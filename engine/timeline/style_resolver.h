#pragma once
// Text styles resolved: a <style> with every property decided, from the exhibit's default
// style, the chain of base= styles and the style's own attributes, lengths against the canvas.

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "script/values.h"
#include "timeline/show.h"

namespace vitrine {

class StyleResolver {
public:
    /// `styles` (the exhibit's <style> elements by id) must outlive the resolver; a style that
    /// inherits from itself is reported to `diagnostics`, once.
    StyleResolver(const std::map<std::string, const ScriptNode*, std::less<>>& styles, PixelSize canvas,
                  Diagnostics& diagnostics)
        : styles_(styles), canvas_(canvas), diagnostics_(diagnostics) {}

    /// The style called `name` (empty: the default) over the default style; each resolved once,
    /// as thousands of texts share a handful of styles.
    const TextStyle& resolve(std::string_view name, const SourceLocation& where);

    /// The style called `name` (and the chain of its base= styles) applied over `start`
    /// instead of over the default style: a style named on a paragraph, on credits or an
    /// advisory, or on a map label changes that element's own look only where it says so.
    /// An empty or unknown name gives `start`.
    TextStyle resolveOver(const TextStyle& start, std::string_view name, const SourceLocation& where);

private:
    TextStyle resolveUncached(std::string_view name, const SourceLocation& where);
    void apply(TextStyle& s, const ScriptNode& style, int depth, const SourceLocation& where);

    const std::map<std::string, const ScriptNode*, std::less<>>& styles_;
    PixelSize canvas_;
    Diagnostics& diagnostics_;
    std::set<std::string> reportedCycles_;
    std::map<std::string, TextStyle, std::less<>> resolved_;
};

}  // namespace vitrine
