#pragma once
// The studio's window: the preview drawn by the player's renderer, transport, timeline,
// inspector and diagnostics, over a StudioDocument. Scripted actions (--script) drive the
// same paths as the mouse, so an end-to-end test exercises what a designer uses.

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "caption_timing_panel.h"
#include "cue_list_panel.h"
#include "imgui_sfml.h"
#include "inspector_panel.h"
#include "preview_panel.h"
#include "script_actions.h"
#include "player/live_show.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "studio/file_watcher.h"
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

private:
    void frame(float seconds);
    void handleEvent(const sf::Event& event);
    void reloadIfChanged();
    void ensureLive();
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
    void drawCueList(float x, float y, float w, float h);
    void save();
    void undo();
    void redo();
    void select(const Selection& s, bool moveToIt);
    void setStatus(std::string message, bool error = false);
    void updateAudio();

    // Caption timing ("Time captions" on a selected <audio captions=...>).
    bool startCaptionTiming();
    bool tapCaption();
    bool endCaptionLine();
    bool untapCaption();
    bool saveCaptions();
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

    // Script actions (script_actions.cpp): one table of verbs.
    bool runAction(const std::string& action);
    bool selectByScript(const std::string& words);
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
    bool cueListShown_ = false;

    Micros t_ = 0;  // the playhead this frame: the live show's clock, read once a frame
    int speedIndex_ = 2;
    std::string status_;
    bool statusIsError_ = false;
    InspectorPanel inspector_;

    AudioDevice audioDevice_ = AudioDevice::SoundCard;

    std::optional<CaptionTimingPanel> timing_;
    std::optional<sf::Keyboard::Key> heldTimingKey_;  // a held key repeats; one press is one tap

    std::deque<std::string> actions_;
    int waitFrames_ = 0;
    std::string screenshotPath_;  // captured at the end of this frame
    bool screenshotPreviewOnly_ = false;  // only the preview's picture, as it is shown
    int exitCode_ = 0;
    bool quit_ = false;
};

}  // namespace vitrine::studio
