// The studio's inserting of items and its media bin: the Insert commands, the --script
// verbs insert-text/-image/-video/-audio/-map and import, drops from the bin onto the
// timeline and the canvas, and the file browser's choice. Every insert is one edit of the
// document (engine/studio/item_insert.h), so undo, the preview and the diagnostics follow.

#include <imgui.h>

#include <cctype>
#include <sstream>

#include "studio_app.h"
#include "studio/item_insert.h"
#include "studio/media_catalog.h"
#include "timeline/show_position.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

const char* insertNoun(InsertKind kind) {
    switch (kind) {
        case InsertKind::Text: return "a text";
        case InsertKind::Image: return "a picture";
        case InsertKind::Video: return "a clip";
        case InsertKind::Audio: return "a sound";
        case InsertKind::Map: return "map data (.geojson)";
    }
    return "";
}

std::optional<MediaKind> mediaKindFor(InsertKind kind) {
    switch (kind) {
        case InsertKind::Image: return MediaKind::Picture;
        case InsertKind::Video: return MediaKind::Clip;
        case InsertKind::Audio: return MediaKind::Sound;
        case InsertKind::Map: return MediaKind::MapData;
        case InsertKind::Text: return std::nullopt;
    }
    return std::nullopt;
}

// True when `file` lies inside `folder`.
bool inside(const fs::path& file, const fs::path& folder) {
    std::error_code ec;
    fs::path relative = fs::weakly_canonical(file, ec).lexically_relative(fs::weakly_canonical(folder, ec));
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

void StudioApp::chooseToInsert(InsertKind kind) {
    auto media = mediaKindFor(kind);
    if (!media) return;
    const char* title = kind == InsertKind::Image   ? "Insert a picture"
                        : kind == InsertKind::Video ? "Insert a clip"
                        : kind == InsertKind::Audio ? "Insert a sound"
                                                    : "Insert a map";
    mediaBin_.browser().open(title, "Insert", doc_.file().parent_path(), *media);
}

bool StudioApp::insertFromCommand(InsertKind kind, const std::string& words) {
    // From a menu (no words) a text starts as "New text" and a file is chosen in the
    // browser; from a script the words say what and where.
    if (!words.empty()) return insertByScript(kind, words);
    if (kind == InsertKind::Text) return insert({InsertKind::Text, "New text", "", std::nullopt}, std::nullopt, std::nullopt);
    chooseToInsert(kind);
    return true;
}

void StudioApp::openImportBrowser() {
    const char* home = std::getenv("HOME");
    mediaBin_.browser().open("Import a file into the exhibit", "Import", home ? fs::path(home) : doc_.file().parent_path());
}

bool StudioApp::insert(InsertRequest request, std::optional<std::string> scene, std::optional<Micros> at) {
    if (!doc_.show()) {
        setStatus("Nothing to insert into: the exhibit did not open", true);
        return false;
    }
    auto target = insertTarget(*doc_.show(), doc_.selection(), t_, scene, at);
    if (!target) {
        setStatus("Cannot insert: " + target.error().message, true);
        return false;
    }
    if (auto error = insertItem(doc_, *target, request)) {
        setStatus("Cannot insert: " + error->message, true);
        return false;
    }
    std::string done = doc_.undoDescription();
    if (!done.empty()) done[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(done[0])));
    setStatus(done);
    select(doc_.selection(), true);  // the playhead goes to the new item if it is elsewhere
    previewDirty_ = true;
    return true;
}

std::optional<std::string> StudioApp::importFile(const fs::path& file) {
    auto imported = importIntoExhibit(file, doc_.file().parent_path());
    if (!imported) {
        setStatus("Cannot import: " + imported.error().message, true);
        return std::nullopt;
    }
    mediaBin_.catalog(doc_.file().parent_path()).refresh();
    setStatus("Imported " + file.filename().string() + " as " + *imported);
    return *imported;
}

bool StudioApp::insertFile(std::optional<InsertKind> kind, const std::string& file, std::optional<std::string> scene,
                           std::optional<Micros> at, std::optional<CanvasPoint> place) {
    const fs::path folder = doc_.file().parent_path();
    // A file of the exhibit's folder is written as the exhibit writes it; one from
    // elsewhere is copied in first, so the exhibit stays whole in its folder.
    std::string source = file;
    const fs::path given = fs::path(file).is_absolute() ? fs::path(file) : folder / file;
    std::error_code ec;
    if (!fs::is_regular_file(given, ec) || !inside(given, folder)) {
        const fs::path outside = fs::is_regular_file(given, ec) ? given : fs::path(file);
        if (!fs::is_regular_file(outside, ec)) {
            setStatus("Cannot insert: there is no file " + file + " in the exhibit's folder", true);
            return false;
        }
        auto imported = importFile(outside);
        if (!imported) return false;
        source = *imported;
    } else {
        source = fs::weakly_canonical(given, ec).lexically_relative(fs::weakly_canonical(folder, ec)).generic_string();
    }
    auto mediaKind = mediaKindOf(source);
    auto made = mediaKind ? insertKindFor(*mediaKind) : std::nullopt;
    if (!made) {
        setStatus("Cannot insert " + source + (mediaKind == MediaKind::Captions
                                                   ? ": captions go with a sound; insert the sound and they come with it"
                                                   : ": it is not a picture, sound, clip or map"),
                  true);
        return false;
    }
    if (kind && *kind != *made) {
        setStatus("Cannot insert " + source + " as " + insertNoun(*kind) + ": it is " + insertNoun(*made), true);
        return false;
    }
    InsertRequest request{*made, source, {}, place};
    if (*made == InsertKind::Audio) request.captions = captionsBeside(listMediaFiles(folder), source);
    return insert(request, std::move(scene), at);
}

bool StudioApp::insertByScript(InsertKind kind, const std::string& words) {
    auto parsed = parseInsertWords(words);
    if (!parsed) {
        setStatus(parsed.error().message, true);
        return false;
    }
    if (kind == InsertKind::Text) return insert({InsertKind::Text, parsed->subject, "", std::nullopt}, parsed->scene, parsed->at);
    return insertFile(kind, parsed->subject, parsed->scene, parsed->at, std::nullopt);
}

void StudioApp::insertDropped(const std::string& file, std::optional<Micros> time, std::optional<CanvasPoint> place) {
    std::optional<std::string> scene;
    std::optional<Micros> at;
    if (time && doc_.show()) {
        // On the timeline: the scene under the pointer, from the time it was let go at.
        int index = doc_.show()->sceneAt(*time);
        if (index < 0) {
            setStatus("Cannot add " + file + " there: drop it on a scene", true);
            return;
        }
        scene = doc_.show()->scenes[index].id;
        // To a tenth of a second: a pointer's place is no more exact, and "9.5s" reads
        // better in the file than "9.547s".
        at = (*time - doc_.show()->scenes[index].begin + 50'000) / 100'000 * 100'000;
    }
    insertFile(std::nullopt, file, scene, at, place);
}

bool StudioApp::dropByScript(const std::string& words) {
    // "FILE on POS" (a time, a scene, scene+time: the timeline) or "FILE on X,Y" (the canvas).
    const auto on = words.rfind(" on ");
    if (on == std::string::npos || !doc_.show()) {
        setStatus("say where to drop it: 'drop FILE on TIME' or 'drop FILE on X,Y'", true);
        return false;
    }
    const std::string file = words.substr(0, on), where = words.substr(on + 4);
    double x = 0, y = 0;
    char comma = 0;
    std::istringstream point(where);
    if (point >> x >> comma >> y && comma == ',' && point.eof()) {
        insertDropped(file, std::nullopt, CanvasPoint{x, y});
        return !statusIsError_;
    }
    auto t = resolvePosition(*doc_.show(), where);
    if (!t) {
        setStatus(t.error().message, true);
        return false;
    }
    insertDropped(file, *t, std::nullopt);
    return !statusIsError_;
}

void StudioApp::drawMediaBin(float x, float y, float w, float h) {
    // The bin's Insert button offers the Insert menu's rows.
    std::vector<const StudioCommand*> rows;
    std::vector<std::string_view> labels;
    for (const auto& c : commands())
        if (c.menu == "Insert" && c.verb != "new-scene") {
            rows.push_back(&c);
            labels.push_back(c.name);
        }
    MediaBinRequest request = mediaBin_.draw(doc_.file().parent_path(), labels, x, y, w, h);
    if (request.insert) insertFile(std::nullopt, *request.insert, std::nullopt, std::nullopt, std::nullopt);
    if (request.command) runCommand(*rows[*request.command], "");
    if (request.import) openImportBrowser();
    if (auto chosen = mediaBin_.browser().draw()) {
        if (mediaBin_.browser().only()) insertFile(std::nullopt, chosen->string(), std::nullopt, std::nullopt, std::nullopt);
        else importFile(*chosen);
    }
    if (auto drop = preview_.takeMediaDrop()) insertDropped(drop->first, std::nullopt, drop->second);
}

}  // namespace vitrine::studio
