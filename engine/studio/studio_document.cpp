#include "studio/studio_document.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "exhibit/exhibit_loader.h"
#include "base/time_value.h"
#include "captions/caption_check.h"
#include "text/layout_check.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

bool sameFile(const std::string& a, const fs::path& b) {
    std::error_code ec;
    return a == b.string() || fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

bool samePlace(const SourceLocation& a, const SourceLocation& b) {
    return a.line == b.line && a.column == b.column && a.file == b.file;
}

const ScriptNode* findNode(const ScriptNode& node, const SourceLocation& where) {
    if (!node.isText() && samePlace(node.where, where)) return &node;
    for (const auto& child : node.children)
        if (const ScriptNode* found = findNode(child, where)) return found;
    return nullptr;
}

// The last line of an element: the largest line of anything inside it.
int lastLine(const ScriptNode& node) {
    int line = node.where.line;
    for (const auto& a : node.attributes) line = std::max(line, a.where.line);
    for (const auto& c : node.children) line = std::max(line, lastLine(c));
    return line;
}

}  // namespace

std::optional<std::string> readTextFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return s.str();
}

StudioDocument::StudioDocument(fs::path file) : file_(std::move(file)) {
    auto text = readTextFile(file_);
    if (!text) {
        loadError_ = "cannot read " + file_.string();
        return;
    }
    text_ = savedText_ = std::move(*text);
    compile();
}

void StudioDocument::setPreviewLanguages(const PreviewLanguages& languages) {
    if (languages == previewLanguages_) return;
    previewLanguages_ = languages;
    compile();  // the layout warnings follow, and a new show generation redraws the preview
}

void StudioDocument::compile() {
    LoadedExhibit loaded = loadExhibitFromText(text_, file_, compileOptions_);
    // The same layout check as `vitrine check`, so the panel and the command agree; with
    // languages chosen for the preview, on the texts as previewed, as a site showing them lays
    // them out (the show kept has every language: the preview chooses from it).
    if (!fonts_) fonts_ = std::make_shared<text::FontLibrary>(text::bundledFontsDirectory());
    if (loaded.show && !parsePreviewLanguages(previewLanguagesWord(previewLanguages_), *loaded.show))
        previewLanguages_ = {};
    if (loaded.show && previewLanguages_.kind != PreviewLanguages::Kind::Main) {
        Show written = std::move(*loaded.show);
        loaded.show = inPreviewLanguages(written, previewLanguages_);
        text::addLayoutProblems(loaded, *fonts_, layoutFindings_.get());
        loaded.show = std::move(written);
    } else {
        text::addLayoutProblems(loaded, *fonts_, layoutFindings_.get());
    }
    diagnostics_ = std::move(loaded.diagnostics);
    if (loaded.show && loaded.script) {
        show_ = std::make_shared<const Show>(std::move(*loaded.show));
        script_ = std::make_shared<const Script>(std::move(*loaded.script));
        stale_ = false;
        ++generation_;
        holdCaptions();
    } else {
        stale_ = show_ != nullptr;  // keep the last good show on screen
    }
    if (!show_) {
        selection_ = {};
        return;
    }
    int count = selection_.kind == Selection::Kind::Item ? static_cast<int>(show_->items.size())
                                                         : static_cast<int>(show_->scenes.size());
    if (selection_.index >= count) selection_ = {};
}

void StudioDocument::selectItem(int index) {
    if (show_ && index >= 0 && index < static_cast<int>(show_->items.size())) selection_ = {Selection::Kind::Item, index};
}

void StudioDocument::selectScene(int index) {
    if (show_ && index >= 0 && index < static_cast<int>(show_->scenes.size()))
        selection_ = {Selection::Kind::Scene, index};
}

bool StudioDocument::selectAt(const SourceLocation& where) {
    if (!show_ || !script_ || where.line <= 0) return false;
    // The innermost candidate is the one that starts last at or before the line and
    // still encloses it; items are inside scenes, so items win ties.
    Selection best;
    int bestStart = -1;
    auto consider = [&](Selection candidate, const SourceLocation& at) {
        if (!sameFile(at.file, where.file) && !where.file.empty()) return;
        const ScriptNode* node = findNode(script_->root, at);
        int last = node ? lastLine(*node) : at.line;
        if (at.line <= where.line && where.line <= last && at.line >= bestStart) {
            best = candidate;
            bestStart = at.line;
        }
    };
    for (int i = 0; i < static_cast<int>(show_->scenes.size()); ++i)
        consider({Selection::Kind::Scene, i}, show_->scenes[i].where);
    for (int i = 0; i < static_cast<int>(show_->items.size()); ++i)
        consider({Selection::Kind::Item, i}, show_->items[i].where);
    if (best.empty()) return false;
    selection_ = best;
    return true;
}

SourceLocation StudioDocument::locationOf(const Selection& s) const {
    if (!show_) return {};
    if (s.kind == Selection::Kind::Item && s.index >= 0 && s.index < static_cast<int>(show_->items.size()))
        return show_->items[s.index].where;
    if (s.kind == Selection::Kind::Scene && s.index >= 0 && s.index < static_cast<int>(show_->scenes.size()))
        return show_->scenes[s.index].where;
    return {};
}

const ScriptNode* StudioDocument::nodeOf(const Selection& s) const {
    if (!script_ || s.empty()) return nullptr;
    return findNode(script_->root, locationOf(s));
}

std::optional<ElementPath> StudioDocument::pathOf(const Selection& s) const {
    const ScriptNode* node = nodeOf(s);
    if (!node) return std::nullopt;
    return studio::pathOf(script_->root, *node);
}

std::optional<Error> StudioDocument::edit(std::string description, EditRecipe recipe) {
    if (stale_ || !script_) return Error{"the file has errors that stop it compiling; fix them first"};
    auto forward = recipe(text_, *script_);
    if (!forward) return forward.error();
    record(std::move(description), std::move(*forward), std::move(recipe));
    return std::nullopt;
}

void StudioDocument::record(std::string description, TextEdit forward, EditRecipe recipe) {
    EditCommand command{std::move(description), std::move(forward), {}, std::move(recipe), {}, {}};
    command.backward = applyEdit(text_, command.forward);
    undo_.push_back(std::move(command));
    // The saved text was further on in the redo history, which this edit drops.
    if (savedDepth_ >= static_cast<int>(undo_.size())) savedDepth_ = -1;
    redo_.clear();
    compile();
}

std::string& StudioDocument::textOf(const EditCommand& command) {
    return command.captions.empty() ? text_ : captions_.at(command.captions).text;
}

// After `command` was made or taken back: the exhibit compiled again, or its caption file read.
void StudioDocument::changed(const EditCommand& command) {
    if (command.captions.empty()) compile();
    else captionsChanged(captions_.at(command.captions), command.captions);
}

// Why `target` cannot be edited, or nullopt.
std::optional<Error> StudioDocument::editable(const Selection& target) const {
    if (stale_) return Error{"the file has errors that stop it compiling; fix them first"};
    const ScriptNode* node = nodeOf(target);
    if (!node) return Error{"nothing selected"};
    if (!sameFile(node->where.file, file_))
        return Error{"<" + std::string(node->name) + "> is in " + node->where.file + "; the studio edits only " +
                     file_.string()};
    return std::nullopt;
}

namespace {

// The element at `path` in `script`, or the error that it is gone.
Result<const ScriptNode*> elementAt(const Script& script, const ElementPath& path) {
    if (const ScriptNode* node = findElement(script.root, path)) return node;
    return Error{"the file no longer has " + path.describe()};
}

}  // namespace

std::optional<Error> StudioDocument::setAttribute(const Selection& target, const std::string& name,
                                                        const std::string& value) {
    if (auto why = editable(target)) return why;
    const ScriptNode* node = nodeOf(target);
    if (const ScriptAttribute* a = node->attribute(name); a && a->value == value) return std::nullopt;
    EditRecipe recipe = [path = *pathOf(target), name, value](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto element = elementAt(script, path);
        if (!element) return element.error();
        return attributeEdit(text, (*element)->where, (*element)->name, name, value);
    };
    return edit(name + " of <" + std::string(node->name) + "> at line " + std::to_string(node->where.line) + " → " + value,
                std::move(recipe));
}

std::optional<Error> StudioDocument::setContent(const Selection& target, const std::string& content) {
    if (auto why = editable(target)) return why;
    const ScriptNode* node = nodeOf(target);
    EditRecipe recipe = [path = *pathOf(target), content](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto element = elementAt(script, path);
        if (!element) return element.error();
        return contentEdit(text, (*element)->where, (*element)->name, content);
    };
    return edit("text of <" + std::string(node->name) + "> at line " + std::to_string(node->where.line), std::move(recipe));
}

std::optional<Error> StudioDocument::setDuration(const Selection& target, Micros duration) {
    if (duration <= 0) return Error{"a duration must be more than zero"};
    if (const ScriptNode* node = nodeOf(target); node && node->attribute("end"))
        return Error{"<" + std::string(node->name) + "> at line " + std::to_string(node->where.line) +
                     " ends with end=\"" + node->value("end") + "\"; change that in the inspector"};
    return setAttribute(target, "dur", formatTime(duration));
}

std::optional<Error> StudioDocument::replaceText(std::string description, const std::string& text) {
    if (text == text_) return Error{"the text is already that"};
    // The change is found again by the characters it replaces, so that after a reload it is
    // made only where the file still holds them.
    EditRecipe recipe = [original = text_, change = differingSpan(text_, text)](std::string_view now,
                                                                               const Script&) {
        return relocatedEdit(now, original, change);
    };
    // Made even when the text does not compile: a recovered text may be what fixes it.
    record(std::move(description), differingSpan(text_, text), std::move(recipe));
    return std::nullopt;
}

bool StudioDocument::undo(Error* why) {
    if (undo_.empty() || heldHistory_) return false;
    EditCommand& top = undo_.back();
    if (top.undoRecipe) {
        // A caption file read again since the edit: its undo finds the cue by what it made.
        auto backward = top.undoRecipe(textOf(top));
        if (!backward) {
            if (why) *why = Error{"cannot undo " + top.description + ": " + backward.error().message};
            return false;
        }
        top.backward = std::move(*backward);
    }
    EditCommand command = std::move(top);
    undo_.pop_back();
    applyEdit(textOf(command), command.backward);
    changed(command);
    redo_.push_back(std::move(command));
    return true;
}

bool StudioDocument::redo(Error* why) {
    if (redo_.empty() || heldHistory_) return false;
    EditCommand& command = redo_.back();
    // Made again through its recipe: after a reload, the stored span may no longer fit. A
    // caption file's recipe does not need the exhibit to compile.
    const bool byRecipe = command.recipe && script_ && (!stale_ || !command.captions.empty());
    Result<TextEdit> forward = byRecipe ? command.recipe(textOf(command), *script_) : Result<TextEdit>(command.forward);
    if (!forward) {
        if (why) *why = Error{"cannot redo " + command.description + ": " + forward.error().message};
        return false;
    }
    command.forward = std::move(*forward);
    command.backward = applyEdit(textOf(command), command.forward);
    changed(command);
    undo_.push_back(std::move(command));
    redo_.pop_back();
    return true;
}

std::optional<Error> StudioDocument::save(const SaveFailureInjector& inject) {
    if (heldHistory_ && heldHistory_->text != heldHistory_->base)
        return Error{"Not saved: another program wrote " + file_.filename().string() +
                     " with errors, and your unsaved edits wait to be made again on it. Fix the file "
                     "there (the errors are listed) and they will be; nothing is lost"};
    // The caption files first, each only when it changed, and checked as written: the
    // exhibit is marked saved only when they all were.
    saveFindings_ = {};
    const bool onlyCaptions = text_ == savedText_ && captionsModified();
    for (auto& [captionFile, held] : captions_) {
        if (held.text == held.savedText) continue;
        Diagnostics parsed;
        checkCaptionCues(parseCaptionText(held.text, captionFile, parsed), held.soundEnd, saveFindings_);
        if (auto error = saveFileAtomically(captionFile, held.text, inject))
            return Error{"Not saved: " + error->message + ". Your edits are kept"};
        held.savedText = held.text;
    }
    // The exhibit is written unless only caption files changed (then it holds its text).
    if (!onlyCaptions)
        if (auto error = saveFileAtomically(file_, text_, inject))
            return Error{"Not saved: " + error->message + ". Your edits are kept"};
    savedText_ = text_;
    savedDepth_ = static_cast<int>(undo_.size());
    heldHistory_.reset();
    return std::nullopt;
}

PlayheadPosition StudioDocument::positionOf(Micros t) const {
    if (!show_) return {"", t};
    int scene = show_->sceneAt(t);
    if (scene < 0) return {"", t};
    return {show_->scenes[scene].id, t - show_->scenes[scene].begin};
}

Micros StudioDocument::timeOf(const PlayheadPosition& position) const {
    if (!show_) return 0;
    int scene = position.scene.empty() ? -1 : show_->sceneById(position.scene);
    if (scene < 0) return std::clamp<Micros>(position.offset, 0, std::max<Micros>(0, show_->duration - 1));
    const Scene& s = show_->scenes[scene];
    return s.begin + std::clamp<Micros>(position.offset, 0, std::max<Micros>(0, s.end - s.begin - 1));
}

}  // namespace vitrine::studio
