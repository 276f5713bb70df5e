#include "player/sign_language_inset.h"

#include <algorithm>

namespace vitrine {

namespace {

bool sameLocation(const SourceLocation& a, const SourceLocation& b) {
    return a.line == b.line && a.column == b.column && a.file == b.file;
}

void collectSignLanguage(const ScriptNode& node, std::vector<SourceLocation>& out) {
    if (node.tag == Tag::Video && node.view("kind") == "sign-language") out.push_back(node.where);
    for (const auto& child : node.children) collectSignLanguage(child, out);
}

// The drawing order `index` belongs to: its scene's, or the items outside every scene.
std::vector<int>& drawingOrder(Show& show, int index) {
    const int scene = show.items[static_cast<std::size_t>(index)].scene;
    return scene >= 0 ? show.scenes[static_cast<std::size_t>(scene)].items : show.unscoped;
}

}  // namespace

std::vector<int> signLanguageVideos(const Show& show, const Script& script) {
    std::vector<SourceLocation> elements;
    collectSignLanguage(script.root, elements);
    std::vector<int> items;
    if (elements.empty()) return items;
    for (int i = 0; i < static_cast<int>(show.items.size()); ++i) {
        const Item& item = show.items[static_cast<std::size_t>(i)];
        if (item.kind == ItemKind::Video &&
            std::any_of(elements.begin(), elements.end(), [&](const auto& e) { return sameLocation(e, item.where); }))
            items.push_back(i);
    }
    return items;
}

Show placeSignLanguage(Show show, const Script& script, const std::optional<installation::SignLanguageInset>& inset) {
    const bool shown = inset && inset->show;
    const Rect region = inset ? installation::insetRect(*inset, show.canvas) : Rect{};
    for (int i : signLanguageVideos(show, script)) {
        Item& item = show.items[static_cast<std::size_t>(i)];
        std::vector<int>& order = drawingOrder(show, i);
        std::erase(order, i);
        if (!shown) {
            item.src.clear();  // nothing to open ahead of time (show_position's look-ahead skips it)
            continue;
        }
        item.box = item.area = region;
        item.fit = Fit::Contain;
        item.animations.clear();
        item.hasPanZoom = false;
        item.volume = 0;
        order.push_back(i);  // over everything else in its scene
    }
    return show;
}

}  // namespace vitrine
