#pragma once
// The words the engine itself draws on screen, not the designer: a placeholder's heading and
// footnote. Drawn in the languages the show is shown in (Show::wordsLanguages, chosen with
// the site's languages), from a small table: English and French; any other language falls
// back to English.

#include <string>
#include <vector>

namespace vitrine {

enum class ScreenWord {
    PhotographToBeSupplied,    // heading of an image not yet supplied
    CreditToBeSupplied,        // its footnote when it has no credit
    Credit,                    // its footnote: "Credit: " and the credit
    ImageUnavailable,          // heading of an image that cannot be shown
    VideoUnavailable,          // heading of a video that cannot be shown
    SignLanguageStandIn,       // heading of a sign-language video not yet recorded
    SignLanguageToBeReplaced,  // its footnote
};

/// `word` in one language (`credit` fills ScreenWord::Credit).
std::string screenWordIn(ScreenWord word, const std::string& language, const std::string& credit = {});

/// `word` in each of `languages` (the first; a second in `both`), one text joined by
/// kSecondLanguageBreak; in English when `languages` is empty.
std::string screenWord(ScreenWord word, const std::vector<std::string>& languages, const std::string& credit = {});

}  // namespace vitrine
