// Never losing work: the unsaved edits copied to recovery files as the designer works, the
// last session's offered at start (the choice made in RecoveryPanel), and the edits a
// reload could not make again.

#include "studio_app.h"

namespace vitrine::studio {
namespace {

// How often unsaved edits are copied to the recovery file: at most this much work is lost.
const sf::Time kRecoveryInterval = sf::seconds(2);

}  // namespace

void StudioApp::keepRecovery() {
    // An offer not yet decided lies in a file of its own (set aside): this session's edits
    // are kept whatever the designer decides, and whenever.
    if (!doc_.modified()) {
        // Saved, or undone back to the file's text: nothing left to recover.
        if (!recoveryWritten_.empty()) removeRecovery(doc_.file());
        recoveryWritten_.clear();
        keepCaptionRecoveries();
        return;
    }
    // The clock first: the texts are compared once every interval, not every frame.
    if (sinceRecovery_.getElapsedTime() < kRecoveryInterval) return;
    keepCaptionRecoveries();
    const std::string& text = doc_.unsavedText();
    if (text == recoveryWritten_) return;
    sinceRecovery_.restart();
    if (auto error = writeRecovery(doc_.file(), text)) setStatus(*error, true);
    else recoveryWritten_ = text;
}

// The files a recovery keeps the unsaved edits of: the exhibit, and the caption files it holds.
std::vector<std::filesystem::path> StudioApp::recoverableFiles() const {
    std::vector<std::filesystem::path> files{doc_.file()};
    for (const auto& [file, held] : doc_.captionFiles()) files.emplace_back(file);
    return files;
}

// The text the document holds for `file` (the exhibit or one of its caption files), or nullptr.
const std::string* StudioApp::heldText(const std::filesystem::path& file) const {
    if (file == doc_.file()) return &doc_.text();
    const HeldCaptions* held = doc_.captionFile(file.string());
    return held ? &held->text : nullptr;
}

void StudioApp::offerRecoveries() {
    // The last session's recoveries (the exhibit's and its caption files', as one set) are
    // set aside before they are offered, so this session's edits are kept in files of their
    // own while they wait, even past "Decide later".
    const auto files = recoverableFiles();
    if (auto error = setRecoveriesAside(files)) setStatus(error->message, true);
    for (RecoverySet& set : recoverySetsAside(files)) {
        // A recovery that holds its file's text has nothing to offer.
        std::erase_if(set.recoveries, [&](const auto& kept) {
            const std::string* held = heldText(kept.first);
            if (!held || *held != kept.second.text) return false;
            removeSetAside(kept.second);
            return true;
        });
        if (!set.recoveries.empty()) recoveryOffers_.push_back(std::move(set));
    }
}

// Makes `recovery`'s text the unsaved text of `file`, kept in this session's recovery file at
// once: only then is the set-aside copy removed, so no moment holds the edits in neither.
bool StudioApp::restoreOne(const std::filesystem::path& file, const Recovery& recovery) {
    const std::string* held = heldText(file);
    const std::string name = file.filename().string();
    if (!held) {
        setStatus("Cannot restore the edits of " + name + ": the exhibit no longer uses it", true);
        return false;
    }
    if (*held == recovery.text) return true;
    const bool exhibit = file == doc_.file();
    const std::string unsaved = " unsaved " + describeTime(recovery.written);
    auto error = exhibit ? doc_.replaceText("restore the edits" + unsaved, recovery.text)
                         : doc_.replaceCaptionText(file.string(), "restore the edits of " + name + unsaved, recovery.text);
    if (!error) error = writeRecovery(file, recovery.text);
    if (error) {
        setStatus(name + ": " + error->message, true);
        return false;
    }
    if (exhibit) recoveryWritten_ = recovery.text;
    else captionRecoveriesWritten_[file.string()] = recovery.text;
    return true;
}

bool StudioApp::restoreRecovery() {
    if (recoveryOffers_.empty()) {
        setStatus("There are no unsaved edits to restore", true);
        return false;
    }
    RecoverySet set = std::move(recoveryOffers_.front());
    recoveryOffers_.pop_front();
    // The exhibit first: its text says which caption files it holds.
    if (auto exhibit = set.recoveries.find(doc_.file()); exhibit != set.recoveries.end())
        if (!restoreOne(exhibit->first, exhibit->second)) return false;
    for (const auto& [file, recovery] : set.recoveries)
        if (file != doc_.file() && !restoreOne(file, recovery)) return false;
    removeSetAside(set);
    setStatus("Restored the edits unsaved " + describeTime(set.written) + " (not saved yet; Undo takes them back)");
    previewDirty_ = true;
    return true;
}

bool StudioApp::discardRecovery() {
    if (recoveryOffers_.empty()) {
        setStatus("There are no unsaved edits to discard", true);
        return false;
    }
    removeSetAside(recoveryOffers_.front());
    recoveryOffers_.pop_front();
    setStatus("Discarded the unsaved edits of the last session");
    return true;
}

bool StudioApp::deferRecovery() {
    if (recoveryOffers_.empty()) {
        setStatus("There are no unsaved edits to decide on", true);
        return false;
    }
    recoveryOffers_.pop_front();  // its files stay set aside: offered again at the next start
    setStatus("The unsaved edits of the last session are kept for the next start");
    return true;
}

void StudioApp::drawRecoveryOffer() {
    if (recoveryOffers_.empty()) return;
    const auto choice =
        recoveryPanel_.drawOffer(recoveryOffers_.front(), [this](const std::filesystem::path& file) { return heldText(file); });
    if (!choice) return;
    switch (*choice) {
        case RecoveryChoice::Restore: restoreRecovery(); break;
        case RecoveryChoice::Discard: discardRecovery(); break;
        case RecoveryChoice::Later: deferRecovery(); break;
    }
}

void StudioApp::drawNotReapplied() {
    if (notReapplied_.empty() || !recoveryOffers_.empty()) return;
    if (recoveryPanel_.drawNotReapplied(doc_.file(), notReapplied_)) notReapplied_.clear();
}

}  // namespace vitrine::studio
