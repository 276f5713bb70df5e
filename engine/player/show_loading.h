#pragma once
// Reading an exhibit again for a running player (remote `reload`): the show as compiled,
// with the site's sign-language region (the player applies the site's languages,
// PlayerOptions::languages), and where its advisory starts, or why it cannot be used.

#include <filesystem>
#include <memory>
#include <optional>

#include "base/error.h"
#include "installation/visitor_languages.h"
#include "timeline/compile.h"
#include "timeline/show.h"

namespace vitrine {

/// A show ready to play.
struct ReloadedShow {
    std::shared_ptr<const Show> show;
    std::optional<Micros> advisoryStart;  // where its content advisory begins, when it has one
};

/// Loads `file`. An exhibit with any error is refused (the version on screen, known to
/// work, is better than a half-broken one), the error being its first (file:line:col: …);
/// warnings are fine.
/// The site's sign-language region, when given, is applied (sign_language_inset.h).
Result<ReloadedShow> reloadShow(const std::filesystem::path& file, const CompileOptions& options,
                                const std::optional<installation::SignLanguageInset>& signLanguage = std::nullopt);

}  // namespace vitrine
