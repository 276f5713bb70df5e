#pragma once
// Which of the exhibit's languages the studio previews, so a designer preparing a French or a
// bilingual site sees the exhibit as that site will show it. It is a way of looking, not an
// edit: the file, its undo history and its dirty mark are untouched. The choice is applied
// to the compiled show with the player's own chooseLanguages, which removes paragraphs inside
// texts but never an item, so the timeline and the script's lines still map to the items.

#include <optional>
#include <string>
#include <vector>

#include "player/language_choice.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// The preview's languages: the exhibit's main language (as no site chooses, the default),
/// one of its languages alone (a site's `one`), or its first two together (a site's `both`).
struct PreviewLanguages {
    enum class Kind { Main, One, Both };
    Kind kind = Kind::Main;
    std::string language;  // the language shown alone (One)

    bool operator==(const PreviewLanguages&) const = default;
};

/// "French" for "fr": the name a menu shows for a language code (the code itself when the
/// studio knows no name for it).
std::string languageName(const std::string& code);

/// The View ▸ Languages menu's choices for `show`'s languages, in order: each language alone
/// ("French"), "Both (en + fr)" when it has two or more, and "As the exhibit's main language".
std::vector<std::string> previewLanguageChoices(const Show& show);

/// The choice that `words` names: one of previewLanguageChoices' labels, a language code of
/// the exhibit ("fr"), "both" or "main"; nullopt for anything else (a language the exhibit
/// does not have, or "both" for an exhibit in one language).
std::optional<PreviewLanguages> parsePreviewLanguages(const std::string& words, const Show& show);

/// The word parsePreviewLanguages reads back for `languages` ("main", "fr", "both"): how the
/// studio passes its choice to an export it runs as a child process.
std::string previewLanguagesWord(const PreviewLanguages& languages);

/// What the window shows of the choice: "Preview: French", "Preview: English + French",
/// "Preview: English (main language)".
std::string describePreview(const PreviewLanguages& languages, const Show& show);

/// The site's LanguageChoice that shows `show` as `languages` says (defaultLanguages for Main).
LanguageChoice languageChoiceFor(const PreviewLanguages& languages, const Show& show);

/// `show` as the preview draws it: chooseLanguages with languageChoiceFor (inMainLanguage for Main).
Show inPreviewLanguages(Show show, const PreviewLanguages& languages);

}  // namespace vitrine::studio
