// The studio's styles, export and projector: StudioApp's part that opens the style editor
// and makes its edits, runs exports on a worker while the studio keeps drawing, and shows
// the preview on a second display.

#include <imgui.h>

#include <cstdio>
#include <sstream>

#include "power/display_probe.h"
#include "studio/projector_placement.h"
#include "studio/style_contrast.h"
#include "studio/style_edits.h"
#include "studio/style_sample.h"
#include "studio_app.h"
#include "studio_panels.h"
#include "base/time_value.h"
#include "timeline/show_position.h"

namespace vitrine::studio {
namespace {

std::string quotedName(const std::string& id) { return "'" + id + "'"; }

}  // namespace

void StudioApp::drawOutput() {
    if (resources_) {
        StyleEditorRequest styleRequest = styles_.draw(doc_, *resources_, gui_->largeFont());
        const std::string chosen = styles_.chosen();
        if (styleRequest.set)
            editStyle(styleRequest.set->first + " of style " + quotedName(chosen) + " → " + styleRequest.set->second,
                      setStyleAttributeRecipe(chosen, styleRequest.set->first, styleRequest.set->second));
        if (styleRequest.create && editStyle("new style " + quotedName(*styleRequest.create), newStyleRecipe(*styleRequest.create)))
            styles_.open(*styleRequest.create);
        if (styleRequest.rename &&
            editStyle("rename style " + quotedName(chosen) + " → " + quotedName(*styleRequest.rename),
                      renameStyleRecipe(chosen, *styleRequest.rename)))
            styles_.open(*styleRequest.rename);
        if (styleRequest.remove) editStyle("delete style " + quotedName(chosen), deleteStyleRecipe(chosen));
    }

    ExportPanelRequest exportRequest = exportPanel_.draw(doc_, export_, t_);
    if (exportRequest.cancel) export_.cancel();
    if (exportRequest.start) {
        exportFromScript_ = false;
        startExport(*exportRequest.start, exportRequest.file, exportRequest.from, exportRequest.to);
    }
    if (auto outcome = export_.takeOutcome()) {
        exportPanel_.setLastOutcome(*outcome);
        setStatus(outcome->message, !outcome->ok && !outcome->cancelled);
        std::printf("export: %s\n", outcome->message.c_str());
        std::fflush(stdout);
        if (exportFromScript_ && !outcome->ok && !outcome->cancelled) {
            std::fprintf(stderr, "vitrine-studio: script: %s\n", outcome->message.c_str());
            exitCode_ = 2;
            quit_ = true;
        }
        exportFromScript_ = false;
    }
}

bool StudioApp::editStyle(const std::string& description, EditRecipe recipe) {
    previewDirty_ = true;
    if (auto error = doc_.edit(description, std::move(recipe))) {
        setStatus(*error, true);
        return false;
    }
    setStatus(doc_.undoDescription());
    return true;
}

bool StudioApp::styleByScript(const std::string& verb, const std::string& words) {
    std::stringstream in(words);
    std::string name, second;
    in >> name >> second;
    if (verb == "styles") {
        styles_.open(name);
        return true;
    }
    if (verb == "close-styles") return styles_.close(), true;
    if (name.empty()) {
        setStatus(verb + " needs a style's name", true);
        return false;
    }
    if (verb == "style-set") {
        // The value is the rest of the words: a colour may be written rgb(1, 2, 3).
        std::string value;
        std::getline(in, value);
        value.erase(0, value.find_first_not_of(' '));
        if (second.empty() || value.empty()) {
            setStatus("style-set needs a style, an attribute and a value", true);
            return false;
        }
        return editStyle(second + " of style " + quotedName(name) + " → " + value, setStyleAttributeRecipe(name, second, value));
    }
    if (verb == "new-style") return editStyle("new style " + quotedName(name), newStyleRecipe(name, second));
    if (verb == "rename-style")
        return editStyle("rename style " + quotedName(name) + " → " + quotedName(second), renameStyleRecipe(name, second));
    if (verb == "delete-style") return editStyle("delete style " + quotedName(name), deleteStyleRecipe(name));
    if (verb == "style-contrast") {
        if (!doc_.script() || !findStyle(*doc_.script(), name)) {
            setStatus("there is no style called " + quotedName(name), true);
            return false;
        }
        TextStyle style = resolvedStyle(*doc_.script(), name, doc_.show()->canvas);
        StyleContrast contrast = styleContrast(style, backgroundWhereShown(*doc_.show(), *doc_.script(), name));
        std::printf("style %s: contrast %s\n", name.c_str(), contrast.verdict.c_str());
        return true;
    }
    return false;
}

bool StudioApp::startExport(ExportKind kind, const std::string& file, const std::string& from, const std::string& to) {
    if (!doc_.show() || doc_.showIsStale()) {
        setStatus("The file has errors that stop it compiling; fix them (see Diagnostics) before exporting", true);
        return false;
    }
    if (export_.running()) {
        setStatus("An export is running; wait for it or cancel it first", true);
        return false;
    }
    // In the languages the preview shows (View ▸ Languages): what is exported is what was seen.
    ExportOrder order{kind, file, formatTime(t_), from, to, previewLanguagesWord(doc_.previewLanguages())};
    // Checked here too, so a mistyped position is said at once, in the studio.
    std::optional<Micros> times[2];
    for (int i = 0; i < 2; ++i) {
        const std::string& words = i == 0 ? from : to;
        if (words.empty()) continue;
        auto t = resolvePosition(*doc_.show(), words);
        if (!t) {
            setStatus("Export: " + t.error().message, true);
            return false;
        }
        times[i] = *t;
    }
    if (times[0] && times[1] && *times[1] <= *times[0]) {
        setStatus("Export: the end (" + to + ") must come after the start (" + from + ")", true);
        return false;
    }
    // The texts as the preview draws them: the exhibit's and its caption files', as edited.
    ExportTexts texts{doc_.text(), {}};
    for (const auto& [file, held] : doc_.captionFiles()) texts.captions[file] = held.text;
    export_.start(doc_.file(), std::move(texts), order);
    setStatus("Exporting to " + file);
    return true;
}

bool StudioApp::exportByScript(ExportKind kind, const std::string& words) {
    std::stringstream in(words);
    std::string file, first, second;
    in >> file >> first >> second;
    if (file.empty()) {
        setStatus("an export needs a FILE", true);
        return false;
    }
    if (kind == ExportKind::Still && !first.empty()) {
        auto t = doc_.show() ? resolvePosition(*doc_.show(), first)
                             : Result<Micros>(Error{"nothing to export: the exhibit did not open"});
        if (!t) {
            setStatus(t.error().message, true);
            return false;
        }
        seek(*t);
        first.clear();
    }
    exportFromScript_ = true;
    return startExport(kind, file, first, second);
}

bool StudioApp::exportWaits() const {
    // Until its outcome is taken (drawOutput), so the next export cannot replace it unsaid.
    return (export_.running() || export_.hasOutcome()) && !(!actions_.empty() && actions_.front() == "cancel-export");
}

bool StudioApp::showOnProjector(const std::string& how) {
    const bool on = how == "on" || (how == "toggle" && !projector_.isOpen());
    if (!on) {
        if (projector_.isOpen()) setStatus("The projector window is closed");
        projector_.close();
        return true;
    }
    if (projector_.isOpen()) return true;
    auto monitors = power::monitors(power::displayName());
    if (!monitors) {
        setStatus("Cannot find the displays: the X server does not list its monitors (RandR 1.5)", true);
        return false;
    }
    sf::Vector2i at = window_.getPosition();
    sf::Vector2u size = window_.getSize();
    auto monitor = projectorMonitor(*monitors, at.x + static_cast<int>(size.x) / 2, at.y + static_cast<int>(size.y) / 2);
    if (!monitor) {
        setStatus("Only one display is connected: connect the projector as a second display, then choose View ▸ Show on "
                  "projector again",
                  true);
        return false;
    }
    projector_.open(*monitor);
    window_.setActive(true);
    setStatus("Showing the preview on " + monitor->name + "; Esc there, or View ▸ Show on projector (F5), closes it");
    std::printf("projector: %s at %d,%d %dx%d\n", monitor->name.c_str(), monitor->x, monitor->y, monitor->width,
                monitor->height);
    std::fflush(stdout);
    return true;
}

void StudioApp::updateProjector() {
    if (!projector_.isOpen()) return;
    sf::RenderTexture* canvas = previewSize_.x > 0 ? preview_.canvas(previewSize_) : nullptr;
    if (!canvas) return;
    if (!projector_.show(canvas->getTexture(), Color{0, 0, 0, 255}))
        setStatus("The projector window is closed");
    window_.setActive(true);
}

}  // namespace vitrine::studio
