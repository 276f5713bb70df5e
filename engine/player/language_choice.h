#pragma once
// The installation's languages applied to a compiled show: which language variants of a
// text are drawn, and which caption file a sound uses. Done once on the Show, before
// playing, so the renderer draws what it is given and knows nothing of the site.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "installation/visitor_languages.h"
#include "text/font_library.h"
#include "timeline/second_language.h"  // kSecondLanguageSize, kSecondLanguageOpacity
#include "timeline/show.h"

namespace vitrine {

/// The site's languages, preferred first (installation.xml's <languages>).
struct LanguageChoice {
    std::vector<std::string> text;      // languages of the text on screen; empty = all
    std::vector<std::string> captions;  // caption languages; empty = the exhibit's files as written
    installation::LanguageMode mode = installation::LanguageMode::All;  // <languages show>
};

/// In `both` mode a text whose box is at least this many of its em sizes wide sets the second
/// language beside the first, in two columns, rather than below it: each column is then still
/// about 30 ems wide, a line of about 60 characters (an em holds about two), a comfortable measure.
inline constexpr double kBesideMinEms = 60;

/// The choice that loop `loop` (0 = the first) plays with: in `alternate` mode, one language,
/// the listed ones in turn (its captions first in that language too); otherwise `choice`.
LanguageChoice choiceForLoop(const LanguageChoice& choice, int loop);

/// Whether a file exists (injected so tests need no files).
using FileExists = std::function<bool(const std::filesystem::path&)>;

/// Whether `p` is a regular file on disk: the FileExists a player uses.
inline bool regularFileExists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
}

/// The caption file in `language` of a sound whose captions are written as `written`
/// ("dir/name.vtt" or "dir/name.LANG.vtt"): `written` itself when it is in that language
/// (its tag, or untagged the show's main language), else "dir/name.LANGUAGE.vtt", which
/// may not exist.
std::filesystem::path captionFileFor(const std::string& written, const std::string& language, const Show& show);

/// The choice where no site gives one (a still, a render, the studio's preview, a player
/// without <languages>): the exhibit's main language (the first of <exhibit lang>), alone,
/// so a text written in several languages does not stack them all; captions as written.
LanguageChoice defaultLanguages(const Show& show);

/// A site's choice with the default's text languages where it lists none (a site that only
/// chooses captions, or reserves a sign-language inset, still shows one language).
LanguageChoice withDefaultText(LanguageChoice choice, const Show& show);

/// `show` with the choice applied:
/// - a text written in several languages keeps only its paragraphs in the chosen ones
///   (a text with none of them, or in one language only, is left whole: nothing the
///   designer wrote disappears because a site did not list its language): all of them
///   (`all`), the first listed it has (`one`, and each loop of `alternate`, in its turn), or
///   the first two it has (`both`: the first's paragraphs, then the second's in a quieter
///   style, below them, or beside them in a box of its own when the box is wide);
/// - in `both` mode a sound's captions are the first caption language's file with the
///   second's stacked below it (Item::secondCaptions);
/// - a sound's captions "dir/name.vtt" (or "dir/name.LANG.vtt") become
///   "dir/name.PREF.vtt" for the first preferred caption language that has a file (the
///   file as written counts for its own language: its tag, or the show's main language);
/// - an audio description's sound and words ("dir/description.ogg" and its captions)
///   become "dir/description.PREF.ogg" and its ".PREF.vtt" the same way, for the text
///   (audio) languages: one described track per language.
Show chooseLanguages(Show show, const LanguageChoice& choice, const FileExists& exists = regularFileExists);

/// chooseLanguages, and in `both` the texts it sets in two languages that no longer fit their
/// boxes set smaller, each scene's by one factor (player/both_languages_fit.h), measured with
/// `fonts`: what a site shows and `vitrine check --installation` checks.
Show chooseLanguages(Show show, const LanguageChoice& choice, const text::FontLibrary& fonts,
                     const FileExists& exists = regularFileExists);

/// `show` as drawn where no site chooses its languages: chooseLanguages with defaultLanguages,
/// and no sign-language inset (placeSignLanguage with none).
/// Only paragraphs inside texts go: items keep their indices (the studio maps them to lines).
Show inMainLanguage(Show show);

}  // namespace vitrine
