#include "player/language_choice.h"

#include <algorithm>
#include <set>

namespace vitrine {

namespace {

// Language tags in caption file names: "en", "hy", "pt-BR" (letters, an optional region).
constexpr std::size_t kMinTagLength = 2;
constexpr std::size_t kMaxTagLength = 8;

bool looksLikeLanguageTag(const std::string& s) {
    if (s.size() < kMinTagLength || s.size() > kMaxTagLength) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    });
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

void chooseText(Item& item, const Show& show, const std::vector<std::string>& languages) {
    std::set<std::string> written;
    for (const auto& p : item.paragraphs) written.insert(paragraphLanguage(p, show));
    if (written.size() < 2) return;  // one language: nothing to choose between
    bool anyChosen = std::any_of(written.begin(), written.end(), [&](const auto& l) { return contains(languages, l); });
    if (!anyChosen) return;
    std::erase_if(item.paragraphs, [&](const TextParagraph& p) { return !contains(languages, paragraphLanguage(p, show)); });
}

void chooseCaptions(Item& item, const Show& show, const std::vector<std::string>& languages, const FileExists& exists) {
    const std::filesystem::path written(item.captions);
    const auto folder = written.parent_path();
    const auto extension = written.extension().string();
    std::string base = written.stem().string();
    std::string own = show.languages.empty() ? std::string() : show.languages.front();
    if (auto dot = base.rfind('.'); dot != std::string::npos && looksLikeLanguageTag(base.substr(dot + 1))) {
        own = base.substr(dot + 1);
        base = base.substr(0, dot);
    }
    for (const auto& language : languages) {
        if (language == own) return;  // the file as written is the preferred one
        auto candidate = folder / (base + "." + language + extension);
        if (exists(candidate)) {
            item.captions = candidate.string();
            return;
        }
    }
}

}  // namespace

Show chooseLanguages(Show show, const LanguageChoice& choice, const FileExists& exists) {
    for (auto& item : show.items) {
        if (item.kind == ItemKind::Text && !choice.text.empty()) chooseText(item, show, choice.text);
        if (!item.captions.empty() && !choice.captions.empty()) chooseCaptions(item, show, choice.captions, exists);
    }
    return show;
}

}  // namespace vitrine
