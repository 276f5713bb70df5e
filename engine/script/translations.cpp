#include "script/translations.h"

#include <algorithm>

namespace vitrine {

Translations translationsOf(const ScriptNode& element, std::string_view attribute) {
    Translations found;
    for (const ScriptNode& child : element.children)
        if (child.name == kTranslationElement)
            if (const ScriptAttribute* a = child.attribute(attribute))
                found.push_back({child.value("lang"), std::string(a->value)});
    return found;
}

std::vector<std::string> writtenLanguages(const Translations& translations, const std::string& mainLanguage) {
    std::vector<std::string> languages{mainLanguage};
    for (const Translation& t : translations)
        if (std::find(languages.begin(), languages.end(), t.lang) == languages.end()) languages.push_back(t.lang);
    return languages;
}

std::vector<std::string> shownTexts(const std::string& written, const Translations& translations,
                                    const std::string& mainLanguage, const std::vector<std::string>& preferred,
                                    std::size_t count) {
    std::vector<std::string> shown;
    std::vector<std::string> used;
    for (const std::string& language : preferred) {
        if (shown.size() >= count) break;
        if (std::find(used.begin(), used.end(), language) != used.end()) continue;
        if (language == mainLanguage) {
            shown.push_back(written);
        } else {
            auto t = std::find_if(translations.begin(), translations.end(),
                                  [&](const Translation& x) { return x.lang == language; });
            if (t == translations.end()) continue;
            shown.push_back(t->text);
        }
        used.push_back(language);
    }
    if (shown.empty()) shown.push_back(written);
    return shown;
}

}  // namespace vitrine
