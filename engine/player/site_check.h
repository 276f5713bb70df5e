#pragma once
// `vitrine check EXHIBIT --installation FILE`: the exhibit as one site shows it. Its texts
// are laid out in the site's languages and mode (both languages in one box, or each loop's
// language in turn when they alternate) and with its sign-language inset, so a French text
// that overflows, or an inset over a caption, is found before the wall shows it.

#include "captions/caption_cache.h"
#include "exhibit/exhibit_loader.h"
#include "installation/installation.h"
#include "text/font_library.h"

namespace vitrine {

/// Adds to `exhibit`'s diagnostics what only this site shows: layout problems of the texts
/// as chosen for it (not already reported for the exhibit as written), each saying in which
/// languages, and a warning at each text and each caption cue (at its timing line) the
/// sign-language inset would cover. Caption files are read through `captions` when given
/// (a test gives their text), else from disk.
void addSiteProblems(LoadedExhibit& exhibit, const installation::Installation& site, const text::FontLibrary& fonts,
                     CaptionCache* captions = nullptr);

}  // namespace vitrine
