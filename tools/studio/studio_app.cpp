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
constexpr Micros kLookahead = 10 * kMicrosPerSecond;  // images decoded ahead of the playhead

// The fixed layout, in pixels of the window.
constexpr float kToolbarHeight = 44;
constexpr float kStatusHeight = 30;
constexpr float kSideWidthFraction = 0.30f;
constexpr float kTransportHeight = 56;
constexpr float kTimelineFraction = 0.32f;
constexpr float kInspectorFraction = 0.55f;
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
        std::string why;
        if (auto t = resolvePosition(*doc_.show(), options_.at, &why)) t_ = *t;
        else setStatus("--at: " + why, true);
    }
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
        while (window_.pollEvent(event)) handleEvent(event);
        float seconds = clock.restart().asSeconds();
        frame(seconds);
    }
    return exitCode_;
}

void StudioApp::handleEvent(const sf::Event& event) {
    gui_->processEvent(event);
    if (event.type == sf::Event::Closed) quit_ = true;
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
    if (key.control && key.code == sf::Keyboard::S) save();
    else if (ImGui::GetIO().WantTextInput) return;  // typing: undo belongs to the text field
    else if (key.control && key.code == sf::Keyboard::Z && !key.shift) undo();
    else if (key.control && (key.code == sf::Keyboard::Y || (key.code == sf::Keyboard::Z && key.shift))) redo();
    else if (key.code == sf::Keyboard::Space) setPlaying(!playing());
    else if (key.code == sf::Keyboard::Comma || (key.alt && key.code == sf::Keyboard::Left)) nudgeFrames(-1);
    else if (key.code == sf::Keyboard::Period || (key.alt && key.code == sf::Keyboard::Right)) nudgeFrames(1);
    else if (key.code == sf::Keyboard::Left) seek(t_ - kFrameStep);
    else if (key.code == sf::Keyboard::Right) seek(t_ + kFrameStep);
}

void StudioApp::frame(float seconds) {
    reloadIfChanged();
    if (waitFrames_ > 0) {
        --waitFrames_;
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

    window_.setActive(true);
    gui_->newFrame(seconds);
    drawToolbar();
    sf::Vector2u size = window_.getSize();
    const float W = static_cast<float>(size.x), H = static_cast<float>(size.y);
    const float side = std::round(W * kSideWidthFraction);
    const float mainW = W - side;
    const float bodyTop = kToolbarHeight, bodyBottom = H - kStatusHeight;
    const float timelineH = std::round((bodyBottom - bodyTop) * kTimelineFraction);
    const float previewH = bodyBottom - bodyTop - timelineH - kTransportHeight;
    drawPreview(0, bodyTop, mainW, previewH);
    drawTransport(0, bodyTop + previewH, mainW, kTransportHeight);
    const float cueListW = cueListShown_ ? std::round(mainW * kCueListFraction) : 0;
    drawTimeline(0, bodyTop + previewH + kTransportHeight, mainW - cueListW, timelineH);
    if (cueListShown_) drawCueList(mainW - cueListW, bodyTop + previewH + kTransportHeight, cueListW, timelineH);
    const float inspectorH = std::round((bodyBottom - bodyTop) * kInspectorFraction);
    if (timing_) drawCaptionTiming(mainW, bodyTop, side, inspectorH);
    else drawInspector(mainW, bodyTop, side, inspectorH);
    drawDiagnostics(mainW, bodyTop + inspectorH, side, bodyBottom - bodyTop - inspectorH);
    drawStatus(0, bodyBottom, W, kStatusHeight);

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
}

void StudioApp::reloadIfChanged() {
    if (!watcher_.takeChange()) return;
    PlayheadPosition position = doc_.positionOf(t_);
    switch (doc_.reloadFromDisk()) {
        case ReloadOutcome::Unchanged: return;
        case ReloadOutcome::Reloaded:
            t_ = doc_.timeOf(position);
            setStatus("Reloaded " + doc_.file().filename().string());
            break;
        case ReloadOutcome::Broken:
            setStatus("The file has errors; the last good version stays on screen", true);
            break;
    }
    if (timing_ && !timedItem()) cancelCaptionTiming("the timed <audio> changed in the file; caption timing stopped");
    previewDirty_ = true;
}

void StudioApp::updateAudio() {
    if (!live_) return;
    // Sound only while playing at normal speed: at other speeds the mixer would chase the
    // clock in audible jumps.
    const bool audible = playing() && speedIndex_ == kNormalSpeed;
    if (!audible) {
        live_->audio().update({}, t_, true);
        return;
    }
    live_->audio().update(evaluate(live_->show(), t_).audio, t_, false);
    for (const auto& problem : live_->audio().takeProblems()) setStatus("Sound: " + problem.message, true);
}

void StudioApp::ensureLive() {
    if (!doc_.show()) return;
    if (!resources_) {
        int maxDimension = render::RenderResources::maxImageDimensionFor(doc_.show()->canvas);
        resources_ = std::make_unique<render::RenderResources>(text::bundledFontsDirectory(), maxDimension);
    }
    if (live_ && liveGeneration_ == doc_.showGeneration()) return;
    if (!live_) {
        LiveShow::Options options;
        options.audio = audioDevice_;
        live_ = std::make_unique<LiveShow>(doc_.sharedShow(), *resources_, options);
        live_->clock().setRate(kSpeeds[speedIndex_]);
    } else {
        live_->replace(doc_.sharedShow());
    }
    // The studio keeps its own place across an edit: the document says where it is.
    live_->jump(t_);
    liveGeneration_ = doc_.showGeneration();
    previewDirty_ = true;
}

void StudioApp::setSpeed(int index) {
    speedIndex_ = index;
    if (live_) live_->clock().setRate(kSpeeds[index]);
}

bool StudioApp::playing() const { return live_ && !live_->clock().paused(); }

void StudioApp::setPlaying(bool on) {
    if (!live_) return;
    if (on) live_->clock().resume();
    else live_->clock().pause();
}

void StudioApp::renderPreview() {
    ensureLive();
    if (!live_) return;
    const Show& show = live_->show();
    render::FrameRenderer& renderer = live_->renderer();
    const sf::Vector2u canvasSize(static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height));
    sf::RenderTexture* canvas = preview_.canvas(canvasSize);
    if (!canvas) return;
    if (canvasSize != previewSize_) {
        previewSize_ = canvasSize;
        previewDirty_ = true;
    }
    // Images decode on worker threads: draw again when one has arrived.
    std::uint64_t images = resources_->images().stats().generation;
    if (images != imagesSeen_) previewDirty_ = true;
    imagesSeen_ = images;
    if (!previewDirty_) return;
    render::prefetchImages(show, t_, t_ + kLookahead, false, renderer.viewportFor(canvasSize).scale,
                           resources_->images());
    renderer.render(evaluate(show, t_), *canvas);
    canvas->display();
    // A video still decoding towards t: draw again until its frame is there.
    previewDirty_ = renderer.waitingForMedia();
}

void StudioApp::seek(Micros t) {
    if (!doc_.show()) return;
    t_ = std::clamp<Micros>(t, 0, std::max<Micros>(0, doc_.show()->duration - 1));
    if (live_) live_->jump(t_);
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
    if (auto error = doc_.save()) setStatus(*error, true);
    else setStatus("Saved " + doc_.file().string());
}

void StudioApp::undo() {
    std::string what = doc_.undoDescription();
    if (doc_.undo()) setStatus("Undid " + what);
    previewDirty_ = true;
}

void StudioApp::redo() {
    if (doc_.redo()) setStatus("Redid " + doc_.undoDescription());
    previewDirty_ = true;
}

void StudioApp::setStatus(std::string message, bool error) {
    status_ = std::move(message);
    statusIsError_ = error;
    if (error) std::fprintf(stderr, "vitrine-studio: %s\n", status_.c_str());
}

void StudioApp::drawToolbar() {
    ToolbarRequest request = studio::drawToolbar(doc_, gui_->largeFont(), kToolbarHeight);
    if (request.save) save();
    if (request.undo) undo();
    if (request.redo) redo();
}

void StudioApp::drawPreview(float x, float y, float w, float h) {
    renderPreview();
    preview_.draw(doc_, x, y, w, h);
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
    TimelineRequest request = timeline_.draw(doc_, t_, cueListShown_);
    ImGui::EndChild();
    ImGui::End();
    if (request.select) select(*request.select, false);
    if (request.seek) {
        seek(*request.seek);
        setPlaying(false);
    }
    if (request.drag) applyChipDrag(*request.drag);
    if (request.toggleCueList) cueListShown_ = !cueListShown_;
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
    if (status_.empty())
        ImGui::TextColored(colour(theme::kDimText),
                           "Space play/pause   ←/→ one frame   wheel zoom, Shift+wheel scroll   Ctrl+S save   "
                           "Ctrl+Z undo   Ctrl+Y redo");
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
        setStatus(*error, true);
        exitCode_ = 2;
    } else {
        std::printf("%s: %ux%u screenshot\n", path.c_str(), size.x, size.y);
    }
}

}  // namespace vitrine::studio
