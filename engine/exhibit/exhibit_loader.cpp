#include "exhibit/exhibit_loader.h"

#include <set>
#include <vector>

#include "captions/caption_check.h"
#include "map/compiled_map.h"
#include "script/script_loader.h"
#include "script/suggest.h"
#include "script/validate.h"
#include "script/vocabulary.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

// Where the `src` naming the file of the element written at `element` is: a problem with
// the file is fixed there (another path, or the file replaced). The element itself when
// it has none. Walked without recursion: a script may nest deeply.
SourceLocation srcAttributeOf(const Script& script, const SourceLocation& element) {
    std::vector<const ScriptNode*> pending{&script.root};
    while (!pending.empty()) {
        const ScriptNode* node = pending.back();
        pending.pop_back();
        if (node->where.line == element.line && node->where.column == element.column && node->where.file == element.file) {
            if (const ScriptAttribute* src = node->attribute("src")) return src->where;
            return element;
        }
        for (const ScriptNode& child : node->children) pending.push_back(&child);
    }
    return element;
}

void checkMediaFiles(LoadedExhibit& out, const CompileOptions& options) {
    std::set<std::string> seen;
    // Each file once: looked for, then (a picture, sound or clip) decoded when there is a probe.
    auto check = [&](const std::string& path, const Item& item, const char* what, bool playable) {
        if (path.empty() || !seen.insert(path).second) return;
        out.mediaReferenced.push_back(path);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            out.mediaMissing.push_back(path);
            auto near = closestExistingFile(path);
            out.diagnostics.error(item.where, "missing-file", std::string(what) + " not found: " + path,
                                  near ? "did you mean '" + *near + "'?" : "check the path; it is relative to the script");
        } else if (playable && options.probeMedia) {
            // A file that is there but will not play is the designer's to fix as much as a missing one.
            if (auto problem = options.probeMedia(path, item.kind)) {
                problem->where = out.script ? srcAttributeOf(*out.script, item.where) : item.where;
                problem->message = fs::path(path).filename().string() + ": " + problem->message;
                out.diagnostics.add(std::move(*problem));
            }
        }
    };
    for (const Item& item : out.show->items) {
        const bool playable = item.kind == ItemKind::Image || item.kind == ItemKind::Video || item.kind == ItemKind::Audio;
        check(item.src, item, item.kind == ItemKind::Map ? "map data" : "media file", playable);
        check(item.captions, item, "caption file", false);
        check(item.secondCaptions, item, "caption file", false);
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
    checkMediaFiles(out, options);
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
