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

void StudioDocument::compile() {
    LoadedExhibit loaded = loadExhibitFromText(text_, file_, compileOptions_);
    // The same layout check as `vitrine check`, so the panel and the command agree.
    if (!fonts_) fonts_ = std::make_shared<text::FontLibrary>(text::bundledFontsDirectory());
    text::addLayoutProblems(loaded, *fonts_, layoutFindings_.get());
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

// The caption files the show names are read once, when a show first names them; from then on
// the text held here is what the studio edits, saves and shows.
void StudioDocument::holdCaptions() {
    for (const Item& item : show_->items) {
        // In the sound's own time: what the cues count from.
        Micros soundEnd = item.clipIn + (item.activeEnd - item.begin);
        if (item.clipOut) soundEnd = std::min(soundEnd, *item.clipOut);
        for (const std::string* file : {&item.captions, &item.secondCaptions}) {
            if (file->empty()) continue;
            auto held = captions_.find(*file);
            if (held == captions_.end()) {
                auto text = readTextFile(*file);
                if (!text) continue;  // the missing-file check reports it
                held = captions_.emplace(*file, HeldCaptions{*text, *text, {}, 0}).first;
                captionsChanged(held->second, *file);
            }
            held->second.soundEnd = soundEnd;
        }
    }
}

void StudioDocument::captionsChanged(HeldCaptions& held, const std::string& file) {
    Diagnostics ignored;  // the diagnostics panel reports the file's problems
    held.track = parseCaptionText(held.text, file, ignored);
    ++captionsGeneration_;
}

std::string& StudioDocument::textOf(const EditCommand& command) {
    return command.captions.empty() ? text_ : captions_.at(command.captions).text;
}

// After `command` was made or taken back: the exhibit compiled again, or its caption file read.
void StudioDocument::changed(const EditCommand& command) {
    if (command.captions.empty()) compile();
    else captionsChanged(captions_.at(command.captions), command.captions);
}

const HeldCaptions* StudioDocument::captionFile(const std::string& file) const {
    auto found = captions_.find(file);
    return found == captions_.end() ? nullptr : &found->second;
}

std::optional<Error> StudioDocument::editCaptions(const std::string& file, std::string description,
                                                  CaptionRecipe recipe, CaptionRecipe undoRecipe) {
    auto held = captions_.find(file);
    if (held == captions_.end()) return Error{"the exhibit names no caption file " + file};
    auto forward = recipe(held->second.text);
    if (!forward) return forward.error();
    EditCommand command{std::move(description), std::move(*forward), {},
                        [recipe](std::string_view text, const Script&) { return recipe(text); }, file,
                        std::move(undoRecipe)};
    command.backward = applyEdit(held->second.text, command.forward);
    undo_.push_back(std::move(command));
    if (savedDepth_ >= static_cast<int>(undo_.size())) savedDepth_ = -1;
    redo_.clear();
    captionsChanged(held->second, file);
    return std::nullopt;
}

std::optional<Error> StudioDocument::dragCue(const std::string& file, std::size_t index, CueDrag drag, Micros delta) {
    const HeldCaptions* held = captionFile(file);
    if (!held) return Error{"the exhibit names no caption file " + file};
    if (index >= held->track.cues.size())
        return Error{file + " has " + std::to_string(held->track.cues.size()) + " cues; there is no cue " +
                     std::to_string(index + 1)};
    const CaptionCue& cue = held->track.cues[index];
    const auto [start, end] = draggedCue(cue, drag, delta, cueLimits(held->track, index, held->soundEnd));
    if (start == cue.start && end == cue.end)
        return Error{"cue " + std::to_string(index + 1) + " cannot go further: it meets " +
                     (index > 0 || index + 1 < held->track.cues.size() ? "a neighbour, " : "") +
                     "the start or the end of its sound"};
    const std::string name = std::filesystem::path(file).filename().string();
    return editCaptions(file,
                        "cue " + std::to_string(index + 1) + " of " + name + " → " + formatClock(start) + "–" +
                            formatClock(end),
                        cueTimingRecipe(file, {index, cue.start, cue.end}, start, end),
                        cueTimingRecipe(file, {index, start, end}, cue.start, cue.end));
}

std::optional<Error> StudioDocument::replaceCaptionText(const std::string& file, std::string description,
                                                        const std::string& text) {
    const HeldCaptions* held = captionFile(file);
    if (!held) return Error{"the exhibit names no caption file " + file};
    if (text == held->text) return Error{"the text is already that"};
    // Found again by the characters each way replaces, as replaceText does.
    auto relocated = [](std::string before, const std::string& after) -> CaptionRecipe {
        TextEdit change = differingSpan(before, after);  // before `before` is moved into the recipe
        return [before = std::move(before), change = std::move(change)](std::string_view now) {
            return relocatedEdit(now, before, change);
        };
    };
    return editCaptions(file, std::move(description), relocated(held->text, text), relocated(text, held->text));
}

bool StudioDocument::captionsModified() const {
    return std::any_of(captions_.begin(), captions_.end(), [](const auto& c) { return c.second.text != c.second.savedText; });
}

std::vector<std::pair<std::string, std::string>> StudioDocument::unsavedCaptions() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [file, held] : captions_)
        if (held.text != held.savedText) out.emplace_back(file, held.text);
    return out;
}

ReloadOutcome StudioDocument::reloadCaptionsFromDisk(const std::string& file) {
    auto found = captions_.find(file);
    if (found == captions_.end()) return ReloadOutcome::Unchanged;
    HeldCaptions& held = found->second;
    auto text = readTextFile(file);
    if (!text || *text == held.savedText) return ReloadOutcome::Unchanged;
    lastReload_ = {};
    held.text = held.savedText = std::move(*text);
    captionsChanged(held, file);
    // The edits of this file up to the save are in it (or, where the other program undid
    // them, their undo says so when asked); those undone past the save are undone again, and
    // the unsaved ones made again, each finding its cue by the times it had.
    const int saved = savedDepth_;
    for (int i = 0; i < static_cast<int>(redo_.size()); ++i) {
        const int depth = static_cast<int>(undo_.size() + redo_.size()) - 1 - i;
        EditCommand& command = redo_[i];
        if (command.captions != file || depth >= saved) continue;
        auto backward = command.undoRecipe(held.text);
        if (!backward) {
            lastReload_.notReapplied.push_back("undo of " + command.description + ": " + backward.error().message);
            continue;
        }
        applyEdit(held.text, *backward);
        ++lastReload_.reapplied;
    }
    for (int i = std::max(saved, 0); i < static_cast<int>(undo_.size());) {
        EditCommand& command = undo_[i];
        if (command.captions != file) {
            ++i;
            continue;
        }
        auto forward = command.recipe(held.text, *script_);
        if (!forward) {
            lastReload_.notReapplied.push_back(command.description + ": " + forward.error().message);
            undo_.erase(undo_.begin() + i);  // it made nothing, so there is nothing to undo
            continue;
        }
        command.forward = std::move(*forward);
        command.backward = applyEdit(held.text, command.forward);
        ++lastReload_.reapplied;
        ++i;
    }
    captionsChanged(held, file);
    return ReloadOutcome::Reloaded;
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

ReloadOutcome StudioDocument::reloadFromDisk() {
    auto text = readTextFile(file_);
    if (!text) {
        // Editors replace files by rename; a moment without the file is not a broken script.
        return ReloadOutcome::Unchanged;
    }
    // Unchanged on disk since the last save or read: keep any unsaved edits.
    if (*text == savedText_) return ReloadOutcome::Unchanged;
    lastReload_ = {};
    // The history was made on `base`; the designer's text is `designer`.
    std::string base = heldHistory_ ? heldHistory_->base : savedText_;
    std::string designer = heldHistory_ ? heldHistory_->text : text_;
    heldHistory_.reset();
    text_ = savedText_ = std::move(*text);
    compile();
    if (stale_ || !show_) {
        // No recipe can find its element in a text that does not compile: the history waits
        // for the file to be fixed, rather than being dropped.
        if (!undo_.empty() || !redo_.empty() || designer != base) {
            heldHistory_ = HeldHistory{std::move(base), std::move(designer)};
            lastReload_.waiting = designer != heldHistory_->base;
        }
        return ReloadOutcome::Broken;
    }
    rebaseHistory(base, designer);
    return ReloadOutcome::Reloaded;
}

// The history (undo_, then redo_ from its back) was made on `oldBase`, the saved text at
// savedDepth_; text_ is the file's new text. The commands up to the saved one are in the
// new text already: they keep their edits, moved past the other program's change. Those
// after it (the unsaved ones) are made again through their recipes, in order.
void StudioDocument::rebaseHistory(const std::string& oldBase, const std::string& designerText) {
    std::vector<EditCommand> history = std::move(undo_);
    const int applied = static_cast<int>(history.size());
    for (auto it = redo_.rbegin(); it != redo_.rend(); ++it) history.push_back(std::move(*it));
    undo_.clear();
    redo_.clear();
    const int saved = savedDepth_;
    savedDepth_ = 0;

    if (saved < 0) {
        // A caption file's edits are not in the exhibit's text: they stay as they were.
        for (int i = 0; i < applied; ++i)
            if (!history[i].captions.empty()) undo_.push_back(std::move(history[i]));
        // No undo or redo leads back to the saved text: what the designer changed since is
        // made again as one edit, where the file still holds what it replaced.
        if (designerText != oldBase) {
            TextEdit change = differingSpan(oldBase, designerText);
            EditRecipe recipe = [oldBase, change](std::string_view now, const Script&) {
                return relocatedEdit(now, oldBase, change);
            };
            auto forward = recipe(text_, *script_);
            if (!forward) {
                lastReload_.notReapplied.push_back("your unsaved edits: " + forward.error().message);
                return;
            }
            EditCommand command{"your unsaved edits", std::move(*forward), {}, std::move(recipe), {}, {}};
            command.backward = applyEdit(text_, command.forward);
            undo_.push_back(std::move(command));
            ++lastReload_.reapplied;
            compile();
        }
        return;
    }

    // Down from the saved text: each command's span moved past the other program's change,
    // which is carried down the history with it. The first that overlaps it ends the
    // history there (it and the ones before can no longer be undone).
    TextEdit change = differingSpan(oldBase, text_);
    std::vector<EditCommand> kept;  // saved commands, top first
    for (int i = saved - 1; i >= 0; --i) {
        EditCommand& command = history[i];
        if (!command.captions.empty()) {
            // In a caption file, which this reload did not read: nothing moved.
            kept.push_back(std::move(command));
            continue;
        }
        auto backward = shiftedPast(command.backward, change);
        auto changeBefore = shiftedPast(change, command.backward);
        if (!backward || !changeBefore) {
            // Undone after the save (past the playhead of the history): its undo cannot be made.
            for (int j = i; j >= 0 && j >= applied; --j)
                lastReload_.notReapplied.push_back("undo of " + history[j].description +
                                                   ": the other program changed the same place");
            break;
        }
        change = *changeBefore;
        command.forward.offset = command.backward.offset = backward->offset;
        kept.push_back(std::move(command));
    }
    std::reverse(kept.begin(), kept.end());
    const int dropped = saved - static_cast<int>(kept.size());
    savedDepth_ = static_cast<int>(kept.size());
    // The designer had undone past the save: those undos are made again on the new text.
    for (int i = saved - 1; i >= applied && i >= dropped; --i) {
        EditCommand& command = kept[i - dropped];
        if (!command.captions.empty()) continue;  // its caption file is still undone
        applyEdit(text_, command.backward);
        ++lastReload_.reapplied;
    }
    for (int i = 0; i < static_cast<int>(kept.size()); ++i) {
        if (i + dropped < applied) undo_.push_back(std::move(kept[i]));
        else redo_.insert(redo_.begin(), std::move(kept[i]));
    }
    if (saved > applied) compile();

    // Up from the saved text: the unsaved commands, made again through their recipes.
    for (int i = std::max(saved, 0); i < static_cast<int>(history.size()); ++i) {
        EditCommand& command = history[i];
        if (i >= applied) {
            // Undone before the reload: it stays for redo, which makes it through its recipe.
            redo_.insert(redo_.begin(), std::move(command));
            continue;
        }
        if (!command.captions.empty()) {
            // Made on a caption file this reload did not read: still made.
            undo_.push_back(std::move(command));
            continue;
        }
        auto forward = stale_ || !script_ ? Result<TextEdit>(Error{"the file has errors"}) : command.recipe(text_, *script_);
        if (!forward) {
            lastReload_.notReapplied.push_back(command.description + ": " + forward.error().message);
            continue;
        }
        command.forward = std::move(*forward);
        command.backward = applyEdit(text_, command.forward);
        undo_.push_back(std::move(command));
        ++lastReload_.reapplied;
        compile();
    }
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
