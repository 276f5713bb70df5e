#include "studio/storyboard_layout.h"

#include "timeline/evaluate.h"

#include <algorithm>

#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr std::size_t kMaxCaptionCharacters = 60;

std::string firstTextOf(const Show& show, const Scene& scene) {
    for (int index : scene.items) {
        const Item& item = show.items[index];
        if (item.kind != ItemKind::Text) continue;
        std::string line;
        for (const auto& paragraph : item.paragraphs) {
            for (const auto& run : paragraph.runs) line += run.text;
            if (!line.empty()) break;
        }
        // Collapse the whitespace of the source's line breaks.
        std::string collapsed;
        for (char c : line) {
            bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
            collapsed += space ? ' ' : c;
        }
        while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
        if (collapsed.empty()) continue;
        if (collapsed.size() > kMaxCaptionCharacters) {
            std::size_t cut = collapsed.rfind(' ', kMaxCaptionCharacters);
            collapsed = collapsed.substr(0, cut == std::string::npos ? kMaxCaptionCharacters : cut) + "…";
        }
        return collapsed;
    }
    return scene.title;
}

}  // namespace

int StoryboardLayout::width() const { return columns * stillWidth + (columns + 1) * margin; }

int StoryboardLayout::height(int stills) const {
    int rows = std::max(1, (stills + columns - 1) / columns);
    return headerHeight + rows * (stillHeight + captionHeight) + (rows + 1) * margin;
}

int StoryboardLayout::stillX(int index) const { return margin + (index % columns) * (stillWidth + margin); }

int StoryboardLayout::stillY(int index) const {
    return headerHeight + margin + (index / columns) * (stillHeight + captionHeight + margin);
}

StoryboardLayout storyboardLayoutFor(const PixelSize& canvas, int columns) {
    StoryboardLayout layout;
    layout.columns = std::max(1, columns);
    if (canvas.width > 0 && canvas.height > 0)
        layout.stillHeight = static_cast<int>(static_cast<long long>(layout.stillWidth) * canvas.height / canvas.width);
    return layout;
}

std::vector<StoryboardCaption> storyboardCaptions(const Show& show) {
    std::vector<StoryboardCaption> out;
    // A scene's title is the designer's own name for it; its first text is the next best.
    for (const auto& scene : show.scenes)
        out.push_back({scene.id, formatTime(scene.begin), scene.title.empty() ? firstTextOf(show, scene) : scene.title});
    return out;
}

Micros storyboardInstant(const Show& show, int sceneIndex) {
    // The middle of the scene, unless a moment near it shows more: a scene whose texts
    // follow one another can be between them exactly at its middle.
    const Scene& scene = show.scenes[static_cast<std::size_t>(sceneIndex)];
    constexpr double kFractions[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85};
    Micros best = (scene.begin + scene.end) / 2;
    double bestScore = -1;
    for (double f : kFractions) {
        Micros t = scene.begin + static_cast<Micros>(static_cast<double>(scene.end - scene.begin) * f);
        double score = 0;
        for (const Layer& layer : evaluate(show, t).layers)
            for (const DrawItem& d : layer.draws)
                if (show.items[static_cast<std::size_t>(d.item)].kind != ItemKind::Audio) score += d.opacity * layer.opacity;
        if (score > bestScore + 1e-6) {
            bestScore = score;
            best = t;
        }
    }
    return best;
}

}  // namespace vitrine::studio
