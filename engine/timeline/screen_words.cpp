#include "timeline/screen_words.h"

#include "timeline/second_language.h"

namespace vitrine {

std::string screenWordIn(ScreenWord word, const std::string& language, const std::string& credit) {
    // French as the exhibit's French text sets it: a no-break space before the colon.
    const bool french = language == "fr" || language.starts_with("fr-");
    switch (word) {
        case ScreenWord::PhotographToBeSupplied: return french ? "PHOTOGRAPHIE À FOURNIR" : "PHOTOGRAPH TO BE SUPPLIED";
        case ScreenWord::CreditToBeSupplied:
            return french ? "Crédit\u00a0: à fournir avec la photographie" : "Credit: to be supplied with the photograph";
        case ScreenWord::Credit: return (french ? "Crédit\u00a0: " : "Credit: ") + credit;
        case ScreenWord::ImageUnavailable: return french ? "IMAGE INDISPONIBLE" : "IMAGE UNAVAILABLE";
        case ScreenWord::VideoUnavailable: return french ? "VIDÉO INDISPONIBLE" : "VIDEO UNAVAILABLE";
        case ScreenWord::SignLanguageStandIn:
            return french ? "VIDÉO EN LANGUE DES SIGNES — EMPLACEMENT PROVISOIRE" : "SIGN-LANGUAGE VIDEO — STAND-IN";
        case ScreenWord::SignLanguageToBeReplaced:
            return french ? "À remplacer par l’interprète enregistré" : "To be replaced by the recorded interpreter";
    }
    return {};
}

std::string screenWord(ScreenWord word, const std::vector<std::string>& languages, const std::string& credit) {
    if (languages.empty()) return screenWordIn(word, "en", credit);
    std::vector<std::string> texts;
    for (const std::string& language : languages) texts.push_back(screenWordIn(word, language, credit));
    return joinLanguages(texts);
}

}  // namespace vitrine
