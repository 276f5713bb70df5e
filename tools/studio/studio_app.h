#pragma once
// The studio's window: the preview drawn by the player's renderer, transport, timeline,
// inspector and diagnostics, over a StudioDocument. Scripted actions (--script) drive the
// same paths as the mouse, so an end-to-end test exercises what a designer uses.

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "caption_timing_panel.h"
#include "canvas_select_tool.h"
#include "export_job.h"
#include "export_panel.h"
#include "projector_window.h"
#include "recovery_panel.h"
#include "style_editor_panel.h"
#include "cue_list_panel.h"
#include "imgui_sfml.h"
#include "inspector_panel.h"
#include "menu_bar.h"
#include "media_bin_panel.h"
#include "map_tool.h"
#include "preview_panel.h"
#include "script_actions.h"
#include "studio_commands.h"
#include "player/live_show.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "studio/file_watcher.h"
#include "studio/recovery_file.h"
#include "studio/item_insert.h"
#include "studio/studio_document.h"
#include "timeline_panel.h"

namespace vitrine::studio {

/// How the studio starts.
struct StudioOptions {
    std::string file;
    sf::Vector2u windowSize{1600, 900};
    std::string script;  // actions separated by ';' (see script_actions.cpp)
    std::string at;      // where the playhead starts: TIME, SCENE or SCENE+TIME
};

/// The studio program's window and frame loop.
class StudioApp {
public:
    explicit StudioApp(StudioOptions options);
    ~StudioApp();

    /// Runs until the window closes or the script quits; the exit status.
    int run();

    /// The verbs of --script (script_actions.cpp).
    static const std::vector<ScriptAction>& scriptActions();
    /// The commands of the menus, keys, right-click menus and --script (studio_commands.cpp).
    static const std::vector<StudioCommand>& commands();

private:
    void frame(float seconds);
    void handleEvent(const sf::Event& event);
    void reloadIfChanged();
    // The preview's live show, clock, sound and picture (studio_playback.cpp), with updateAudio.
    void ensureLive();
    std::shared_ptr<const Show> previewedShow() const;
    bool choosePreviewLanguages(const std::string& words);  // View ▸ Languages
    std::string previewLanguagesLabel() const;              // "Preview: French"
    bool playing() const;
    void setPlaying(bool on);
    void setSpeed(int index);
    void renderPreview();
    void seek(Micros t);
    void applyResize(const Selection& target, Micros duration);
    // The timeline's drags, nudges and cue list (studio_timeline_edits.cpp).
    void applyChipDrag(const ChipDragRequest& drag);
    bool nudgeFrames(int frames);
    bool timingByScript(ChipPart part, const std::string& words);
    void applyCueDrag(const CueDragRequest& drag);
    bool cueByScript(CueDrag drag, const std::string& words);
    void drawCueList(float x, float y, float w, float h);
    void save();
    void undo();
    void redo();
    void select(const Selection& s, bool moveToIt);
    void setStatus(std::string message, bool error = false);
    void setStatus(const Error& error, bool isError = true) { setStatus(error.message, isError); }
    void updateAudio();

    // Caption timing ("Time captions" on a selected <audio captions=...>).
    bool startCaptionTiming();
    bool tapCaption();
    bool endCaptionLine();
    bool untapCaption();
    bool saveCaptions(UntimedLines untimed = UntimedLines::KeepTimes);
    void cancelCaptionTiming(const std::string& why);
    const Item* timedItem() const;
    std::optional<Micros> timedMediaTime(Micros showTime) const;
    Micros heardShowTime() const;
    bool handleCaptionTimingKey(const sf::Event::KeyEvent& key);

    void drawToolbar();
    void drawPreview(float x, float y, float w, float h);
    void drawTransport(float x, float y, float w, float h);
    void drawTimeline(float x, float y, float w, float h);
    void drawInspector(float x, float y, float w, float h);
    void drawCaptionTiming(float x, float y, float w, float h);
    void drawDiagnostics(float x, float y, float w, float h);
    void drawStatus(float x, float y, float w, float h);

    // Never losing work: the recovery files, and the edits a reload could not make again
    // (studio_recovery.cpp).
    void offerRecoveries();
    std::vector<std::filesystem::path> recoverableFiles() const;
    const std::string* heldText(const std::filesystem::path& file) const;
    bool restoreOne(const std::filesystem::path& file, const Recovery& recovery);
    void keepRecovery();
    bool restoreRecovery();
    bool discardRecovery();
    bool deferRecovery();
    void drawRecoveryOffer();
    void drawNotReapplied();
    // The caption files the document holds: their recovery files and their reload when
    // another program changes them (studio_caption_files.cpp).
    void keepCaptionRecoveries();
    void reloadCaptionsIfChanged();
    void feedCaptions();
    // Commands and the structure edits they make (studio_structure.cpp).
    bool runCommand(const StudioCommand& command, const std::string& argument);
    bool runShortcut(const sf::Event::KeyEvent& key);
    void drawMenuBar();
    void drawSceneList(float x, float y, float w, float h);
    int selectedScene() const;  // the selected scene, or the selected item's; -1 when none
    std::string selectedSceneId() const;
    std::string selectedSceneAttribute(const std::string& name) const;
    std::vector<std::string> styles() const;
    std::string selectionName() const;
    bool editStructure(const std::string& description, EditRecipe recipe, bool selectInserted);
    bool copySelection();
    bool deleteSelection();
    bool duplicateSelection();
    bool paste();
    bool setStyle(const std::string& name);
    bool duplicateScene(const std::string& id);
    bool renameScene(const std::string& names);
    bool setSceneAttribute(const std::string& name, const std::string& value);
    bool setTransition(const std::string& transition);
    bool moveScene(const std::string& args);
    bool moveSelectedScene(int delta);
    bool newScene(const std::string& duration);
    bool revert();
    void requestQuit();
    bool newExhibit(const std::string& folder);
    bool openExhibit(const std::string& file);
    // Inserting items, the media bin and importing (studio_insert.cpp).
    bool insertFromCommand(InsertKind kind, const std::string& words);
    void chooseToInsert(InsertKind kind);
    bool insert(InsertRequest request, std::optional<std::string> scene, std::optional<Micros> at);
    bool insertFile(std::optional<InsertKind> kind, const std::string& file, std::optional<std::string> scene,
                    std::optional<Micros> at, std::optional<CanvasPoint> place);
    bool insertByScript(InsertKind kind, const std::string& words);
    void insertDropped(const std::string& file, std::optional<Micros> time, std::optional<CanvasPoint> place);
    bool dropByScript(const std::string& words);
    std::optional<std::string> importFile(const std::filesystem::path& file);
    void openImportBrowser();
    void drawMediaBin(float x, float y, float w, float h);
    // Editing on the preview's picture (studio_canvas.cpp).
    CanvasTool& activeCanvasTool();
    CanvasContext canvasContext() const;
    void applyPreviewRequest(const PreviewRequest& request);
    bool pointerOnMap(const PreviewRequest& request);
    void applyCanvasRequest(const CanvasRequest& request);
    bool canvasPointer(CanvasPointer pointer);
    bool canvasDrag(CanvasPoint from, CanvasPoint to, bool shift, bool alt);
    bool nudgeSelection(double dx, double dy);
    bool nudgeKey(const sf::Event::KeyEvent& key);
    bool setCanvasToggle(bool& toggle, const std::string& word);
    bool setPanZoomByScript(const std::string& words);
    bool resizeByScript(const std::string& words);
    // Styles, export and the projector (studio_output.cpp).
    void drawOutput();
    bool editStyle(const std::string& description, EditRecipe recipe);
    bool styleByScript(const std::string& verb, const std::string& words);
    bool startExport(ExportKind kind, const std::string& file, const std::string& from, const std::string& to);
    bool exportByScript(ExportKind kind, const std::string& words);
    bool exportWaits() const;
    bool showOnProjector(const std::string& how);
    void updateProjector();

    // Script actions (script_actions.cpp): one table of verbs.
    bool runAction(const std::string& action);
    bool selectByScript(const std::string& words);
    /// Shows what the map tool did and draws the preview again; false when it could not.
    bool reportMap(const MapToolOutcome& outcome);
    /// Saves the window, or `part` of it, as a PNG.
    void captureWindow(const std::string& path, std::optional<sf::IntRect> part = std::nullopt);

    StudioOptions options_;
    StudioDocument doc_;
    FileWatcher watcher_;
    sf::RenderWindow window_;
    std::unique_ptr<ImGuiSfml> gui_;
    std::unique_ptr<render::RenderResources> resources_;
    // The show on screen and in the speakers, with its clock; made once the document has a
    // show (and the window its GL context), replaced when the document's show changes.
    std::unique_ptr<LiveShow> live_;
    int liveGeneration_ = -1;
    PreviewPanel preview_;
    sf::Vector2u previewSize_{0, 0};
    bool previewDirty_ = true;
    std::uint64_t imagesSeen_ = 0;
    TimelinePanel timeline_;
    CanvasSelectTool selectTool_;
    bool canvasFocused_ = false;  // the last press was on the picture: the arrow keys nudge
    MapTool mapTool_;
    bool cueListShown_ = false;

    Micros t_ = 0;  // the playhead this frame: the live show's clock, read once a frame
    int speedIndex_ = 2;
    std::string status_;
    bool statusIsError_ = false;
    InspectorPanel inspector_;
    MediaBinPanel mediaBin_;

    AudioDevice audioDevice_ = AudioDevice::SoundCard;

    std::optional<CaptionTimingPanel> timing_;
    std::optional<sf::Keyboard::Key> heldTimingKey_;  // a held key repeats; one press is one tap

    // The sessions' recoveries set aside at start (the exhibit's and its caption files'), not
    // yet restored, discarded or left for later; the first is offered.
    std::deque<RecoverySet> recoveryOffers_;
    std::string recoveryWritten_;             // the text last written to the recovery file
    sf::Clock sinceRecovery_;
    std::vector<std::string> notReapplied_;  // listed until the designer dismisses them
    RecoveryPanel recoveryPanel_;
    std::map<std::string, std::string> captionRecoveriesWritten_;  // by caption file
    std::map<std::string, std::unique_ptr<FileWatcher>> captionWatchers_;
    int fedCaptions_ = -1;  // the document's captionsGeneration() the preview draws
    StyleEditorPanel styles_;
    ExportPanel exportPanel_;
    ExportJob export_;
    bool exportFromScript_ = false;  // a script waits for it, and fails when it fails
    ProjectorWindow projector_;

    std::deque<std::string> actions_;
    int waitFrames_ = 0;
    std::string screenshotPath_;  // captured at the end of this frame
    bool screenshotPreviewOnly_ = false;  // only the preview's picture, as it is shown
    int exitCode_ = 0;
    bool quit_ = false;
    std::string titleShown_;  // the window's title, set when the previewed languages change

    MenuBar menuBar_;
    std::string clipboard_;      // the copied scene or item, as written (XML)
    bool runningScript_ = false;  // a --script action is running (it is not asked questions)
};

}  // namespace vitrine::studio
