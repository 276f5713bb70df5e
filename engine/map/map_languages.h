#pragma once
// A compiled map's labels in the languages a site shows. Each marker, label and route keeps
// its place among the map's children (the studio and the label placer key them by order);
// only the words change. Two languages (`both`) are one label: the first language, then the
// second after kSecondLanguageBreak (timeline/second_language.h), set beneath it, quieter.

#include <memory>
#include <string>
#include <vector>

#include "map/compiled_map.h"
#include "map/map_scene.h"
#include "timeline/second_language.h"

namespace vitrine::map {

/// `scene` with each label in the texts shownTexts chooses (script/translations.h): at most
/// `count` of the `preferred` languages it is written in, the written label (in
/// `mainLanguage`) where none is listed; two are joined by kSecondLanguageBreak.
MapScene withLabelsIn(MapScene scene, const std::vector<std::string>& preferred, std::size_t count,
                      const std::string& mainLanguage);

/// The same for a compiled map: a copy sharing its data (the projected layers).
std::shared_ptr<const CompiledMap> withLabelsIn(const CompiledMap& map, const std::vector<std::string>& preferred,
                                                std::size_t count, const std::string& mainLanguage);

/// Every language some label of `scene` is written in: `mainLanguage` first, then its
/// translations' languages in the order they first appear.
std::vector<std::string> labelLanguages(const MapScene& scene, const std::string& mainLanguage);

}  // namespace vitrine::map
