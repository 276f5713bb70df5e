#pragma once
// Reading an exhibit again for a running player (remote `reload`): the show with the
// site's languages applied and where its advisory starts, or why it cannot be used.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "player/language_choice.h"
#include "timeline/compile.h"
#include "timeline/show.h"

namespace vitrine {

/// A show ready to play, or why there is none.
struct ReloadedShow {
    std::shared_ptr<const Show> show;  // null when the exhibit cannot be used
    std::optional<Micros> advisoryStart;  // where its content advisory begins, when it has one
    std::string error;                 // the first error (file:line:col: …) when `show` is null
};

/// Loads `file`. An exhibit with any error is refused (the version on screen, known to
/// work, is better than a half-broken one); warnings are fine.
ReloadedShow reloadShow(const std::filesystem::path& file, const CompileOptions& options,
                        const LanguageChoice& languages);

}  // namespace vitrine
