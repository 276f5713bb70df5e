#include "player/both_languages_fit.h"

#include <algorithm>
#include <map>

#include "text/layout_check.h"

namespace vitrine {

namespace {

// The search stops when the factor is known this closely: a hundredth of a 44 px size is
// under half a pixel, less than the layout rounds to.
constexpr double kFactorStep = 0.01;

Item scaled(Item item, double factor) {
    item.style.size *= factor;
    for (auto& p : item.paragraphs)
        if (p.style) p.style->size *= factor;
    return item;
}

bool allFit(const Show& show, const std::vector<int>& texts, double factor, const text::FontLibrary& fonts) {
    return std::all_of(texts.begin(), texts.end(), [&](int index) {
        return text::textFits(scaled(show.items[static_cast<std::size_t>(index)], factor), fonts, show.canvas);
    });
}

}  // namespace

double bothFitFactor(const Show& show, const std::vector<int>& texts, const text::FontLibrary& fonts) {
    if (allFit(show, texts, 1, fonts)) return 1;
    if (!allFit(show, texts, kBothFitFloor, fonts)) return kBothFitFloor;
    // Fits at `low`, not at `high`: bisect. A text that fits at a size fits at a smaller one
    // (fewer, shorter lines), so the search finds the largest factor that fits.
    double low = kBothFitFloor, high = 1;
    while (high - low > kFactorStep) {
        const double mid = (low + high) / 2;
        (allFit(show, texts, mid, fonts) ? low : high) = mid;
    }
    return low;
}

void fitBothLanguages(Show& show, const std::vector<int>& texts, const text::FontLibrary& fonts) {
    // One factor per scene, the smallest any of its texts needs: each text fitted alone could
    // set a long subtitle as small as its body, or a body larger than its heading.
    std::map<int, std::vector<int>> byScene;
    for (int index : texts) {
        const Item& item = show.items[static_cast<std::size_t>(index)];
        if (item.kind == ItemKind::Text && !item.rolls) byScene[item.scene].push_back(index);
    }
    for (const auto& [scene, inScene] : byScene) {
        const double factor = bothFitFactor(show, inScene, fonts);
        if (factor == 1) continue;
        for (int index : inScene) {
            Item& item = show.items[static_cast<std::size_t>(index)];
            item = scaled(std::move(item), factor);
        }
    }
}

}  // namespace vitrine
