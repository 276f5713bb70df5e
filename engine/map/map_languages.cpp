#include "map/map_languages.h"

#include <algorithm>

namespace vitrine::map {
namespace {

std::string shown(const std::string& written, const Translations& translations, const std::vector<std::string>& preferred,
                  std::size_t count, const std::string& mainLanguage) {
    return joinLanguages(shownTexts(written, translations, mainLanguage, preferred, count));
}

}  // namespace

MapScene withLabelsIn(MapScene scene, const std::vector<std::string>& preferred, std::size_t count,
                      const std::string& mainLanguage) {
    for (MapMarker& m : scene.markers)
        if (!m.label.empty()) m.label = shown(m.label, m.labelTranslations, preferred, count, mainLanguage);
    for (MapLabel& l : scene.labels) l.text = shown(l.text, l.textTranslations, preferred, count, mainLanguage);
    for (MapRoute& r : scene.routes)
        if (!r.label.empty()) r.label = shown(r.label, r.labelTranslations, preferred, count, mainLanguage);
    return scene;
}

std::shared_ptr<const CompiledMap> withLabelsIn(const CompiledMap& map, const std::vector<std::string>& preferred,
                                                std::size_t count, const std::string& mainLanguage) {
    auto chosen = std::make_shared<CompiledMap>(map);
    chosen->scene = withLabelsIn(std::move(chosen->scene), preferred, count, mainLanguage);
    return chosen;
}

std::vector<std::string> labelLanguages(const MapScene& scene, const std::string& mainLanguage) {
    std::vector<std::string> languages{mainLanguage};
    auto add = [&](const Translations& translations) {
        for (const std::string& l : writtenLanguages(translations, mainLanguage))
            if (std::find(languages.begin(), languages.end(), l) == languages.end()) languages.push_back(l);
    };
    for (const MapMarker& m : scene.markers) add(m.labelTranslations);
    for (const MapLabel& l : scene.labels) add(l.textTranslations);
    for (const MapRoute& r : scene.routes) add(r.labelTranslations);
    return languages;
}

}  // namespace vitrine::map
