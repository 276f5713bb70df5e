#include "studio_commands.h"

#include "script/values.h"
#include "studio/preview_languages.h"
#include "studio/structure_edits.h"
#include "studio_app.h"
#include "transport_panel.h"

namespace vitrine::studio {

bool Shortcut::matches(const sf::Event::KeyEvent& event) const {
    return !empty() && event.code == key && event.control == ctrl && event.shift == shift;
}

std::string Shortcut::label() const {
    if (empty()) return {};
    std::string name;
    if (key >= sf::Keyboard::A && key <= sf::Keyboard::Z) name = std::string(1, static_cast<char>('A' + (key - sf::Keyboard::A)));
    else if (key >= sf::Keyboard::F1 && key <= sf::Keyboard::F12) name = "F" + std::to_string(key - sf::Keyboard::F1 + 1);
    else if (key == sf::Keyboard::Space) name = "Space";
    else if (key == sf::Keyboard::Delete) name = "Delete";
    else if (key == sf::Keyboard::Left) name = "Left";
    else if (key == sf::Keyboard::Right) name = "Right";
    else if (key == sf::Keyboard::Up) name = "Up";
    else if (key == sf::Keyboard::Down) name = "Down";
    return std::string(ctrl ? "Ctrl+" : "") + (shift ? "Shift+" : "") + name;
}

const StudioCommand* commandForKey(const std::vector<StudioCommand>& commands, const sf::Event::KeyEvent& key) {
    for (const auto& c : commands)
        if (c.shortcut.matches(key)) return &c;
    return nullptr;
}

const StudioCommand* commandForVerb(const std::vector<StudioCommand>& commands, std::string_view verb) {
    for (const auto& c : commands)
        if (c.verb == verb) return &c;
    return nullptr;
}

namespace {

// The transitions a scene can take, as the format names them, each with `duration`.
std::vector<std::string> transitionChoices(const std::string& duration) {
    std::vector<std::string> out;
    for (const auto& name : transitionNames())
        if (name != "crossfade") out.push_back(name == "cut" ? name : name + " " + duration);
    return out;
}

std::string onOff(bool on) { return on ? "(shown)" : ""; }

}  // namespace

const std::vector<StudioCommand>& StudioApp::commands() {
    using K = sf::Keyboard;
    auto hasSelection = [](const StudioApp& app) { return !app.doc_.selection().empty(); };
    auto hasItem = [](const StudioApp& app) { return app.doc_.selection().kind == Selection::Kind::Item; };
    auto hasScene = [](const StudioApp& app) { return app.selectedScene() >= 0; };
    static const std::vector<StudioCommand> kCommands = {
        // File
        {.menu = "File", .name = "New exhibit…", .verb = "new", .arguments = "FOLDER",
         .help = "make a new exhibit in FOLDER, from the template, and open it in a new window (a script only makes it)",
         .asks = [](const StudioApp& app) { return (app.doc_.file().parent_path().parent_path() / "new-exhibit").string(); },
         .run = [](StudioApp& app, const std::string& folder) { return app.newExhibit(folder); }},
        {.menu = "File", .name = "Open…", .verb = "open", .arguments = "FILE",
         .help = "open another exhibit in a new window (a script only checks that it can be read)", .shortcut = ctrl(K::O),
         .asks = [](const StudioApp& app) { return app.doc_.file().string(); },
         .run = [](StudioApp& app, const std::string& file) { return app.openExhibit(file); }},
        {.menu = "File", .name = "Save", .verb = "save", .help = "save the exhibit", .shortcut = ctrl(K::S),
         .run = [](StudioApp& app, const std::string&) { return app.save(), !app.statusIsError_; }},
        {.menu = "File", .name = "Revert to saved", .verb = "revert",
         .help = "go back to the file as saved (undo brings the edits back)",
         .enabled = [](const StudioApp& app) { return app.doc_.modified(); },
         .run = [](StudioApp& app, const std::string&) { return app.revert(); }},
        {.menu = "File", .name = "Export…", .verb = "export-window",
         .help = "open the Export window: a still, a storyboard or an MP4 of the show, with a progress bar",
         .shortcut = ctrl(K::E),
         .run = [](StudioApp& app, const std::string&) { return app.exportPanel_.open(ExportKind::Still), true; }},
        {.menu = "File", .name = "Quit", .verb = "quit",
         .help = "close the studio (the window asks first when there are unsaved edits; a script does not)",
         .shortcut = ctrl(K::Q), .run = [](StudioApp& app, const std::string&) { return app.requestQuit(), true; }},

        // Edit
        {.menu = "Edit", .name = "Undo", .verb = "undo", .help = "take back the last edit", .shortcut = ctrl(K::Z),
         .enabled = [](const StudioApp& app) { return app.doc_.canUndo(); },
         .detail = [](const StudioApp& app) { return app.doc_.undoDescription(); },
         .run = [](StudioApp& app, const std::string&) { return app.undo(), true; }},
        {.menu = "Edit", .name = "Redo", .verb = "redo", .help = "make the last undone edit again", .shortcut = ctrl(K::Y),
         .enabled = [](const StudioApp& app) { return app.doc_.canRedo(); },
         .detail = [](const StudioApp& app) { return app.doc_.redoDescription(); },
         .run = [](StudioApp& app, const std::string&) { return app.redo(), true; }},
        {.menu = "Edit", .name = "Cut", .verb = "cut", .help = "copy the selected scene or item, then delete it",
         .shortcut = ctrl(K::X), .places = kOnItem | kOnScene | kOnPreview, .enabled = hasSelection,
         .run = [](StudioApp& app, const std::string&) { return app.copySelection() && app.deleteSelection(); }},
        {.menu = "Edit", .name = "Copy", .verb = "copy", .help = "copy the selected scene or item",
         .shortcut = ctrl(K::C), .places = kOnItem | kOnScene | kOnPreview, .enabled = hasSelection,
         .run = [](StudioApp& app, const std::string&) { return app.copySelection(); }},
        {.menu = "Edit", .name = "Paste", .verb = "paste",
         .help = "paste what was copied: a scene after the selected one, an item into the selected scene or after the "
                 "selected item; its ids made new",
         .shortcut = ctrl(K::V), .places = kOnItem | kOnScene | kOnPreview,
         .enabled = [](const StudioApp& app) { return !app.clipboard_.empty(); },
         .run = [](StudioApp& app, const std::string&) { return app.paste(); }},
        {.menu = "Edit", .name = "Duplicate", .verb = "duplicate",
         .help = "put a copy of the selected scene or item right after it, with new ids", .shortcut = ctrl(K::D),
         .places = kOnItem | kOnScene | kOnPreview, .enabled = hasSelection,
         .run = [](StudioApp& app, const std::string&) { return app.duplicateSelection(); }},
        {.menu = "Edit", .name = "Delete", .verb = "delete",
         .help = "delete the selected scene or item (refused, saying what, when something uses it)",
         .shortcut = plain(K::Delete), .places = kOnItem | kOnScene | kOnPreview, .enabled = hasSelection,
         .run = [](StudioApp& app, const std::string&) { return app.deleteSelection(); }},
        {.menu = "Edit", .name = "Style", .verb = "set-style", .arguments = "NAME",
         .help = "give the selected item one of the exhibit's <style>s", .places = kOnItem | kOnPreview,
         .enabled = hasItem, .choices = [](const StudioApp& app) { return app.styles(); },
         .run = [](StudioApp& app, const std::string& name) { return app.setStyle(name); }},

        // Scene
        {.menu = "Scene", .name = "Duplicate scene", .verb = "duplicate-scene", .arguments = "[ID]",
         .help = "put a copy of scene ID (or the selected one) right after it, with new ids", .enabled = hasScene,
         .run = [](StudioApp& app, const std::string& id) { return app.duplicateScene(id); }},
        {.menu = "Scene", .name = "Rename…", .verb = "rename-scene", .arguments = "[OLD] NEW",
         .help = "change a scene's id (the selected one's when OLD is left out)", .places = kOnScene, .enabled = hasScene,
         .asks = [](const StudioApp& app) { return app.selectedSceneId(); },
         .run = [](StudioApp& app, const std::string& names) { return app.renameScene(names); }},
        {.menu = "Scene", .name = "Title…", .verb = "scene-title", .arguments = "TEXT",
         .help = "set the selected scene's title, as scene lists show it", .places = kOnScene, .enabled = hasScene,
         .asks = [](const StudioApp& app) { return app.selectedSceneAttribute("title"); },
         .run = [](StudioApp& app, const std::string& title) { return app.setSceneAttribute("title", title); }},
        {.menu = "Scene", .name = "Transition", .verb = "scene-transition", .arguments = "KIND [TIME]",
         .help = "set how the selected scene replaces the one before: cut, fade, dip, slide-left/right/up/down, with a time",
         .places = kOnScene, .enabled = hasScene,
         .choices = [](const StudioApp&) { return transitionChoices("1.5s"); },
         .run = [](StudioApp& app, const std::string& transition) { return app.setTransition(transition); }},
        {.menu = "Scene", .name = "Move earlier", .verb = "scene-earlier", .help = "move the selected scene one place earlier",
         .shortcut = ctrl(K::Up), .places = kOnScene, .enabled = hasScene,
         .run = [](StudioApp& app, const std::string&) { return app.moveSelectedScene(-1); }},
        {.menu = "Scene", .name = "Move later", .verb = "scene-later", .help = "move the selected scene one place later",
         .shortcut = ctrl(K::Down), .places = kOnScene, .enabled = hasScene,
         .run = [](StudioApp& app, const std::string&) { return app.moveSelectedScene(+1); }},
        {.menu = "Scene", .name = "Move to place…", .verb = "move-scene", .arguments = "[ID] PLACE",
         .help = "move scene ID (or the selected one) to be the PLACEth, 1 for the first", .enabled = hasScene,
         .asks = [](const StudioApp& app) { return std::to_string(app.selectedScene() + 1); },
         .run = [](StudioApp& app, const std::string& args) { return app.moveScene(args); }},

        // Insert: the rows of what can be added (the insert commands go here too).
        {.menu = "Insert", .name = "New scene", .verb = "new-scene", .arguments = "[TIME]",
         .help = "add an empty scene lasting TIME (10s) after the selected one", .shortcut = ctrl(K::M),
         .places = kOnScene,
         .run = [](StudioApp& app, const std::string& duration) { return app.newScene(duration); }},
        {.menu = "Insert", .name = "Text", .verb = "insert-text", .arguments = "[WORDS] [at TIME] [in SCENE]",
         .help = "add a text in the default style to the selected scene, at the playhead", .shortcut = ctrlShift(K::T),
         .places = kOnScene | kOnPreview,
         .run = [](StudioApp& app, const std::string& w) { return app.insertFromCommand(InsertKind::Text, w); }},
        {.menu = "Insert", .name = "Picture…", .verb = "insert-image", .arguments = "[FILE] [at TIME] [in SCENE]",
         .help = "add a picture, fit to the canvas (from a menu: choose the file)", .shortcut = ctrlShift(K::P),
         .places = kOnScene | kOnPreview,
         .run = [](StudioApp& app, const std::string& w) { return app.insertFromCommand(InsertKind::Image, w); }},
        {.menu = "Insert", .name = "Clip…", .verb = "insert-video", .arguments = "[FILE] [at TIME] [in SCENE]",
         .help = "add a video clip, fit to the canvas", .shortcut = ctrlShift(K::V), .places = kOnScene,
         .run = [](StudioApp& app, const std::string& w) { return app.insertFromCommand(InsertKind::Video, w); }},
        {.menu = "Insert", .name = "Sound with captions…", .verb = "insert-audio", .arguments = "[FILE] [at TIME] [in SCENE]",
         .help = "add a sound, with the caption file of the same name beside it", .shortcut = ctrlShift(K::A),
         .places = kOnScene,
         .run = [](StudioApp& app, const std::string& w) { return app.insertFromCommand(InsertKind::Audio, w); }},
        {.menu = "Insert", .name = "Map…", .verb = "insert-map", .arguments = "[FILE] [at TIME] [in SCENE]",
         .help = "add a map of a map data file", .places = kOnScene,
         .run = [](StudioApp& app, const std::string& w) { return app.insertFromCommand(InsertKind::Map, w); }},
        {.menu = "Insert", .name = "Import a file…", .verb = "import", .arguments = "[FILE]",
         .help = "copy a file into the exhibit's folder (never over another)", .shortcut = ctrl(K::I),
         .run = [](StudioApp& app, const std::string& file) {
             if (file.empty()) return app.openImportBrowser(), true;
             return app.importFile(file).has_value();
         }},

        // View
        {.menu = "View", .name = "Play / Pause", .verb = "play-pause", .help = "play from the playhead, or pause",
         .shortcut = plain(K::Space), .places = kOnPreview,
         .run = [](StudioApp& app, const std::string&) { return app.setPlaying(!app.playing()), true; }},
        {.menu = "View", .name = "Back one frame", .verb = "frame-back", .help = "move the playhead one frame back",
         .shortcut = plain(K::Left),
         .run = [](StudioApp& app, const std::string&) { return app.seek(app.t_ - kFrameStep), true; }},
        {.menu = "View", .name = "Forward one frame", .verb = "frame-forward", .help = "move the playhead one frame on",
         .shortcut = plain(K::Right),
         .run = [](StudioApp& app, const std::string&) { return app.seek(app.t_ + kFrameStep), true; }},

        {.menu = "Edit", .name = "Nudge a frame earlier", .verb = "nudge-earlier",
         .help = "move the selected item or scene one frame earlier (Alt+Left too)", .shortcut = plain(K::Comma),
         .places = kOnItem, .run = [](StudioApp& app, const std::string&) { return app.nudgeFrames(-1); }},
        {.menu = "Edit", .name = "Nudge a frame later", .verb = "nudge-later",
         .help = "move the selected item or scene one frame later (Alt+Right too)", .shortcut = plain(K::Period),
         .places = kOnItem, .run = [](StudioApp& app, const std::string&) { return app.nudgeFrames(1); }},
        {.menu = "View", .name = "Cue list", .verb = "cue-list", .arguments = "[on|off]",
         .help = "show each scene and its items in order with start and length, beside the timeline",
         .detail = [](const StudioApp& app) { return onOff(app.cueListShown_); },
         .run = [](StudioApp& app, const std::string& word) { return app.setCanvasToggle(app.cueListShown_, word); }},
        {.menu = "View", .name = "Languages", .verb = "preview-languages", .arguments = "LANGUAGE|both|main",
         .help = "preview the exhibit in one of its languages (fr), its first two together as a site's both mode shows "
                 "them (both), or its main language (main); the exports and layout warnings follow; not an edit",
         .enabled = [](const StudioApp& app) { return app.doc_.show() != nullptr; },
         .choices = [](const StudioApp& app) { return previewLanguageChoices(*app.doc_.show()); },
         .detail = [](const StudioApp& app) { return app.previewLanguagesLabel().substr(std::string("Preview: ").size()); },
         .run = [](StudioApp& app, const std::string& words) { return app.choosePreviewLanguages(words); }},
        {.menu = "View", .name = "Show on projector", .verb = "projector", .arguments = "[on|off|toggle]",
         .help = "show the preview full-screen on the second display, or close it", .shortcut = plain(K::F5),
         .detail = [](const StudioApp& app) { return onOff(app.projector_.isOpen()); },
         .run = [](StudioApp& app, const std::string& w) { return app.showOnProjector(w.empty() ? "toggle" : w); }},
        {.menu = "View", .name = "Safe areas", .verb = "safe-area", .arguments = "[on|off]",
         .help = "show the title-safe (80%) and action-safe (90%) frames over the picture", .shortcut = ctrl(K::G),
         .places = kOnPreview, .detail = [](const StudioApp& app) { return onOff(app.selectTool_.showSafeAreas); },
         .run = [](StudioApp& app, const std::string& word) { return app.setCanvasToggle(app.selectTool_.showSafeAreas, word); }},
        {.menu = "View", .name = "Pan-zoom rectangles", .verb = "panzoom-edit", .arguments = "[on|off]",
         .help = "show the selected picture's pan-zoom start and end rectangles, to drag", .places = kOnPreview,
         .detail = [](const StudioApp& app) { return onOff(app.selectTool_.editPanZoom); },
         .run = [](StudioApp& app, const std::string& word) { return app.setCanvasToggle(app.selectTool_.editPanZoom, word); }},

        // Styles: the exhibit's look, edited with a live sample and its contrast.
        {.menu = "Edit", .name = "Styles…", .verb = "styles", .arguments = "[NAME]",
         .help = "open the style editor (on style NAME)", .shortcut = ctrlShift(K::Y),
         .run = [](StudioApp& app, const std::string& w) { return app.styleByScript("styles", w); }},

        // Help
        {.menu = "Help", .name = "Keys and guide", .verb = "help", .help = "show every command with its keys, and a short guide",
         .shortcut = plain(K::F1), .run = [](StudioApp& app, const std::string&) { return app.menuBar_.showHelp(), true; }},
        {.menu = "Help", .name = "About Vitrine Studio", .verb = "about", .help = "show what the studio is",
         .run = [](StudioApp& app, const std::string&) { return app.menuBar_.showAbout(), true; }},
    };
    return kCommands;
}

}  // namespace vitrine::studio
