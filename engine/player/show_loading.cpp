#include "player/show_loading.h"

#include "exhibit/exhibit_loader.h"
#include "player/advisory_scene.h"
#include "player/sign_language_inset.h"

namespace vitrine {

Result<ReloadedShow> reloadShow(const std::filesystem::path& file, const CompileOptions& options,
                                const std::optional<installation::SignLanguageInset>& signLanguage) {
    LoadedExhibit loaded = loadExhibit(file, options);
    for (const auto& d : loaded.diagnostics.all())
        if (d.severity == Severity::Error) return Error{formatDiagnostic(d)};
    if (!loaded.show || !loaded.script) return Error{file.string() + ": cannot be read"};
    ReloadedShow r;
    r.advisoryStart = advisoryStart(*loaded.script, *loaded.show);
    r.show = std::make_shared<const Show>(placeSignLanguage(std::move(*loaded.show), signLanguage));
    return r;
}

}  // namespace vitrine
