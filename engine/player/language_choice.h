#pragma once
// The installation's languages applied to a compiled show: which language variants of a
// text are drawn, and which caption file a sound uses. Done once on the Show, before
// playing, so the renderer draws what it is given and knows nothing of the site.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "timeline/show.h"

namespace vitrine {

/// The site's languages, preferred first (installation.xml's <languages>).
struct LanguageChoice {
    std::vector<std::string> text;      // languages of the text on screen; empty = all
    std::vector<std::string> captions;  // caption languages; empty = the exhibit's files as written
};

/// Whether a file exists (injected so tests need no files).
using FileExists = std::function<bool(const std::filesystem::path&)>;

/// `show` with the choice applied:
/// - a text written in several languages keeps only its paragraphs in the chosen ones
///   (a text with none of them, or in one language only, is left whole: nothing the
///   designer wrote disappears because a site did not list its language);
/// - a sound's captions "dir/name.vtt" (or "dir/name.LANG.vtt") become
///   "dir/name.PREF.vtt" for the first preferred caption language that has a file (the
///   file as written counts for its own language: its tag, or the show's main language).
Show chooseLanguages(Show show, const LanguageChoice& choice,
                     const FileExists& exists = [](const std::filesystem::path& p) {
                         std::error_code ec;
                         return std::filesystem::is_regular_file(p, ec);
                     });

}  // namespace vitrine
