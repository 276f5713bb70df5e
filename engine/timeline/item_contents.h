#pragma once
// What an element says about its item beside its timing: where its box lies, opacity and
// fades, credit, the media attributes (file, captions, in and out, volume, fit, pan-zoom),
// its text and style, its compiled map and its animations; and the one text advisories and
// credits make of their children.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "script/values.h"
#include "timeline/box_layout.h"
#include "timeline/compile.h"
#include "timeline/show.h"
#include "timeline/style_resolver.h"
#include "timeline/text_extraction.h"

namespace vitrine {

using ElementsById = std::map<std::string, const ScriptNode*, std::less<>>;

class ItemContents {
public:
    /// `styles` and `regions` (the exhibit's, by id), `options` and `diagnostics` must outlive this.
    ItemContents(const ElementsById& styles, const ElementsById& regions, PixelSize canvas,
                 const CompileOptions& options, Diagnostics& diagnostics);

    /// Fills `item` (its kind and times already set) from `element`, laid out in `area`.
    void fill(Item& item, const ScriptNode& element, const Rect& area);
    /// Fills the text `item` an <advisory> or <credits> scene shows: its title and children,
    /// centred with a calm margin unless a style says otherwise.
    void fillCentredText(Item& item, const ScriptNode& scene);

private:
    void fillMedia(Item& item, const ScriptNode& n);
    void fillVisitorCode(Item& item, const ScriptNode& n);
    std::optional<PanZoomSpec> panZoom(std::string_view text);
    std::shared_ptr<const map::CompiledMap> compiledMap(const ScriptNode& n, const std::string& src);
    ParagraphStyler paragraphStyler(const TextStyle& textStyle);

    const ElementsById& styleElements_;
    PixelSize canvas_;
    const CompileOptions& options_;
    Diagnostics& diagnostics_;
    StyleResolver styles_;
    BoxLayout layout_;
    std::unordered_map<std::string_view, std::optional<PanZoomSpec>> panZooms_;
    std::unordered_map<const ScriptNode*, std::shared_ptr<const map::CompiledMap>> compiledMaps_;
};

/// A file `element` names (`path`), relative to the file the element is written in.
std::filesystem::path resolveElementPath(const ScriptNode& element, const std::string& path);

/// The address a visitor types, as written under a <visitor-code>: without its scheme and
/// closing slash ("http://vitrine.local:8090/" → "vitrine.local:8090").
std::string shortVisitorAddress(std::string_view address);

/// Whether `element` is an audio description (<audio kind="description">).
bool isDescription(const ScriptNode& element);

}  // namespace vitrine
