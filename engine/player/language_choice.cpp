#include "player/language_choice.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "map/map_languages.h"
#include "player/both_languages_fit.h"
#include "player/sign_language_inset.h"

namespace vitrine {

namespace {

using installation::LanguageMode;

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

// The listed languages `item` is written in, in the site's order of preference.
std::vector<std::string> listedLanguagesOf(const Item& item, const Show& show, const std::vector<std::string>& listed) {
    std::vector<std::string> found;
    for (const auto& language : listed)
        if (!contains(found, language) &&
            std::any_of(item.paragraphs.begin(), item.paragraphs.end(),
                        [&](const TextParagraph& p) { return paragraphLanguage(p, show) == language; }))
            found.push_back(language);
    return found;
}

// The second language of `both`: smaller and fainter than the first, over the same style.
void quieten(TextParagraph& paragraph, const TextStyle& textStyle) {
    TextStyle style = paragraph.style.value_or(textStyle);
    style.size *= kSecondLanguageSize;
    style.color.a = static_cast<std::uint8_t>(std::lround(style.color.a * kSecondLanguageOpacity));
    paragraph.style = style;
}

// Puts a copy of item `index` into the drawing order just after it (its scene's, or the
// items outside every scene), and returns the copy's index.
int addBeside(Show& show, int index) {
    show.items.push_back(show.items[static_cast<std::size_t>(index)]);
    const int copy = static_cast<int>(show.items.size()) - 1;
    std::vector<int>& order = show.drawingOrderOf(index);
    auto at = std::find(order.begin(), order.end(), index);
    order.insert(at == order.end() ? at : at + 1, copy);
    return copy;
}

// `both`: the first language's paragraphs, then the second's, quieter; in a wide box the
// second stands beside the first, each in half the box less a gutter of one em.
// Appends the texts set in two languages (a beside column too) to `twoLanguageTexts`.
void showBoth(Show& show, int index, const std::string& first, const std::string& second,
              std::vector<int>& twoLanguageTexts) {
    Item& item = show.items[static_cast<std::size_t>(index)];
    std::vector<TextParagraph> firsts, seconds;
    for (auto& p : item.paragraphs) {
        const std::string language = paragraphLanguage(p, show);
        if (language == first) firsts.push_back(std::move(p));
        else if (language == second) seconds.push_back(std::move(p));
    }
    for (auto& p : seconds) quieten(p, item.style);
    twoLanguageTexts.push_back(index);
    // Credits roll as one column, and a rolling text cut in two would roll out of step.
    const bool beside = !item.rolls && item.box.width >= kBesideMinEms * item.style.size;
    if (!beside) {
        item.paragraphs = std::move(firsts);
        item.paragraphs.insert(item.paragraphs.end(), std::make_move_iterator(seconds.begin()),
                               std::make_move_iterator(seconds.end()));
        return;
    }
    const double gutter = item.style.size;
    const double column = (item.box.width - gutter) / 2;
    item.paragraphs = std::move(firsts);
    item.box.width = column;
    const int copy = addBeside(show, index);  // may move the items: `item` is not used after
    Item& right = show.items[static_cast<std::size_t>(copy)];
    right.paragraphs = std::move(seconds);
    right.box.x += column + gutter;
    twoLanguageTexts.push_back(copy);
}

void chooseText(Show& show, int index, const LanguageChoice& choice, std::vector<int>& twoLanguageTexts) {
    const Item& item = show.items[static_cast<std::size_t>(index)];
    std::set<std::string> written;
    for (const auto& p : item.paragraphs) written.insert(paragraphLanguage(p, show));
    if (written.size() < 2) return;  // one language: nothing to choose between
    const std::vector<std::string> listed = listedLanguagesOf(item, show, choice.text);
    if (listed.empty()) return;
    std::vector<std::string> kept = choice.mode == LanguageMode::All ? listed : std::vector<std::string>{listed.front()};
    if (choice.mode == LanguageMode::Both && listed.size() >= 2) return showBoth(show, index, listed[0], listed[1], twoLanguageTexts);
    std::erase_if(show.items[static_cast<std::size_t>(index)].paragraphs,
                  [&](const TextParagraph& p) { return !contains(kept, paragraphLanguage(p, show)); });
}

// A sound's caption file as written, and the names of its other languages' files.
struct CaptionFiles {
    std::filesystem::path written, folder;
    std::string base, extension;
    std::string own;  // the language of the file as written

    CaptionFiles(const std::string& captions, const Show& show)
        : written(captions), folder(written.parent_path()), base(written.stem().string()),
          extension(written.extension().string()),
          own(show.languages.empty() ? std::string() : show.languages.front()) {
        if (auto dot = base.rfind('.'); dot != std::string::npos && looksLikeLanguageTag(base.substr(dot + 1))) {
            own = base.substr(dot + 1);
            base = base.substr(0, dot);
        }
    }

    // The file in `language`, when there is one.
    std::optional<std::string> in(const std::string& language, const FileExists& exists) const {
        if (language == own) return written.string();
        auto candidate = named(language);
        if (exists(candidate)) return candidate.string();
        return std::nullopt;
    }

    // The name the file in `language` has, whether or not it exists.
    std::filesystem::path named(const std::string& language) const {
        return language == own ? written : folder / (base + "." + language + extension);
    }
};

void chooseCaptions(Item& item, const Show& show, const LanguageChoice& choice, const FileExists& exists) {
    const CaptionFiles files(item.captions, show);
    bool chosen = false;
    for (const auto& language : choice.captions) {
        auto file = files.in(language, exists);
        if (!file) continue;
        if (!chosen) {
            item.captions = *file;
            chosen = true;
            if (choice.mode != LanguageMode::Both) return;
        } else if (*file != item.captions) {
            item.secondCaptions = *file;  // `both`: the next language with a file, stacked below
            return;
        }
    }
}

// The file of `written`'s family ("dir/name.vtt", "dir/name.LANG.vtt") in the first of
// `languages` that has one; `written` itself when its own language comes first or none has.
std::string languageVariant(const std::string& written, const Show& show, const std::vector<std::string>& languages,
                            const FileExists& exists) {
    const CaptionFiles files(written, show);
    for (const auto& language : languages)
        if (auto file = files.in(language, exists)) return *file;
    return written;
}

// How many languages a one-line text (a map label, a placeholder) shows: two in `both` (and
// in `all`, where a text shows every language: a label holds two legibly, not more).
std::size_t wordsShown(const LanguageChoice& choice) {
    return choice.mode == LanguageMode::Both || choice.mode == LanguageMode::All ? 2 : 1;
}

std::string mainLanguageOf(const Show& show) { return show.languages.empty() ? std::string() : show.languages.front(); }

// The languages the engine's own words are drawn in: the site's, among those the exhibit is
// written in, as many as a label shows; none of them: the exhibit's main language.
std::vector<std::string> wordsLanguagesOf(const Show& show, const LanguageChoice& choice) {
    std::vector<std::string> languages;
    for (const auto& language : choice.text)
        if (languages.size() < wordsShown(choice) && !contains(languages, language) &&
            (show.languages.empty() || contains(show.languages, language)))
            languages.push_back(language);
    if (languages.empty() && !show.languages.empty()) languages.push_back(show.languages.front());
    return languages;
}

// Each map once in the chosen languages, however many items share it.
using MapsInLanguages = std::map<const map::CompiledMap*, std::shared_ptr<const map::CompiledMap>>;

// A placeholder's words and a map's labels in the chosen languages: the same item, other words.
void chooseWords(Item& item, const Show& show, const LanguageChoice& choice, MapsInLanguages& maps) {
    const std::string main = mainLanguageOf(show);
    if (!item.placeholder.empty())
        item.placeholder =
            joinLanguages(shownTexts(item.placeholder, item.placeholderTranslations, main, choice.text, wordsShown(choice)));
    if (item.map) {
        auto [at, first] = maps.try_emplace(item.map.get());
        if (first) at->second = map::withLabelsIn(*item.map, choice.text, wordsShown(choice), main);
        item.map = at->second;
    }
}

}  // namespace

std::filesystem::path captionFileFor(const std::string& written, const std::string& language, const Show& show) {
    return CaptionFiles(written, show).named(language);
}

LanguageChoice choiceForLoop(const LanguageChoice& choice, int loop) {
    if (choice.mode != LanguageMode::Alternate || choice.text.empty()) return choice;
    const auto n = static_cast<int>(choice.text.size());
    const int turn = ((loop % n) + n) % n;
    LanguageChoice one;
    one.mode = LanguageMode::One;
    // This loop's language first; the others after it, for a text not written in it.
    for (int i = 0; i < n; ++i) one.text.push_back(choice.text[static_cast<std::size_t>((turn + i) % n)]);
    // Captions follow the text: this loop's language first, then the site's list.
    one.captions.push_back(one.text.front());
    one.captions.insert(one.captions.end(), choice.captions.begin(), choice.captions.end());
    return one;
}

LanguageChoice defaultLanguages(const Show& show) {
    LanguageChoice choice;
    if (show.languages.empty()) return choice;  // nothing declared: everything as written
    choice.text = {show.languages.front()};
    choice.mode = LanguageMode::One;
    return choice;
}

LanguageChoice withDefaultText(LanguageChoice choice, const Show& show) {
    if (!choice.text.empty()) return choice;
    const LanguageChoice main = defaultLanguages(show);
    choice.text = main.text;
    choice.mode = main.mode;
    return choice;
}

Show inMainLanguage(Show show) {
    const LanguageChoice choice = withDefaultText({}, show);
    // No site, so no sign-language inset either: the studio's preview, storyboard and export
    // would otherwise draw an exhibit's sign-language video where it is written (a
    // placeholder panel over the whole scene), which no player shows (vitrine still does not).
    return placeSignLanguage(chooseLanguages(std::move(show), choice), std::nullopt);
}

namespace {

// chooseLanguages, appending the texts it sets in two languages to `twoLanguageTexts`.
Show chooseLanguagesListing(Show show, const LanguageChoice& choice, const FileExists& exists,
                            std::vector<int>& twoLanguageTexts) {
    if (!choice.text.empty()) show.wordsLanguages = wordsLanguagesOf(show, choice);
    MapsInLanguages maps;
    // By index, and only the items compiled: `both` may add a text's second column.
    const std::size_t compiled = show.items.size();
    for (std::size_t i = 0; i < compiled; ++i) {
        if (show.items[i].kind == ItemKind::Text && !choice.text.empty()) chooseText(show, static_cast<int>(i), choice, twoLanguageTexts);
        Item& item = show.items[i];
        if (!choice.text.empty()) chooseWords(item, show, choice, maps);
        if (item.description) {
            // A described track is heard: its sound and its words follow the audio languages.
            if (!item.src.empty()) item.src = languageVariant(item.src, show, choice.text, exists);
            if (!item.captions.empty()) item.captions = languageVariant(item.captions, show, choice.text, exists);
        } else if (!item.captions.empty() && !choice.captions.empty()) {
            chooseCaptions(item, show, choice, exists);
        }
    }
    show.languagesChosen = true;
    return show;
}

}  // namespace

Show chooseLanguages(Show show, const LanguageChoice& choice, const FileExists& exists) {
    std::vector<int> twoLanguageTexts;
    return chooseLanguagesListing(std::move(show), choice, exists, twoLanguageTexts);
}

Show chooseLanguages(Show show, const LanguageChoice& choice, const text::FontLibrary& fonts, const FileExists& exists) {
    std::vector<int> twoLanguageTexts;
    show = chooseLanguagesListing(std::move(show), choice, exists, twoLanguageTexts);
    fitBothLanguages(show, twoLanguageTexts, fonts);
    return show;
}

}  // namespace vitrine
