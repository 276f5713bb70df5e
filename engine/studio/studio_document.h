#pragma once
// The exhibit open in the studio: its text, what that text compiles to, what is selected,
// and the edits made to it (as undoable commands that change only the characters they
// must). No window and no GPU: the studio program draws it, tests drive it directly.
// The caption files it holds are in studio_document_captions.cpp, and reading the exhibit
// again after another program changed it in studio_document_reload.cpp.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exhibit/exhibit_loader.h"
#include "player/compile_options.h"
#include "files/atomic_save.h"
#include "studio/caption_edits.h"
#include "studio/element_path.h"
#include "studio/preview_languages.h"
#include "studio/text_edit.h"
#include "text/font_library.h"
#include "text/layout_check.h"

namespace vitrine::studio {

/// What is selected: an item (Show::items) or a scene (Show::scenes), by index.
struct Selection {
    enum class Kind { None, Item, Scene };
    Kind kind = Kind::None;
    int index = -1;

    bool empty() const { return kind == Kind::None; }
    friend bool operator==(const Selection&, const Selection&) = default;
};

/// A place on the timeline that survives a reload: a scene and the time into it.
struct PlayheadPosition {
    std::string scene;  // empty when outside every scene; `offset` is then the show time
    Micros offset = 0;
};

/// The outcome of reading the file again.
enum class ReloadOutcome {
    Unchanged,  // the file holds what the studio already shows
    Reloaded,   // a new show was compiled
    Broken,     // the file no longer compiles: the last good show stays, with the errors listed
};

/// What the last reload from disk did with the edits not yet saved.
struct ReloadReport {
    int reapplied = 0;                      // unsaved edits made again on the file's new text
    std::vector<std::string> notReapplied;  // "what: why" of each edit that could not be
    bool waiting = false;  // the new text does not compile: the edits wait until it does
};

/// How to make an edit on a text and the script it compiles to: the characters to change,
/// or why the edit cannot be made there. Elements are found by ElementPath, never by line,
/// so the same recipe can be made again on a text that another program has changed.
using EditRecipe = std::function<Result<TextEdit>(std::string_view text, const Script& script)>;

/// One edit made in the studio: of the exhibit's text, or of one of its caption files.
struct EditCommand {
    std::string description;  // "dur of <text> at line 12 → 9s"
    TextEdit forward;
    TextEdit backward;
    EditRecipe recipe;  // what made `forward`, to make it again on another text
    // A caption file's edit: the file (empty for the exhibit's own text), and the recipe
    // that takes it back. Caption edits are undone through it too, because the file may
    // have been read again from disk since (the cue is found by what the edit made).
    std::string captions;
    CaptionRecipe undoRecipe;
};

/// A caption file an exhibit names, as the studio holds it: the text the designer edits
/// (the studio's source of truth for it, saved with the exhibit) and what it was on disk.
struct HeldCaptions {
    std::string text;       // as edited, saved or not
    std::string savedText;  // as last read or written
    CaptionTrack track;     // `text` parsed, as the player reads it
    Micros soundEnd = 0;    // the end of the sound it captions, in the sound's own time
};

/// The document: text, compiled show (the last good one when the text is broken),
/// diagnostics, selection, undo history.
class StudioDocument {
public:
    /// Opens `file`; check loadError() and show().
    explicit StudioDocument(std::filesystem::path file);

    /// The exhibit file.
    const std::filesystem::path& file() const { return file_; }
    /// The text as edited (saved or not).
    const std::string& text() const { return text_; }
    /// Why the file could not be read, or empty.
    const std::string& loadError() const { return loadError_; }

    /// The show on screen: the current text's, or the last good one when it does not compile.
    const Show* show() const { return show_.get(); }
    /// A shared handle on the show, for renderers that must outlive a reload.
    std::shared_ptr<const Show> sharedShow() const { return show_; }
    /// The script that goes with show().
    const Script* script() const { return script_.get(); }
    /// True when show() is older than the text (the text does not compile).
    bool showIsStale() const { return stale_; }
    /// Diagnostics of the current text (not of the stale show).
    const Diagnostics& diagnostics() const { return diagnostics_; }
    /// Counts loads that produced a new show (renderers rebuild when it changes).
    int showGeneration() const { return generation_; }
    /// What the layout check found for each text, kept across compiles (with its counts).
    const text::LayoutFindings& layoutFindings() const { return *layoutFindings_; }
    /// The languages the studio previews (View ▸ Languages). Not an edit: the text, the undo
    /// history and modified() stay as they were. The layout warnings among diagnostics() are
    /// then those of the texts as previewed (the default, the main language, keeps `vitrine
    /// check`'s: each language of a text alone). Kept across edits and reloads; back to the
    /// main language when the exhibit no longer has the language chosen.
    const PreviewLanguages& previewLanguages() const { return previewLanguages_; }
    void setPreviewLanguages(const PreviewLanguages& languages);

    /// The selection.
    const Selection& selection() const { return selection_; }
    /// Selects item `index` (ignored when out of range).
    void selectItem(int index);
    /// Selects scene `index` (ignored when out of range).
    void selectScene(int index);
    /// Clears the selection.
    void clearSelection() { selection_ = {}; }
    /// Selects the item or scene written at or around `where` (a diagnostic's place): the
    /// innermost one whose element starts on that line or encloses it. False when none does.
    bool selectAt(const SourceLocation& where);
    /// The element that `selection` points to, or nullptr.
    const ScriptNode* nodeOf(const Selection& selection) const;
    /// Where `selection` is written, or an empty location.
    SourceLocation locationOf(const Selection& selection) const;
    /// The path of the element `selection` points to, for an edit recipe; nullopt when none.
    std::optional<ElementPath> pathOf(const Selection& selection) const;

    /// Makes the edit `recipe` gives on the current text, as one undoable command. Every
    /// change the studio makes goes through here (the setters below are recipes too).
    /// Returns why nothing changed, or nullopt.
    std::optional<Error> edit(std::string description, EditRecipe recipe);

    /// Sets an attribute of the selected element, as one undoable command. Returns why
    /// nothing changed, or nullopt.
    std::optional<Error> setAttribute(const Selection& target, const std::string& name, const std::string& value);
    /// Sets the text inside the selected element (a <text> without markup).
    std::optional<Error> setContent(const Selection& target, const std::string& content);
    /// Sets how long an item or scene lasts: its `dur`, written as the shortest clear time.
    /// (The timeline's drags go through timing_edits.h, which keeps the unit written.)
    std::optional<Error> setDuration(const Selection& target, Micros duration);
    /// Replaces the whole text with `text` (a recovered version) as one undoable edit; made
    /// again after a reload only where the file still holds what it replaced.
    std::optional<Error> replaceText(std::string description, const std::string& text);

    /// The caption files the exhibit's sounds and videos name (each readable one, by the
    /// resolved path the show has), as edited.
    const std::map<std::string, HeldCaptions>& captionFiles() const { return captions_; }
    /// One of them, or nullptr.
    const HeldCaptions* captionFile(const std::string& file) const;
    /// Counts changes to the caption texts (the timeline redraws their cues when it changes).
    int captionsGeneration() const { return captionsGeneration_; }
    /// Makes the edit `recipe` gives on caption file `file`'s text, as one undoable command
    /// (undone by `undoRecipe`). Returns why nothing changed, or nullopt.
    std::optional<Error> editCaptions(const std::string& file, std::string description, CaptionRecipe recipe,
                                      CaptionRecipe undoRecipe);
    /// Retimes cue `index` (in track order) of caption file `file`: moved, or either edge
    /// trimmed, by `delta`, clamped between its neighbours, 0 and the sound's end
    /// (draggedCue). One undoable command; why nothing changed, or nullopt.
    std::optional<Error> dragCue(const std::string& file, std::size_t index, CueDrag drag, Micros delta);
    /// Replaces caption file `file`'s whole text (a recovered version), as one undoable edit.
    std::optional<Error> replaceCaptionText(const std::string& file, std::string description, const std::string& text);
    /// The caption files whose text differs from what is on disk, with that text (what a
    /// recovery file keeps).
    std::vector<std::pair<std::string, std::string>> unsavedCaptions() const;
    /// What the project's caption check (checkCaptionCues) found in the caption files the
    /// last save wrote, read from the exact text written.
    const Diagnostics& lastSaveFindings() const { return saveFindings_; }
    /// Reads caption file `file` again (another program changed it), then makes every unsaved
    /// edit of it again through its recipe (lastReload() lists those that no longer fit).
    ReloadOutcome reloadCaptionsFromDisk(const std::string& file);

    /// Undoes the last edit; false when there is none (or while edits wait for a broken
    /// file to be fixed), or when a caption file no longer holds what the edit made, with
    /// the reason in `why`.
    bool undo(Error* why = nullptr);
    /// Makes the last undone edit again, through its recipe on the text as it is now (so a
    /// redo still fits after a reload); false when there is none or it no longer fits, with
    /// the reason in `why`.
    bool redo(Error* why = nullptr);
    bool canUndo() const { return !undo_.empty() && !heldHistory_; }
    bool canRedo() const { return !redo_.empty() && !heldHistory_; }
    /// Description of the edit undo() would take back, or empty.
    std::string undoDescription() const { return undo_.empty() ? std::string() : undo_.back().description; }
    /// Description of the edit redo() would make again, or empty.
    std::string redoDescription() const { return redo_.empty() ? std::string() : redo_.back().description; }

    /// True when the designer has edits that are not on disk: the text differs from what was
    /// last saved or read, or edits wait for a broken file to be fixed.
    bool modified() const {
        return text_ != savedText_ || (heldHistory_ && heldHistory_->text != heldHistory_->base) ||
               captionsModified();
    }
    /// The designer's text with every unsaved edit: text(), or while the file on disk is
    /// broken, the text the waiting edits were made on (what a recovery file keeps).
    const std::string& unsavedText() const { return heldHistory_ ? heldHistory_->text : text_; }
    /// Saves atomically: the caption files that changed, then the exhibit. Nothing is marked saved unless the bytes were written: an error
    /// says why (the edits stay unsaved). Refused while unsaved edits wait for a broken file
    /// on disk to be fixed, since writing would drop either them or the other program's text.
    std::optional<Error> save(const SaveFailureInjector& inject = {});

    /// Reads the file again (after another program changed it), then makes every unsaved
    /// edit again on the new text through its recipe, in order (lastReload() lists those
    /// that no longer fit); undo and redo are kept, re-based on the new text. When the new
    /// text does not compile, the edits and history wait until a reload that does.
    ReloadOutcome reloadFromDisk();
    /// What the last reloadFromDisk() that found a change did with the unsaved edits.
    const ReloadReport& lastReload() const { return lastReload_; }

    /// The place of show time `t`, for keeping it across a reload.
    PlayheadPosition positionOf(Micros t) const;
    /// The show time of `position` in the current show: same scene and offset (clamped into
    /// the scene), or the same time when the scene is gone.
    Micros timeOf(const PlayheadPosition& position) const;

private:
    void compile();
    std::optional<Error> editable(const Selection& target) const;
    void record(std::string description, TextEdit forward, EditRecipe recipe);
    void rebaseHistory(const std::string& oldBase, const std::string& designerText);
    bool captionsModified() const;
    void holdCaptions();
    void captionsChanged(HeldCaptions& held, const std::string& file);
    std::string& textOf(const EditCommand& command);
    void changed(const EditCommand& command);

    // While the file on disk does not compile, the history cannot be re-based on it: it
    // waits with the saved text it was made on and the designer's text.
    struct HeldHistory {
        std::string base;
        std::string text;
    };

    std::filesystem::path file_;
    // As the player compiles (media durations, map checks), with every media file decoded for
    // the diagnostics; keeps what it read and decoded between compiles.
    CompileOptions compileOptions_ = mediaCheckingOptions();
    std::string text_;
    std::string savedText_;
    std::string loadError_;
    std::shared_ptr<const Show> show_;
    std::shared_ptr<const Script> script_;
    Diagnostics diagnostics_;
    // The bundled fonts the layout check measures with, loaded on the first compile, and what
    // it found for each text, so an edit lays out again only the texts it changed.
    std::shared_ptr<text::FontLibrary> fonts_;
    std::unique_ptr<text::LayoutFindings> layoutFindings_ = std::make_unique<text::LayoutFindings>();
    PreviewLanguages previewLanguages_;
    bool stale_ = false;
    int generation_ = 0;
    Selection selection_;
    std::vector<EditCommand> undo_, redo_;
    // How many commands of the history (undo_, then redo_ from its back) make savedText_;
    // -1 when no undo or redo leads back to it (an edit after undoing past a save).
    int savedDepth_ = 0;
    std::optional<HeldHistory> heldHistory_;
    ReloadReport lastReload_;
    std::map<std::string, HeldCaptions> captions_;
    int captionsGeneration_ = 0;
    Diagnostics saveFindings_;
};

/// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> readTextFile(const std::filesystem::path& file);

}  // namespace vitrine::studio
