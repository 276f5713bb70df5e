#include "studio_app.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "output/offscreen.h"
#include "render/image_draw_size.h"
#include "script_actions.h"
#include "diagnostics_panel.h"
#include "studio_panels.h"
#include "toolbar.h"
#include "transport_panel.h"
#include "studio_theme.h"
#include "text/font_library.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr float kFontPixels = 17;
constexpr int kFrameRateLimit = 60;

// The fixed layout, in pixels of the window.
constexpr float kToolbarHeight = 44;
constexpr float kStatusHeight = 30;
constexpr float kSideWidthFraction = 0.30f;
constexpr float kTransportHeight = 56;
constexpr float kTimelineFraction = 0.32f;
constexpr float kInspectorFraction = 0.55f;
constexpr float kSceneListFraction = 0.13f;
constexpr float kMediaBinFraction = 0.6f;  // of the side column's height under the inspector
constexpr float kCueListFraction = 0.34f;  // of the timeline's row, when shown

}  // namespace

StudioApp::StudioApp(StudioOptions options)
    : options_(std::move(options)), doc_(options_.file), watcher_(options_.file) {
    sf::ContextSettings settings;
    window_.create(sf::VideoMode(options_.windowSize.x, options_.windowSize.y), "Vitrine Studio", sf::Style::Default,
                   settings);
    window_.setFramerateLimit(kFrameRateLimit);
    window_.setActive(true);
    gui_ = std::make_unique<ImGuiSfml>(window_, text::bundledFontsDirectory() / "DejaVuSans.ttf", kFontPixels);
    theme::apply();
    for (auto& a : splitScript(options_.script)) actions_.push_back(a);
    if (!doc_.loadError().empty()) setStatus(doc_.loadError(), true);
    if (doc_.show() && !options_.at.empty()) {
        if (auto t = resolvePosition(*doc_.show(), options_.at)) t_ = *t;
        else setStatus("--at: " + t.error().message, true);
    }
    if (doc_.loadError().empty()) offerRecoveries();
    if (!watcher_.ok()) setStatus("cannot watch " + options_.file + " for changes; reload by reopening", true);
    // With no sound card (CI, a test rig) OpenAL is told ALSOFT_DRIVERS=null, as for the
    // player: the sound is then mixed at real-time pace and discarded.
    const char* drivers = std::getenv("ALSOFT_DRIVERS");
    if (drivers && std::string(drivers) == "null") audioDevice_ = AudioDevice::Null;
    ensureLive();
}

StudioApp::~StudioApp() {
    live_.reset();
    gui_.reset();
}

int StudioApp::run() {
    sf::Clock clock;
    while (window_.isOpen() && !quit_) {
        sf::Event event;
        // Events wait for the frame that takes them (ImGuiSfml): none shorter than a frame is lost.
        while (window_.pollEvent(event)) gui_->queueEvent(event);
        float seconds = clock.restart().asSeconds();
        frame(seconds);
    }
    return exitCode_;
}

void StudioApp::handleEvent(const sf::Event& event) {
    if (event.type == sf::Event::Closed) requestQuit();
    if (event.type == sf::Event::Resized)
        window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                               static_cast<float>(event.size.height))));
    // A key released in another window never reports its release here.
    if ((event.type == sf::Event::KeyReleased && heldTimingKey_ == event.key.code) ||
        event.type == sf::Event::LostFocus)
        heldTimingKey_.reset();
    if (event.type != sf::Event::KeyPressed) return;
    const auto& key = event.key;
    if (timing_ && handleCaptionTimingKey(key)) return;
    // Arrows nudge the item picked on the picture before they step frames.
    if (canvasFocused_ && !ImGui::GetIO().WantTextInput && nudgeKey(key)) return;
    if (runShortcut(key)) return;  // the command table's keys (studio_commands.cpp)
    if (ImGui::GetIO().WantTextInput) return;  // typing: undo belongs to the text field
    if (key.control && key.shift && key.code == sf::Keyboard::Z) redo();
    // Alt+arrows nudge the selection by a frame on the timeline, as , and . do.
    if (key.alt && key.code == sf::Keyboard::Left) nudgeFrames(-1);
    if (key.alt && key.code == sf::Keyboard::Right) nudgeFrames(1);
}

void StudioApp::frame(float seconds) {
    reloadIfChanged();
    reloadCaptionsIfChanged();
    keepRecovery();
    if (waitFrames_ > 0) {
        --waitFrames_;
    } else if (exportWaits()) {
        // A script's export runs on; its next action waits for it (studio_output.cpp).
    } else if (!actions_.empty()) {
        std::string action = actions_.front();
        actions_.pop_front();
        if (!runAction(action)) {
            std::fprintf(stderr, "vitrine-studio: script: cannot do '%s'%s%s\n", action.c_str(),
                         status_.empty() ? "" : ": ", status_.c_str());
            exitCode_ = 2;
            quit_ = true;
            return;
        }
        if (quit_) return;
    }
    ensureLive();
    if (playing()) {
        // The playhead is the live show's clock, read once a frame so the whole frame agrees.
        t_ = live_->clock().position();
        if (t_ >= doc_.show()->duration) {
            setPlaying(false);
            seek(doc_.show()->duration - 1);
        }
        previewDirty_ = true;
    }
    updateAudio();
    // The title says in which languages the preview shows the exhibit (View ▸ Languages).
    if (std::string title = "Vitrine Studio — " + previewLanguagesLabel(); title != titleShown_) {
        window_.setTitle(sf::String::fromUtf8(title.begin(), title.end()));
        titleShown_ = std::move(title);
    }

    window_.setActive(true);
    // The frame's events, as ImGui sees them this frame: the studio's shortcuts act on them.
    for (const sf::Event& event : gui_->newFrame(seconds)) handleEvent(event);
    drawMenuBar();
    drawToolbar();
    sf::Vector2u size = window_.getSize();
    const float W = static_cast<float>(size.x), H = static_cast<float>(size.y);
    const float side = std::round(W * kSideWidthFraction);
    const float mainW = W - side;
    const float bodyTop = MenuBar::height() + kToolbarHeight, bodyBottom = H - kStatusHeight;
    const float timelineH = std::round((bodyBottom - bodyTop) * kTimelineFraction);
    const float previewH = bodyBottom - bodyTop - timelineH - kTransportHeight;
    const float listW = std::round(W * kSceneListFraction);
    drawSceneList(0, bodyTop, listW, previewH + kTransportHeight);
    drawPreview(listW, bodyTop, mainW - listW, previewH);
    drawTransport(listW, bodyTop + previewH, mainW - listW, kTransportHeight);
    const float cueListW = cueListShown_ ? std::round(mainW * kCueListFraction) : 0;
    drawTimeline(0, bodyTop + previewH + kTransportHeight, mainW - cueListW, timelineH);
    if (cueListShown_) drawCueList(mainW - cueListW, bodyTop + previewH + kTransportHeight, cueListW, timelineH);
    const float inspectorH = std::round((bodyBottom - bodyTop) * kInspectorFraction);
    if (timing_) drawCaptionTiming(mainW, bodyTop, side, inspectorH);
    else drawInspector(mainW, bodyTop, side, inspectorH);
    const float binH = std::round((bodyBottom - bodyTop - inspectorH) * kMediaBinFraction);
    drawMediaBin(mainW, bodyTop + inspectorH, side, binH);
    drawDiagnostics(mainW, bodyTop + inspectorH + binH, side, bodyBottom - bodyTop - inspectorH - binH);
    drawStatus(0, bodyBottom, W, kStatusHeight);
    drawRecoveryOffer();
    drawNotReapplied();
    drawOutput();

    window_.setActive(true);
    window_.resetGLStates();
    window_.clear(sf::Color(24, 26, 30));
    gui_->render();
    if (!screenshotPath_.empty()) {
        captureWindow(screenshotPath_, screenshotPreviewOnly_ ? preview_.shownRect() : std::nullopt);
        screenshotPath_.clear();
        screenshotPreviewOnly_ = false;
    }
    window_.display();
    updateProjector();
}

void StudioApp::reloadIfChanged() {
    if (!watcher_.takeChange()) return;
    PlayheadPosition position = doc_.positionOf(t_);
    switch (doc_.reloadFromDisk()) {
        case ReloadOutcome::Unchanged: return;
        case ReloadOutcome::Reloaded: {
            t_ = doc_.timeOf(position);
            const ReloadReport& report = doc_.lastReload();
            const std::string name = doc_.file().filename().string();
            if (!report.notReapplied.empty()) {
                // Listed in a window that stays until dismissed, not only in the status line.
                notReapplied_.insert(notReapplied_.end(), report.notReapplied.begin(), report.notReapplied.end());
                const std::size_t n = report.notReapplied.size();
                setStatus("Another program changed " + name + "; " + std::to_string(n) +
                              (n == 1 ? " unsaved edit" : " unsaved edits") +
                              " could not be reapplied: " + report.notReapplied.front(),
                          true);
            } else if (report.reapplied > 0) {
                setStatus("Another program changed " + name + "; your unsaved edits were made again on it (not saved yet)");
            } else {
                setStatus("Reloaded " + name);
            }
            break;
        }
        case ReloadOutcome::Broken:
            if (doc_.lastReload().waiting)
                setStatus("Another program wrote " + doc_.file().filename().string() +
                              " with errors; your unsaved edits are kept and are made again when it is fixed",
                          true);
            else
                setStatus("The file has errors; the last good version stays on screen", true);
            break;
    }
    if (timing_ && !timedItem()) cancelCaptionTiming("the timed <audio> changed in the file; caption timing stopped");
    previewDirty_ = true;
}

void StudioApp::select(const Selection& s, bool moveToIt) {
    if (s.kind == Selection::Kind::Item) doc_.selectItem(s.index);
    else if (s.kind == Selection::Kind::Scene) doc_.selectScene(s.index);
    else doc_.clearSelection();
    if (!moveToIt || !doc_.show()) return;
    if (s.kind == Selection::Kind::Item) {
        const Item& item = doc_.show()->items[s.index];
        if (t_ < item.begin || t_ >= item.end) seek(item.begin);
    } else if (s.kind == Selection::Kind::Scene) {
        const Scene& scene = doc_.show()->scenes[s.index];
        if (t_ < scene.begin || t_ >= scene.end) seek(scene.begin);
    }
}

void StudioApp::applyResize(const Selection& target, Micros duration) {
    // The script's "duration" ends here (the timeline's drags in applyChipDrag).
    if (auto error = doc_.setDuration(target, duration)) setStatus(*error, true);
    else setStatus(doc_.undoDescription());
    previewDirty_ = true;
}

void StudioApp::save() {
    // "Saved" is said only when the bytes were written.
    if (!doc_.modified()) {
        setStatus("Nothing to save: " + doc_.file().filename().string() + " already holds this text" +
                  (doc_.showIsStale() ? "; it has errors (listed), to fix in the editor that wrote them" : ""));
        return;
    }
    if (auto error = doc_.save()) {
        setStatus(*error);
        return;
    }
    // What the caption check finds in the caption files written is said, never silent.
    const Diagnostics& found = doc_.lastSaveFindings();
    if (found.empty()) {
        setStatus("Saved " + doc_.file().string());
    } else {
        const Diagnostic& first = found.all().front();
        const std::size_t more = found.all().size() - 1;
        setStatus("Saved " + doc_.file().string() + ", but the caption check found: " +
                      std::filesystem::path(first.where.file).filename().string() + ":" +
                      std::to_string(first.where.line) + ": " + first.message +
                      (more ? " (and " + std::to_string(more) + " more)" : ""),
                  true);
    }
    keepRecovery();  // the recovery file goes with the unsaved edits
}

void StudioApp::undo() {
    std::string what = doc_.undoDescription();
    if (doc_.undo()) setStatus("Undid " + what);
    previewDirty_ = true;
}

void StudioApp::redo() {
    Error why;
    if (doc_.redo(&why)) setStatus("Redid " + doc_.undoDescription());
    else if (!why.message.empty()) setStatus(why);
    previewDirty_ = true;
}

void StudioApp::setStatus(std::string message, bool error) {
    status_ = std::move(message);
    statusIsError_ = error;
    if (error) std::fprintf(stderr, "vitrine-studio: %s\n", status_.c_str());
}

void StudioApp::drawToolbar() {
    ToolbarRequest request = studio::drawToolbar(doc_, gui_->largeFont(), MenuBar::height(), kToolbarHeight);
    if (request.save) save();
    if (request.undo) undo();
    if (request.redo) redo();
}

void StudioApp::drawPreview(float x, float y, float w, float h) {
    renderPreview();
    PreviewRequest request = preview_.draw(doc_, x, y, w, h, activeCanvasTool(), canvasContext());
    // The pointer goes to the tool of what is under it when pressed: over a map the map tool
    // (place, move, pan, zoom), over anything else the select tool (select, move, resize).
    if (pointerOnMap(request)) {
        if (request.pressedElsewhere) canvasFocused_ = false;
        if (auto outcome = mapTool_.frame(doc_, t_, preview_.shownRect(), previewSize_)) reportMap(*outcome);
    } else {
        applyPreviewRequest(request);
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
        mouse.x >= x && mouse.x < x + w && mouse.y >= y && mouse.y < y + h)
        menuBar_.openContextMenu(kOnPreview);
}

void StudioApp::drawTransport(float x, float y, float w, float h) {
    TransportRequest request = studio::drawTransport(doc_.show(), t_, playing(), speedIndex_, gui_->largeFont(), x, y, w, h);
    if (request.seek) seek(*request.seek);
    if (request.togglePlay) setPlaying(!playing());
    if (request.speed) setSpeed(*request.speed);
}

void StudioApp::drawTimeline(float x, float y, float w, float h) {
    beginPanel("Timeline", x, y, w, h, ImGuiWindowFlags_NoTitleBar);
    ImGui::BeginChild("##timeline-scroll", ImVec2(0, 0), false);
    TimelineRequest request =
        timeline_.draw(doc_, t_, cueListShown_);
    ImGui::EndChild();
    ImGui::End();
    if (request.select) select(*request.select, false);
    if (request.seek) {
        seek(*request.seek);
        setPlaying(false);
    }
    if (request.drag) applyChipDrag(*request.drag);
    if (request.cueDrag) applyCueDrag(*request.cueDrag);
    if (request.toggleCueList) cueListShown_ = !cueListShown_;
    if (request.contextMenu)
        menuBar_.openContextMenu(doc_.selection().kind == Selection::Kind::Item ? kOnItem : kOnScene);
    if (request.dropMedia) insertDropped(request.dropMedia->first, request.dropMedia->second, std::nullopt);
}

void StudioApp::drawInspector(float x, float y, float w, float h) {
    InspectorRequest request = inspector_.draw(doc_, gui_->largeFont(), x, y, w, h);
    const Selection s = doc_.selection();
    if (request.setAttribute) {
        if (auto error = doc_.setAttribute(s, request.setAttribute->first, request.setAttribute->second)) {
            setStatus(*error, true);
        } else {
            setStatus(doc_.undoDescription());
            inspector_.clearNewAttribute();
        }
        previewDirty_ = true;
    }
    if (request.setContent) {
        if (auto error = doc_.setContent(s, *request.setContent)) setStatus(*error, true);
        else setStatus(doc_.undoDescription());
        previewDirty_ = true;
    }
    if (request.timeCaptions) startCaptionTiming();
}

void StudioApp::drawDiagnostics(float x, float y, float w, float h) {
    std::optional<Diagnostic> clicked = studio::drawDiagnostics(doc_.diagnostics(), doc_.file().string(), x, y, w, h);
    if (!clicked) return;
    if (doc_.selectAt(clicked->where)) select(doc_.selection(), true);
    setStatus(std::filesystem::path(clicked->where.file).filename().string() + ":" + std::to_string(clicked->where.line) +
              ":" + std::to_string(clicked->where.column) + "  " + clicked->message);
}

void StudioApp::drawStatus(float x, float y, float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 5));
    beginPanel("##status", x, y, w, h, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    // First: the languages the preview shows (View ▸ Languages), always in sight.
    ImGui::TextColored(colour(theme::kAccent), "%s", previewLanguagesLabel().c_str());
    ImGui::SameLine(0, 24);
    if (status_.empty())
        ImGui::TextColored(colour(theme::kDimText),
                           "Right-click a scene, an item or the preview for what can be done to it   "
                           "F1 every command and its keys   wheel zooms the timeline, Shift+wheel scrolls");
    else
        ImGui::TextColored(colour(statusIsError_ ? theme::kError : theme::kText), "%s", status_.c_str());
    ImGui::End();
}

void StudioApp::captureWindow(const std::string& path, std::optional<sf::IntRect> part) {
    // Called after the frame is drawn and before it is shown: the back buffer holds it.
    sf::Vector2u size = window_.getSize();
    sf::Texture texture;
    if (!texture.create(size.x, size.y)) {
        setStatus("cannot capture the window", true);
        exitCode_ = 2;
        return;
    }
    texture.update(window_);
    sf::Image image = texture.copyToImage();
    if (part) {
        sf::Image cropped;
        cropped.create(static_cast<unsigned>(part->width), static_cast<unsigned>(part->height));
        cropped.copy(image, 0, 0, *part);
        image = cropped;
        size = cropped.getSize();
    }
    if (auto error = output::savePngAtomically(image, path)) {
        setStatus(error->message, true);
        exitCode_ = 2;
    } else {
        std::printf("%s: %ux%u screenshot\n", path.c_str(), size.x, size.y);
    }
}

}  // namespace vitrine::studio
