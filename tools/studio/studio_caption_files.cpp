// The caption files the document holds, as the exhibit's own file is kept: a recovery file
// beside each one with unsaved cue edits (".voice.vtt.recovery"), set aside and offered back
// with the exhibit's at the next start (studio_app.cpp), and a reload when another program
// changes one, the unsaved edits made again on it; and the preview, which draws their text
// as edited.

#include "studio_app.h"

namespace vitrine::studio {

void StudioApp::keepCaptionRecoveries() {
    const auto unsaved = doc_.unsavedCaptions();
    for (const auto& [file, text] : unsaved) {
        std::string& written = captionRecoveriesWritten_[file];
        if (written == text) continue;
        if (auto error = writeRecovery(file, text)) setStatus(*error, true);
        else written = text;
    }
    // Saved, or undone back to the file's text: nothing left to recover.
    for (auto it = captionRecoveriesWritten_.begin(); it != captionRecoveriesWritten_.end();) {
        const bool stillUnsaved = std::any_of(unsaved.begin(), unsaved.end(), [&](const auto& u) { return u.first == it->first; });
        if (stillUnsaved) {
            ++it;
            continue;
        }
        removeRecovery(it->first);
        it = captionRecoveriesWritten_.erase(it);
    }
}

void StudioApp::reloadCaptionsIfChanged() {
    for (const auto& [file, held] : doc_.captionFiles())
        if (!captionWatchers_.count(file)) captionWatchers_.emplace(file, std::make_unique<FileWatcher>(file));
    for (auto& [file, watcher] : captionWatchers_) {
        if (!watcher->takeChange() || doc_.reloadCaptionsFromDisk(file) != ReloadOutcome::Reloaded) continue;
        const ReloadReport& report = doc_.lastReload();
        const std::string name = std::filesystem::path(file).filename().string();
        if (!report.notReapplied.empty()) {
            notReapplied_.insert(notReapplied_.end(), report.notReapplied.begin(), report.notReapplied.end());
            setStatus("Another program changed " + name + "; " + std::to_string(report.notReapplied.size()) +
                          " unsaved cue edit(s) could not be reapplied: " + report.notReapplied.front(),
                      true);
        } else if (report.reapplied > 0) {
            setStatus("Another program changed " + name + "; your unsaved cue edits were made again on it (not saved yet)");
        } else {
            setStatus("Reloaded " + name);
        }
        previewDirty_ = true;
    }
}

// The preview draws the caption text as edited, as it draws the exhibit's text as edited:
// given to the caption cache every renderer of the studio reads through (an export gives the
// same texts to its own, studio_output.cpp).
void StudioApp::feedCaptions() {
    if (!resources_ || fedCaptions_ == doc_.captionsGeneration()) return;
    for (const auto& [file, held] : doc_.captionFiles()) resources_->captionFiles().setText(file, held.text);
    fedCaptions_ = doc_.captionsGeneration();
    previewDirty_ = true;
}

}  // namespace vitrine::studio
