#include "studio/preview_languages.h"

#include <algorithm>
#include <utility>

#include "player/sign_language_inset.h"

namespace vitrine::studio {
namespace {

constexpr const char* kMainLabel = "As the exhibit's main language";

// The languages an exhibit is likely to be written in, by their code; the menu names them.
constexpr std::pair<const char*, const char*> kNames[] = {
    {"en", "English"}, {"fr", "French"},  {"hy", "Armenian"}, {"ru", "Russian"}, {"az", "Azerbaijani"},
    {"de", "German"},  {"es", "Spanish"}, {"it", "Italian"},  {"ka", "Georgian"}, {"tr", "Turkish"},
    {"fa", "Persian"}, {"ar", "Arabic"},  {"he", "Hebrew"},   {"uk", "Ukrainian"}, {"pl", "Polish"},
};

std::string bothLabel(const Show& show) { return "Both (" + show.languages[0] + " + " + show.languages[1] + ")"; }

bool hasLanguage(const Show& show, const std::string& code) {
    return std::find(show.languages.begin(), show.languages.end(), code) != show.languages.end();
}

}  // namespace

std::string languageName(const std::string& code) {
    for (auto [c, name] : kNames)
        if (code == c) return name;
    return code;
}

std::vector<std::string> previewLanguageChoices(const Show& show) {
    std::vector<std::string> out;
    for (const auto& code : show.languages) out.push_back(languageName(code));
    if (show.languages.size() >= 2) out.push_back(bothLabel(show));
    out.push_back(kMainLabel);
    return out;
}

std::optional<PreviewLanguages> parsePreviewLanguages(const std::string& words, const Show& show) {
    if (words == "main" || words == kMainLabel) return PreviewLanguages{};
    if (show.languages.size() >= 2 && (words == "both" || words == bothLabel(show)))
        return PreviewLanguages{PreviewLanguages::Kind::Both, {}};
    for (const auto& code : show.languages)
        if (words == code || words == languageName(code)) return PreviewLanguages{PreviewLanguages::Kind::One, code};
    return std::nullopt;
}

std::string previewLanguagesWord(const PreviewLanguages& languages) {
    switch (languages.kind) {
        case PreviewLanguages::Kind::Main: return "main";
        case PreviewLanguages::Kind::One: return languages.language;
        case PreviewLanguages::Kind::Both: return "both";
    }
    return "main";
}

std::string describePreview(const PreviewLanguages& languages, const Show& show) {
    const LanguageChoice choice = languageChoiceFor(languages, show);
    if (choice.text.empty()) return "Preview: every language";  // an exhibit that names none
    std::string names = languageName(choice.text[0]);
    if (languages.kind == PreviewLanguages::Kind::Both) names += " + " + languageName(choice.text[1]);
    if (languages.kind == PreviewLanguages::Kind::Main) names += " (main language)";
    return "Preview: " + names;
}

LanguageChoice languageChoiceFor(const PreviewLanguages& languages, const Show& show) {
    switch (languages.kind) {
        case PreviewLanguages::Kind::Main: break;
        case PreviewLanguages::Kind::One:
            // The captions too: a French site hears French captions where the files exist.
            return {{languages.language}, {languages.language}, installation::LanguageMode::One};
        case PreviewLanguages::Kind::Both:
            if (show.languages.size() < 2) break;
            return {{show.languages[0], show.languages[1]}, {show.languages[0], show.languages[1]},
                    installation::LanguageMode::Both};
    }
    return defaultLanguages(show);
}

Show inPreviewLanguages(Show show, const PreviewLanguages& languages) {
    const LanguageChoice choice = languageChoiceFor(languages, show);
    // No site, so no sign-language inset: as inMainLanguage, the preview must not draw an
    // exhibit's sign-language stand-in over the whole scene where no player shows it.
    return placeSignLanguage(chooseLanguages(std::move(show), choice), std::nullopt);
}

}  // namespace vitrine::studio
