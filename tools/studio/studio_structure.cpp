// The studio's structure commands (menus, keys, right-click, --script): scenes and items
// added, duplicated, deleted, moved, copied and pasted, renamed and restyled, each as a
// recipe of engine/studio/structure_edits made through StudioDocument::edit; and the
// commands of the File menu that open or close exhibits.

#include <imgui.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "script/values.h"
#include "studio/exhibit_template.h"
#include "studio/structure_edits.h"
#include "studio_app.h"
#include "scene_list_panel.h"

namespace vitrine::studio {
namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string w; s >> w;) out.push_back(w);
    return out;
}

// Opens `file` in a studio window of its own, a process apart from this one (which is
// not waited for: a grandchild, so that none is left a zombie).
void openStudioWindow(const std::filesystem::path& file) {
    pid_t child = fork();
    if (child == 0) {
        if (fork() == 0) {
            setsid();
            execl("/proc/self/exe", "vitrine-studio", file.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        _exit(0);
    }
    if (child > 0) waitpid(child, nullptr, 0);
}

}  // namespace

bool StudioApp::runCommand(const StudioCommand& command, const std::string& argument) {
    statusIsError_ = false;
    const bool done = command.run(*this, argument);
    return done && !statusIsError_;
}

void StudioApp::drawMenuBar() {
    if (auto chosen = menuBar_.draw(commands(), *this)) runCommand(*chosen->command, chosen->argument);
    switch (menuBar_.quitAnswer()) {
        case QuitAnswer::Save:
            save();
            if (!statusIsError_) quit_ = true;
            break;
        case QuitAnswer::Discard: quit_ = true; break;
        case QuitAnswer::Cancel:
        case QuitAnswer::None: break;
    }
}

bool StudioApp::runShortcut(const sf::Event::KeyEvent& key) {
    const StudioCommand* command = commandForKey(commands(), key);
    if (!command) return false;
    // While a field has the keyboard, its own keys (undo, copy, paste, Delete, arrows,
    // Space) are the field's; only Save and the like still reach the studio.
    const bool fieldKey = !key.control || key.code == sf::Keyboard::Z || key.code == sf::Keyboard::Y ||
                          key.code == sf::Keyboard::X || key.code == sf::Keyboard::C || key.code == sf::Keyboard::V ||
                          key.code == sf::Keyboard::A;
    if (ImGui::GetIO().WantTextInput && fieldKey) return false;
    if (command->isEnabled(*this)) runCommand(*command, "");
    return true;
}

void StudioApp::drawSceneList(float x, float y, float w, float h) {
    SceneListRequest request = studio::drawSceneList(doc_, t_, x, y, w, h);
    if (request.select) select({Selection::Kind::Scene, *request.select}, true);
    if (request.contextMenu) menuBar_.openContextMenu(kOnScene);
    if (request.move) {
        select({Selection::Kind::Scene, request.move->first}, false);
        moveScene(std::to_string(request.move->second + 1));
    }
    if (request.newScene) newScene("");
}

int StudioApp::selectedScene() const {
    const Show* show = doc_.show();
    const Selection& s = doc_.selection();
    if (!show) return -1;
    if (s.kind == Selection::Kind::Scene) return s.index;
    if (s.kind != Selection::Kind::Item) return -1;
    for (int i = 0; i < static_cast<int>(show->scenes.size()); ++i) {
        const auto& items = show->scenes[i].items;
        if (std::find(items.begin(), items.end(), s.index) != items.end()) return i;
    }
    return -1;
}

std::string StudioApp::selectedSceneId() const {
    int scene = selectedScene();
    return scene < 0 ? std::string() : doc_.show()->scenes[scene].id;
}

std::string StudioApp::selectedSceneAttribute(const std::string& name) const {
    const ScriptNode* node = doc_.nodeOf({Selection::Kind::Scene, selectedScene()});
    return node ? node->value(name) : std::string();
}

std::vector<std::string> StudioApp::styles() const {
    return doc_.script() ? styleNames(*doc_.script()) : std::vector<std::string>{};
}

std::string StudioApp::selectionName() const {
    const Selection& s = doc_.selection();
    if (s.kind == Selection::Kind::Scene) return "scene " + doc_.show()->scenes[s.index].id;
    const ScriptNode* node = doc_.nodeOf(s);
    return node ? "<" + std::string(node->name) + "> at line " + std::to_string(node->where.line) : "nothing";
}

bool StudioApp::editStructure(const std::string& description, EditRecipe recipe, bool selectInserted) {
    // The line the inserted element starts on, to select it once the text is compiled again.
    int insertedLine = 0;
    if (selectInserted && doc_.script()) {
        if (auto edit = recipe(doc_.text(), *doc_.script())) {
            std::size_t first = edit->replacement.find_first_not_of(" \t\r\n");
            if (first != std::string::npos)
                insertedLine = lineOf(doc_.text(), edit->offset) +
                               static_cast<int>(std::count(edit->replacement.begin(), edit->replacement.begin() + first, '\n'));
        }
    }
    if (auto error = doc_.edit(description, std::move(recipe))) {
        setStatus(description + ": " + error->message, true);
        return false;
    }
    setStatus(description);
    previewDirty_ = true;
    if (insertedLine > 0 && doc_.selectAt({doc_.file().string(), insertedLine, 1})) select(doc_.selection(), true);
    return true;
}

bool StudioApp::copySelection() {
    auto path = doc_.pathOf(doc_.selection());
    if (!path || !doc_.script()) return setStatus("Select a scene or an item to copy", true), false;
    auto copied = copyElement(doc_.text(), *doc_.script(), *path);
    if (!copied) return setStatus("Cannot copy: " + copied.error().message, true), false;
    clipboard_ = *copied;
    setStatus("Copied " + selectionName());
    return true;
}

bool StudioApp::deleteSelection() {
    auto path = doc_.pathOf(doc_.selection());
    if (!path) return setStatus("Select a scene or an item to delete", true), false;
    std::string description = "Delete " + selectionName();
    if (!editStructure(description, [path = *path](std::string_view text, const Script& script) {
            return deleteElement(text, script, path);
        }, false))
        return false;
    doc_.clearSelection();
    return true;
}

bool StudioApp::duplicateSelection() {
    auto path = doc_.pathOf(doc_.selection());
    if (!path) return setStatus("Select a scene or an item to duplicate", true), false;
    return editStructure("Duplicate " + selectionName(), [path = *path](std::string_view text, const Script& script) {
        return duplicateElement(text, script, path);
    }, true);
}

bool StudioApp::paste() {
    if (clipboard_.empty()) return setStatus("Nothing has been copied yet", true), false;
    // Into the selection, or after the last scene when nothing is selected.
    std::optional<ElementPath> target = doc_.pathOf(doc_.selection());
    if (!target) target = ElementPath{};
    return editStructure("Paste after " + selectionName(),
                         [target = *target, fragment = clipboard_](std::string_view text, const Script& script) {
                             return pasteElement(text, script, target, fragment);
                         },
                         true);
}

bool StudioApp::setStyle(const std::string& name) {
    const auto names = styles();
    if (doc_.selection().kind != Selection::Kind::Item) return setStatus("Select an item to give it a style", true), false;
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        return setStatus("The exhibit has no style \"" + name + "\"; its styles are " + known, true), false;
    }
    if (auto error = doc_.setAttribute(doc_.selection(), "style", name)) return setStatus(*error, true), false;
    setStatus(doc_.undoDescription());
    previewDirty_ = true;
    return true;
}

bool StudioApp::duplicateScene(const std::string& id) {
    if (!id.empty()) {
        int index = doc_.show() ? doc_.show()->sceneById(id) : -1;
        if (index < 0) return setStatus("There is no scene \"" + id + "\"", true), false;
        select({Selection::Kind::Scene, index}, false);
    } else if (selectedScene() < 0) {
        return setStatus("Select a scene to duplicate", true), false;
    } else {
        select({Selection::Kind::Scene, selectedScene()}, false);
    }
    return duplicateSelection();
}

bool StudioApp::renameScene(const std::string& names) {
    auto w = words(names);
    if (w.size() == 1 && selectedScene() >= 0) w.insert(w.begin(), selectedSceneId());
    if (w.size() != 2) return setStatus("Rename needs the scene's id and its new one", true), false;
    const int index = doc_.show() ? doc_.show()->sceneById(w[0]) : -1;
    if (index < 0) return setStatus("There is no scene \"" + w[0] + "\"", true), false;
    auto path = doc_.pathOf({Selection::Kind::Scene, index});
    if (!path) return setStatus("Scene " + w[0] + " is not written in this file", true), false;
    if (!editStructure("Rename scene " + w[0] + " → " + w[1], [path = *path, to = w[1]](std::string_view text, const Script& script) {
            return renameId(text, script, path, to);
        }, false))
        return false;
    select({Selection::Kind::Scene, doc_.show()->sceneById(w[1])}, false);
    return true;
}

bool StudioApp::setSceneAttribute(const std::string& name, const std::string& value) {
    int scene = selectedScene();
    if (scene < 0) return setStatus("Select a scene first", true), false;
    if (auto error = doc_.setAttribute({Selection::Kind::Scene, scene}, name, value)) return setStatus(*error, true), false;
    setStatus(doc_.undoDescription());
    previewDirty_ = true;
    return true;
}

bool StudioApp::setTransition(const std::string& transition) {
    if (!parseTransition(transition)) {
        std::string kinds;
        for (const auto& n : transitionNames()) kinds += (kinds.empty() ? "" : ", ") + n;
        return setStatus("\"" + transition + "\" is not a transition: write one of " + kinds +
                             ", then its time (\"fade 1.5s\"); cut takes none",
                         true),
               false;
    }
    return setSceneAttribute("transition", transition);
}

bool StudioApp::moveScene(const std::string& args) {
    auto w = words(args);
    if (w.size() == 1 && selectedScene() >= 0) w.insert(w.begin(), selectedSceneId());
    if (w.size() != 2) return setStatus("Move needs the scene's id and its new place (1 for the first)", true), false;
    const int index = doc_.show() ? doc_.show()->sceneById(w[0]) : -1;
    if (index < 0) return setStatus("There is no scene \"" + w[0] + "\"", true), false;
    auto path = doc_.pathOf({Selection::Kind::Scene, index});
    if (!path) return setStatus("Scene " + w[0] + " is not written in this file", true), false;
    const int place = std::atoi(w[1].c_str());
    if (!editStructure("Move scene " + w[0] + " to place " + w[1],
                       [path = *path, place](std::string_view text, const Script& script) {
                           return vitrine::studio::moveScene(text, script, path, place - 1);
                       },
                       false))
        return false;
    select({Selection::Kind::Scene, doc_.show()->sceneById(w[0])}, false);
    return true;
}

bool StudioApp::moveSelectedScene(int delta) {
    const int scene = selectedScene();
    if (scene < 0) return setStatus("Select a scene to move", true), false;
    return moveScene(selectedSceneId() + " " + std::to_string(scene + 1 + delta));
}

bool StudioApp::newScene(const std::string& duration) {
    Micros length = 10 * kMicrosPerSecond;
    if (!duration.empty()) {
        auto d = parseTimeValue(duration);
        if (!d || *d <= 0) return setStatus("\"" + duration + "\" is not a length of time such as 10s", true), false;
        length = *d;
    }
    const int scene = selectedScene();
    std::optional<ElementPath> after = scene < 0 ? std::nullopt : doc_.pathOf({Selection::Kind::Scene, scene});
    return editStructure("New scene", [after, length](std::string_view text, const Script& script) {
        return vitrine::studio::newScene(text, script, after, length);
    }, true);
}

bool StudioApp::revert() {
    auto saved = readTextFile(doc_.file());
    if (!saved) return setStatus("Cannot read " + doc_.file().string(), true), false;
    // An edit like any other: undo brings the unsaved edits back.
    return editStructure("Revert to the saved file", [disk = *saved](std::string_view text, const Script&) -> Result<TextEdit> {
        return TextEdit{0, text.size(), disk};
    }, false);
}

void StudioApp::requestQuit() {
    // A script says what it means; a person with unsaved edits is asked first.
    if (doc_.modified() && !runningScript_) menuBar_.askBeforeQuit(doc_.file().filename().string());
    else quit_ = true;
}

bool StudioApp::newExhibit(const std::string& folder) {
    if (folder.empty()) return setStatus("New exhibit needs a folder to make it in", true), false;
    auto file = createExhibit(folder);
    if (!file) return setStatus(file.error().message, true), false;
    setStatus("Made " + file->string());
    if (!runningScript_) openStudioWindow(*file);
    return true;
}

bool StudioApp::openExhibit(const std::string& file) {
    if (!readTextFile(file)) return setStatus("Cannot read " + file, true), false;
    setStatus("Opened " + file + " in a new window");
    if (!runningScript_) openStudioWindow(file);
    return true;
}

}  // namespace vitrine::studio
