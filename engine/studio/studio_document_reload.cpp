// A StudioDocument's exhibit changed by another program: read again, with the designer's
// unsaved edits made again on the new text through their recipes.

#include "studio/studio_document.h"

namespace vitrine::studio {

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

}  // namespace vitrine::studio
