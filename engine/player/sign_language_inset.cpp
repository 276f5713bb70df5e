#include "player/sign_language_inset.h"

#include <algorithm>

namespace vitrine {

std::vector<int> signLanguageVideos(const Show& show) {
    std::vector<int> items;
    for (int i = 0; i < static_cast<int>(show.items.size()); ++i)
        if (show.items[static_cast<std::size_t>(i)].signLanguage) items.push_back(i);
    return items;
}

Show placeSignLanguage(Show show, const std::optional<installation::SignLanguageInset>& inset) {
    const bool shown = inset && inset->show;
    const Rect region = inset ? installation::insetRect(*inset, show.canvas) : Rect{};
    for (int i : signLanguageVideos(show)) {
        Item& item = show.items[static_cast<std::size_t>(i)];
        std::vector<int>& order = show.drawingOrderOf(i);
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
