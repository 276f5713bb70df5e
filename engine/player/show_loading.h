#pragma once
// Reading an exhibit again for a running player (remote `reload`): the show with the
// site's languages applied and where its advisory starts, or why it cannot be used.

#include <filesystem>
#include <memory>
#include <optional>

#include "base/error.h"
#include "player/language_choice.h"
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
Result<ReloadedShow> reloadShow(const std::filesystem::path& file, const CompileOptions& options,
                        const LanguageChoice& languages);

}  // namespace vitrine
