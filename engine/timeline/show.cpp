#include "timeline/show.h"

#include <algorithm>

namespace vitrine {

int Show::sceneAt(Micros t) const {
    auto it = std::upper_bound(scenes.begin(), scenes.end(), t, [](Micros v, const Scene& s) { return v < s.begin; });
    if (it == scenes.begin()) return -1;
    --it;
    return t < it->end ? static_cast<int>(it - scenes.begin()) : -1;
}

int Show::sceneById(const std::string& id) const {
    for (size_t i = 0; i < scenes.size(); ++i)
        if (scenes[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string paragraphLanguage(const TextParagraph& paragraph, const std::string& mainLanguage) {
    if (!paragraph.lang.empty()) return paragraph.lang;
    for (const auto& run : paragraph.runs)
        if (!run.lang.empty()) return run.lang;
    return mainLanguage;
}

std::string paragraphLanguage(const TextParagraph& paragraph, const Show& show) {
    return paragraphLanguage(paragraph, show.languages.empty() ? std::string() : show.languages.front());
}

std::vector<std::vector<TextParagraph>> paragraphsByLanguage(const std::vector<TextParagraph>& paragraphs,
                                                             const std::string& mainLanguage) {
    std::vector<std::string> languages;
    std::vector<std::vector<TextParagraph>> out;
    for (const auto& p : paragraphs) {
        const std::string language = paragraphLanguage(p, mainLanguage);
        auto at = std::find(languages.begin(), languages.end(), language);
        if (at == languages.end()) {
            languages.push_back(language);
            out.emplace_back();
            at = languages.end() - 1;
        }
        out[static_cast<std::size_t>(at - languages.begin())].push_back(p);
    }
    return out;
}

}  // namespace vitrine
