#pragma once
// An attribute written in several languages: the attribute itself, in the exhibit's main
// language, and a <translation lang="fr" ATTRIBUTE="..."/> child for each other language
// (<label at="armenia" text="Armenia"><translation lang="fr" text="Arménie"/></label>).
// The element stays one element (one compiled item, one map child): the site's choice of
// languages picks which of its texts is shown.

#include <string>
#include <vector>

#include "script/script.h"

namespace vitrine {

/// The name of the child element that translates its parent's attributes.
inline constexpr std::string_view kTranslationElement = "translation";

/// One attribute's text in one other language.
struct Translation {
    std::string lang;
    std::string text;
    friend bool operator==(const Translation&, const Translation&) = default;
};
using Translations = std::vector<Translation>;

/// The translations of `element`'s `attribute`, in the order written (its <translation>
/// children that give that attribute; their lang as written).
Translations translationsOf(const ScriptNode& element, std::string_view attribute);

/// The texts shown of an attribute written as `written` (in `mainLanguage`) with
/// `translations`, for a site listing `preferred` (first preferred first), as many as
/// `count` (1 for one language, 2 for both): the listed languages it is written in, in the
/// site's order. None listed (or no site choice): `written` alone, so that nothing the
/// designer wrote disappears because a site did not list its language.
std::vector<std::string> shownTexts(const std::string& written, const Translations& translations,
                                    const std::string& mainLanguage, const std::vector<std::string>& preferred,
                                    std::size_t count);

/// The languages an attribute is written in: `mainLanguage`, then its translations'.
std::vector<std::string> writtenLanguages(const Translations& translations, const std::string& mainLanguage);

}  // namespace vitrine
