#pragma once
// How a second language is set where a site shows two (`both`): beneath or beside the first,
// quieter. One rule for texts (player/language_choice), map labels and placeholders.

#include <string>
#include <vector>

namespace vitrine {

/// The second language's text is this size and opacity of the first's: quieter, so a glance
/// finds the first language, still legible from a few metres.
inline constexpr double kSecondLanguageSize = 0.8;
inline constexpr double kSecondLanguageOpacity = 0.72;

/// A one-line text shown in two languages (a map label, a placeholder's words) is one text:
/// the first language, then the second after this break, which its layout sets beneath the
/// first, smaller and fainter (text::twoLanguageParagraphs).
inline constexpr char kSecondLanguageBreak = '\n';

/// `texts` (one per language shown, the first first) as one such text.
inline std::string joinLanguages(const std::vector<std::string>& texts) {
    std::string joined;
    for (std::size_t i = 0; i < texts.size(); ++i) joined += (i ? std::string(1, kSecondLanguageBreak) : "") + texts[i];
    return joined;
}

}  // namespace vitrine
