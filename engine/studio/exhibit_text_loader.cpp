#include "studio/exhibit_text_loader.h"

#include <set>

#include "script/script_loader.h"
#include "script/validate.h"
#include "script/vocabulary.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

// The same missing-media check as loadExhibit(), so the studio lists what `vitrine check` does.
void checkMediaFiles(LoadedExhibit& out) {
    std::set<std::string> seen;
    auto check = [&](const std::string& path, const SourceLocation& where, const char* what) {
        if (path.empty() || !seen.insert(path).second) return;
        out.mediaReferenced.push_back(path);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            out.mediaMissing.push_back(path);
            out.diagnostics.error(where, "missing-file", std::string(what) + " not found: " + path,
                                  "check the path; it is relative to the script");
        }
    };
    for (const Item& item : out.show->items) {
        check(item.src, item.where, item.kind == ItemKind::Map ? "map data" : "media file");
        check(item.captions, item.where, "caption file");
    }
}

}  // namespace

LoadedExhibit loadExhibitText(std::string_view text, const fs::path& file) {
    LoadedExhibit out;
    out.script = loadScriptFromText(text, file, out.diagnostics, diskFileReader());
    if (!out.script) return out;
    Vocabulary vocabulary;
    validateScript(*out.script, vocabulary, out.diagnostics);
    out.show = compileShow(*out.script, out.diagnostics, {});
    checkMediaFiles(out);
    out.diagnostics.sortByLocation();
    return out;
}

}  // namespace vitrine::studio
