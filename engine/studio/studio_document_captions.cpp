// The caption files a StudioDocument holds: read once when the show first names them, then
// edited, saved, and read again when another program changes them, beside the exhibit.

#include "studio/studio_document.h"

#include "captions/caption_check.h"

namespace vitrine::studio {

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

}  // namespace vitrine::studio
