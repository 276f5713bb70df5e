#include "exhibit/exhibit_loader.h"

#include <set>

#include "captions/caption_check.h"
#include "map/compiled_map.h"
#include "script/script_loader.h"
#include "script/suggest.h"
#include "script/validate.h"
#include "script/vocabulary.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

void checkMediaFiles(LoadedExhibit& out) {
    std::set<std::string> seen;
    auto check = [&](const std::string& path, const SourceLocation& where, const char* what) {
        if (path.empty() || !seen.insert(path).second) return;
        out.mediaReferenced.push_back(path);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            out.mediaMissing.push_back(path);
            auto near = closestExistingFile(path);
            out.diagnostics.error(where, "missing-file", std::string(what) + " not found: " + path,
                                  near ? "did you mean '" + *near + "'?" : "check the path; it is relative to the script");
        }
    };
    for (const Item& item : out.show->items) {
        check(item.src, item.where, item.kind == ItemKind::Map ? "map data" : "media file");
        check(item.captions, item.where, "caption file");
        check(item.secondCaptions, item.where, "caption file");
    }
}

}  // namespace

namespace {

void checkAndCompile(LoadedExhibit& out, const CompileOptions& options) {
    if (!out.script) return;
    Vocabulary vocabulary;
    validateScript(*out.script, vocabulary, out.diagnostics);
    // An exhibit is compiled with its maps; options without a map library get one of their
    // own, which lasts this load only (keep options, as the player does, to share one).
    if (options.compileMap) out.show = compileShow(*out.script, out.diagnostics, options);
    else out.show = compileShow(*out.script, out.diagnostics, map::withMaps(options));
    checkMediaFiles(out);
    // Caption files are the designer's files too: a clean check must mean every cue shows.
    if (out.show) checkCaptionFiles(*out.show, options.mediaDuration, out.diagnostics);
    out.diagnostics.sortByLocation();
}

}  // namespace

LoadedExhibit loadExhibit(const fs::path& file, const CompileOptions& options) {
    LoadedExhibit out;
    out.script = loadScript(file, out.diagnostics);
    checkAndCompile(out, options);
    return out;
}

LoadedExhibit loadExhibitFromText(std::string_view text, const fs::path& file, const CompileOptions& options) {
    LoadedExhibit out;
    out.script = loadScriptFromText(text, file, out.diagnostics, diskFileReader());
    checkAndCompile(out, options);
    return out;
}

}  // namespace vitrine
