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
#include "studio_theme.h"
#include "text/font_library.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr float kFontPixels = 17;
constexpr int kFrameRateLimit = 60;
constexpr Micros kFrameStep = kMicrosPerSecond / 25;   // one frame at 25 fps
constexpr Micros kLookahead = 10 * kMicrosPerSecond;  // images decoded ahead of the playhead
const double kSpeeds[] = {0.25, 0.5, 1.0, 1.5, 2.0};
const char* const kSpeedNames[] = {"0.25×", "0.5×", "1×", "1.5×", "2×"};
constexpr int kSpeedCount = 5;
constexpr int kNormalSpeed = 2;

// The fixed layout, in pixels of the window.
constexpr float kToolbarHeight = 44;
constexpr float kStatusHeight = 30;
constexpr float kSideWidthFraction = 0.30f;
constexpr float kTransportHeight = 56;
constexpr float kTimelineFraction = 0.32f;
constexpr float kInspectorFraction = 0.55f;

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

std::vector<std::string> splitActions(const std::string& script) {
    std::vector<std::string> out;
    std::stringstream s(script);
    std::string part;
    while (std::getline(s, part, ';')) {
        auto first = part.find_first_not_of(" \t\n");
        if (first == std::string::npos) continue;
        auto last = part.find_last_not_of(" \t\n");
        out.push_back(part.substr(first, last - first + 1));
    }
    return out;
}

const char* kindName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Text: return "text";
        case ItemKind::Image: return "image";
        case ItemKind::Video: return "video";
        case ItemKind::Audio: return "audio";
        case ItemKind::Map: return "map";
    }
    return "item";
}

ImVec4 colour(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void beginPanel(const char* name, float x, float y, float w, float h, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(x, y));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::Begin(name, nullptr, kPanelFlags | extra);
}

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
    for (auto& a : splitActions(options_.script)) actions_.push_back(a);
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
}

StudioApp::~StudioApp() {
    audio_.reset();
    renderer_.reset();
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
    else if (key.code == sf::Keyboard::Space) playing_ = !playing_;
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
    if (playing_ && doc_.show()) {
        Micros next = t_ + static_cast<Micros>(seconds * kSpeeds[speedIndex_] * kMicrosPerSecond);
        if (next >= doc_.show()->duration) {
            next = doc_.show()->duration > 0 ? doc_.show()->duration - 1 : 0;
            playing_ = false;
        }
        t_ = next;
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
    drawTimeline(0, bodyTop + previewH + kTransportHeight, mainW, timelineH);
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
        captureWindow(screenshotPath_);
        screenshotPath_.clear();
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
    // Sound only while playing at normal speed: at other speeds the mixer would chase the
    // clock in audible jumps.
    const bool audible = playing_ && speedIndex_ == kNormalSpeed && doc_.show();
    if (!audible) {
        if (audio_) audio_->update({}, t_, true);
        return;
    }
    if (!audio_ || audioGeneration_ != doc_.showGeneration()) {
        audio_.reset();
        audioShow_ = doc_.sharedShow();
        audio_ = std::make_unique<AudioLink>(*audioShow_, audioDevice_);
        audioGeneration_ = doc_.showGeneration();
    }
    audio_->update(evaluate(*audioShow_, t_).audio, t_, false);
    for (const auto& problem : audio_->takeProblems()) setStatus("Sound: " + problem.message, true);
}

void StudioApp::ensureRenderer() {
    if (!doc_.show()) return;
    if (!resources_) {
        int maxDimension = render::RenderResources::maxImageDimensionFor(doc_.show()->canvas);
        resources_ = std::make_unique<render::RenderResources>(text::bundledFontsDirectory(), maxDimension);
    }
    if (renderer_ && rendererGeneration_ == doc_.showGeneration()) return;
    renderer_.reset();
    rendererShow_ = doc_.sharedShow();
    renderer_ = std::make_unique<render::FrameRenderer>(*rendererShow_, resources_->text(), resources_->textures());
    rendererGeneration_ = doc_.showGeneration();
    previewDirty_ = true;
}

void StudioApp::renderPreview(sf::Vector2u size) {
    ensureRenderer();
    if (!renderer_ || size.x == 0 || size.y == 0) return;
    if (size != previewSize_) {
        if (!preview_.create(size.x, size.y)) return;
        preview_.setSmooth(true);
        previewSize_ = size;
        previewDirty_ = true;
    }
    // Images decode on worker threads: draw again when one has arrived.
    std::uint64_t images = resources_->images().stats().generation;
    if (images != imagesSeen_) previewDirty_ = true;
    imagesSeen_ = images;
    if (!previewDirty_) return;
    render::prefetchImages(*rendererShow_, t_, t_ + kLookahead, false, renderer_->viewportFor(size).scale,
                           resources_->images());
    renderer_->render(evaluate(*rendererShow_, t_), preview_);
    preview_.display();
    // A video still decoding towards t: draw again until its frame is there.
    previewDirty_ = renderer_->waitingForMedia();
}

void StudioApp::seek(Micros t) {
    if (!doc_.show()) return;
    t_ = std::clamp<Micros>(t, 0, std::max<Micros>(0, doc_.show()->duration - 1));
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
    // The timeline's drag and the script's "duration" both end here.
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

const Item* StudioApp::timedItem() const {
    const Show* show = doc_.show();
    if (!timing_ || !show || timing_->item() >= static_cast<int>(show->items.size())) return nullptr;
    const Item& item = show->items[timing_->item()];
    if (item.kind != ItemKind::Audio || item.captions != timing_->captionsFile().string()) return nullptr;
    return &item;
}

std::optional<Micros> StudioApp::timedMediaTime(Micros showTime) const {
    // The sound's own time is what the mixer plays and what the caption drawer shows by.
    if (!timedItem()) return std::nullopt;
    for (const AudioCue& cue : evaluate(*doc_.show(), showTime).audio)
        if (cue.item == timing_->item()) return cue.mediaTime;
    return std::nullopt;
}

Micros StudioApp::heardShowTime() const {
    // A sound card plays ~64 ms behind the mix head: a tap belongs to what was heard. With
    // no sound card (ALSOFT_DRIVERS=null) the show clock is what the designer follows.
    if (audioDevice_ == AudioDevice::SoundCard && audio_ && playing_)
        if (auto heard = audio_->speakerShowTime()) return *heard;
    return t_;
}

bool StudioApp::startCaptionTiming() {
    const Show* show = doc_.show();
    const Selection& s = doc_.selection();
    if (!show || s.kind != Selection::Kind::Item || show->items[s.index].kind != ItemKind::Audio ||
        show->items[s.index].captions.empty()) {
        setStatus("select an <audio> with captions=\"….vtt\" to time its captions", true);
        return false;
    }
    const Item& item = show->items[s.index];
    // The sound's own time at the end of the item: where a last line left open ends.
    Micros audioEnd = item.clipIn + (item.activeEnd - item.begin);
    if (item.clipOut >= 0) audioEnd = std::min(audioEnd, item.clipOut);
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(item.captions, audioEnd, diagnostics);
    if (!tapper) {
        for (const auto& d : diagnostics.all())
            if (d.severity == Severity::Error) std::fprintf(stderr, "vitrine-studio: %s\n", formatDiagnostic(d).c_str());
        const Diagnostic* last = diagnostics.all().empty() ? nullptr : &diagnostics.all().back();
        setStatus(last ? std::filesystem::path(last->where.file).filename().string() + ":" +
                             std::to_string(last->where.line) + ": " + last->message
                       : "no captions to time",
                  true);
        return false;
    }
    const std::size_t lines = tapper->lineCount();
    timing_.emplace(s.index, item.captions, std::move(*tapper));
    speedIndex_ = kNormalSpeed;
    seek(item.begin);
    playing_ = true;
    setStatus("Timing " + std::to_string(lines) + " captions: press Space as each line starts");
    return true;
}

bool StudioApp::tapCaption() {
    if (!timing_) return false;
    auto t = timedMediaTime(heardShowTime());
    if (!t) {
        setStatus("the playhead is outside the sound: play it from its start to tap its lines", true);
        return false;
    }
    CaptionTapper& tapper = timing_->tapper();
    if (!tapper.tap(*t)) {
        setStatus(tapper.complete() ? "every line is tapped: Save, or Backspace to take a tap back"
                                    : "too soon after the last tap or end: ignored",
                  true);
        return false;
    }
    setStatus("Line " + std::to_string(tapper.tappedCount()) + " of " + std::to_string(tapper.lineCount()) +
              " at " + formatClock(*t));
    return true;
}

bool StudioApp::endCaptionLine() {
    if (!timing_) return false;
    auto t = timedMediaTime(heardShowTime());
    if (!t || !timing_->tapper().endLine(*t)) {
        setStatus("no line to end here (none started, ended already, or just started)", true);
        return false;
    }
    setStatus("Line " + std::to_string(timing_->tapper().tappedCount()) + " ends at " + formatClock(*t));
    return true;
}

bool StudioApp::untapCaption() {
    if (!timing_ || !timing_->tapper().undo()) return false;
    setStatus("Took back the last tap: " + std::to_string(timing_->tapper().tappedCount()) + " lines tapped");
    return true;
}

bool StudioApp::saveCaptions() {
    if (!timing_) return false;
    const std::filesystem::path file = timing_->captionsFile();
    if (auto error = timing_->tapper().save(file)) {
        setStatus(*error, true);
        return false;
    }
    std::size_t cues = timing_->tapper().result().cues.size();
    timing_.reset();
    playing_ = false;
    // The caption drawer reads each caption file once: a new renderer reads the saved one.
    renderer_.reset();
    rendererGeneration_ = -1;
    previewDirty_ = true;
    setStatus("Saved " + file.string() + ": " + std::to_string(cues) + " captions");
    return true;
}

void StudioApp::cancelCaptionTiming(const std::string& why) {
    timing_.reset();
    playing_ = false;
    setStatus(why);
}

bool StudioApp::handleCaptionTimingKey(const sf::Event::KeyEvent& key) {
    if (ImGui::GetIO().WantTextInput) return false;
    if (key.control && key.code == sf::Keyboard::S) return saveCaptions(), true;
    if (key.control || key.alt) return false;
    using K = sf::Keyboard;
    const bool timingKey = key.code == K::Space || key.code == K::Enter || key.code == K::E ||
                           key.code == K::BackSpace || key.code == K::Escape;
    if (!timingKey) return false;
    // A held key repeats its press: only the first press counts, or one tap would be many.
    if (heldTimingKey_ == key.code) return true;
    heldTimingKey_ = key.code;
    if (key.code == K::Space || key.code == K::Enter) tapCaption();
    else if (key.code == K::E) endCaptionLine();
    else if (key.code == K::BackSpace) untapCaption();
    else cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
    return true;
}

void StudioApp::setStatus(std::string message, bool error) {
    status_ = std::move(message);
    statusIsError_ = error;
    if (error) std::fprintf(stderr, "vitrine-studio: %s\n", status_.c_str());
}

void StudioApp::drawToolbar() {
    beginPanel("##toolbar", 0, 0, ImGui::GetIO().DisplaySize.x, kToolbarHeight,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::PushFont(gui_->largeFont());
    ImGui::TextUnformatted("Vitrine Studio");
    ImGui::PopFont();
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    std::string title = doc_.file().filename().string() + (doc_.modified() ? "  •  unsaved" : "");
    if (doc_.show() && !doc_.show()->title.empty()) title = doc_.show()->title + "  —  " + title;
    ImGui::TextColored(colour(theme::kDimText), "%s", title.c_str());
    float right = ImGui::GetWindowWidth() - 300;
    ImGui::SameLine(right);
    if (ImGui::Button("Save")) save();
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc_.canUndo());
    if (ImGui::Button("Undo")) undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc_.canRedo());
    if (ImGui::Button("Redo")) redo();
    ImGui::EndDisabled();
    ImGui::End();
}

void StudioApp::drawPreview(float x, float y, float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    beginPanel("##preview", x, y, w, h, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    sf::Vector2u size(static_cast<unsigned>(std::max(1.0f, avail.x)), static_cast<unsigned>(std::max(1.0f, avail.y)));
    renderPreview(size);
    if (renderer_ && previewSize_ == size) {
        // The render texture is stored bottom-up, as OpenGL keeps it.
        auto id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(preview_.getTexture().getNativeHandle()));
        ImGui::Image(id, avail, ImVec2(0, 1), ImVec2(1, 0));
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (doc_.showIsStale() || !doc_.show()) {
        // The last good version stays; the first error is written over it.
        const Diagnostic* first = nullptr;
        for (const auto& d : doc_.diagnostics().all())
            if (d.severity == Severity::Error) {
                first = &d;
                break;
            }
        std::string line = doc_.loadError();
        if (first)
            line = std::filesystem::path(first->where.file).filename().string() + ":" +
                   std::to_string(first->where.line) + ": " + first->message;
        std::string banner = doc_.show() ? "Showing the last good version. " : "";
        banner += std::to_string(doc_.diagnostics().errorCount()) + " error(s) in the file:";
        ImVec2 a(origin.x + 16, origin.y + 16), b(origin.x + avail.x - 16, origin.y + 84);
        list->AddRectFilled(a, b, IM_COL32(60, 20, 20, 235), 6);
        list->AddRect(a, b, theme::kError, 6, 0, 1.5f);
        list->AddText(ImVec2(a.x + 14, a.y + 12), theme::kText, banner.c_str());
        list->PushClipRect(a, b, true);
        list->AddText(ImVec2(a.x + 14, a.y + 42), theme::kError, line.c_str());
        list->PopClipRect();
    }
    ImGui::End();
}

void StudioApp::drawTransport(float x, float y, float w, float h) {
    beginPanel("##transport", x, y, w, h, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    const Show* show = doc_.show();
    ImGui::AlignTextToFramePadding();
    auto sceneJump = [&](int delta) {
        if (!show || show->scenes.empty()) return;
        int current = show->sceneAt(t_);
        if (delta < 0 && current >= 0 && t_ - show->scenes[current].begin > kMicrosPerSecond) {
            seek(show->scenes[current].begin);
            return;
        }
        int next = std::clamp((current < 0 ? 0 : current) + delta, 0, static_cast<int>(show->scenes.size()) - 1);
        seek(show->scenes[next].begin);
    };
    if (ImGui::Button("|◀")) sceneJump(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous scene");
    ImGui::SameLine();
    if (ImGui::Button("◀ 1/25")) seek(t_ - kFrameStep);
    ImGui::SameLine();
    if (ImGui::Button(playing_ ? "  Pause  " : "  ▶ Play  ", ImVec2(110, 0))) playing_ = !playing_;
    ImGui::SameLine();
    if (ImGui::Button("1/25 ▶")) seek(t_ + kFrameStep);
    ImGui::SameLine();
    if (ImGui::Button("▶|")) sceneJump(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next scene");
    ImGui::SameLine(0, 20);
    ImGui::SetNextItemWidth(90);
    ImGui::Combo("##speed", &speedIndex_, kSpeedNames, kSpeedCount);
    ImGui::SameLine(0, 28);
    ImGui::PushFont(gui_->largeFont());
    ImGui::TextUnformatted(formatClock(t_).c_str());
    ImGui::PopFont();
    if (show) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(colour(theme::kDimText), "/ %s", formatClock(show->duration).c_str());
        int scene = show->sceneAt(t_);
        if (scene >= 0) {
            ImGui::SameLine(0, 24);
            const Scene& s = show->scenes[scene];
            ImGui::TextColored(colour(theme::kAccent), "%s", s.id.c_str());
            ImGui::SameLine();
            ImGui::TextColored(colour(theme::kDimText), "+%s  %s", formatTime(t_ - s.begin).c_str(), s.title.c_str());
        }
    }
    ImGui::End();
}

void StudioApp::drawTimeline(float x, float y, float w, float h) {
    beginPanel("Timeline", x, y, w, h, ImGuiWindowFlags_NoTitleBar);
    ImGui::BeginChild("##timeline-scroll", ImVec2(0, 0), false);
    TimelineRequest request = timeline_.draw(doc_, t_);
    ImGui::EndChild();
    ImGui::End();
    if (request.select) select(*request.select, false);
    if (request.seek) {
        seek(*request.seek);
        playing_ = false;
    }
    if (request.resize) applyResize(request.resize->first, request.resize->second);
}

void StudioApp::drawInspector(float x, float y, float w, float h) {
    beginPanel("Inspector", x, y, w, h);
    const Show* show = doc_.show();
    const Selection& s = doc_.selection();
    const ScriptNode* node = doc_.nodeOf(s);
    if (!show || !node) {
        ImGui::TextDisabled("Click a scene or an item on the timeline,\nor a diagnostic, to inspect it here.");
        ImGui::End();
        return;
    }
    ImGui::PushFont(gui_->largeFont());
    if (s.kind == Selection::Kind::Scene) ImGui::Text("Scene %s", show->scenes[s.index].id.c_str());
    else ImGui::Text("<%s>", kindName(show->items[s.index].kind));
    ImGui::PopFont();
    SourceLocation where = doc_.locationOf(s);
    ImGui::TextColored(colour(theme::kDimText), "%s:%d", std::filesystem::path(where.file).filename().c_str(), where.line);
    Micros begin = s.kind == Selection::Kind::Scene ? show->scenes[s.index].begin : show->items[s.index].begin;
    Micros end = s.kind == Selection::Kind::Scene ? show->scenes[s.index].end : show->items[s.index].end;
    ImGui::SameLine(0, 20);
    ImGui::Text("%s – %s  (%s)", formatTime(begin).c_str(), formatTime(end).c_str(), formatTime(end - begin).c_str());
    ImGui::Separator();

    if (ImGui::BeginTable("##attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("attribute", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& a : node->attributes) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(colour(theme::kDimText), "%.*s", static_cast<int>(a.name.size()), a.name.data());
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1);
            std::string value(a.value);
            std::string id = "##" + std::string(a.name);
            // Applied on Enter, so a half-typed value never reaches the file.
            if (ImGui::InputText(id.c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue)) {
                std::string name(a.name);
                if (auto error = doc_.setAttribute(s, name, value)) setStatus(*error, true);
                else setStatus(doc_.undoDescription());
                previewDirty_ = true;
                ImGui::EndTable();
                ImGui::End();
                return;  // the node is gone: the text was compiled again
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint("##new-name", "attribute", &newAttributeName_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 60);
    ImGui::InputTextWithHint("##new-value", "value", &newAttributeValue_);
    ImGui::SameLine();
    if (ImGui::Button("Add") && !newAttributeName_.empty()) {
        if (auto error = doc_.setAttribute(s, newAttributeName_, newAttributeValue_)) setStatus(*error, true);
        else {
            setStatus(doc_.undoDescription());
            newAttributeName_.clear();
            newAttributeValue_.clear();
        }
        previewDirty_ = true;
        ImGui::End();
        return;
    }

    if (s.kind == Selection::Kind::Item && show->items[s.index].kind == ItemKind::Audio) {
        ImGui::Spacing();
        const std::string& captions = show->items[s.index].captions;
        ImGui::BeginDisabled(captions.empty());
        if (ImGui::Button("Time captions…")) startCaptionTiming();
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (captions.empty()) ImGui::TextDisabled("add captions=\"name.vtt\" first");
        else ImGui::TextColored(colour(theme::kDimText), "play the sound, tap a key at each line");
    }

    if (s.kind == Selection::Kind::Item && show->items[s.index].kind == ItemKind::Text) {
        bool plain = std::all_of(node->children.begin(), node->children.end(),
                                 [](const ScriptNode& c) { return c.isText(); });
        ImGui::Spacing();
        ImGui::TextColored(colour(theme::kDimText), "Text");
        if (!plain) {
            ImGui::TextWrapped("%s", node->plainText().c_str());
            ImGui::TextDisabled("This text has markup (<p>, <br/>, <i>); edit it in the file.");
        } else {
            if (contentFor_ != s || contentGeneration_ != doc_.showGeneration()) {
                contentBuffer_ = node->plainText();
                contentFor_ = s;
                contentGeneration_ = doc_.showGeneration();
            }
            ImGui::InputTextMultiline("##content", &contentBuffer_, ImVec2(-1, 110));
            if (ImGui::Button("Apply text")) {
                if (auto error = doc_.setContent(s, contentBuffer_)) setStatus(*error, true);
                else setStatus(doc_.undoDescription());
                previewDirty_ = true;
            }
        }
    }
    ImGui::End();
}

void StudioApp::drawCaptionTiming(float x, float y, float w, float h) {
    beginPanel("Caption timing", x, y, w, h);
    CaptionTimingRequest request = timing_->draw(timedMediaTime(t_), gui_->largeFont());
    ImGui::End();
    if (request.tap) tapCaption();
    if (request.endLine) endCaptionLine();
    if (request.undo) untapCaption();
    if (request.save) saveCaptions();
    else if (request.cancel) cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
}

void StudioApp::drawDiagnostics(float x, float y, float w, float h) {
    const Diagnostics& d = doc_.diagnostics();
    std::string title = "Diagnostics: " + std::to_string(d.errorCount()) + " errors, " +
                        std::to_string(d.warningCount()) + " warnings###diagnostics";
    beginPanel(title.c_str(), x, y, w, h);
    if (d.empty()) ImGui::TextColored(colour(theme::kDimText), "The exhibit checks clean.");
    int index = 0;
    for (const auto& diag : d.all()) {
        ImU32 c = diag.severity == Severity::Error     ? theme::kError
                  : diag.severity == Severity::Warning ? theme::kWarning
                                                       : theme::kNote;
        ImGui::PushID(index++);
        // A full-width selectable as tall as the wrapped message, with the text drawn over it.
        std::string label = "line " + std::to_string(diag.where.line) + "  " + diag.message;
        const float indent = 78;
        float wrapWidth = ImGui::GetContentRegionAvail().x - indent;
        ImVec2 textSize = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrapWidth);
        ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable("##diagnostic", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, textSize.y))) {
            if (doc_.selectAt(diag.where)) select(doc_.selection(), true);
            setStatus(std::filesystem::path(diag.where.file).filename().string() + ":" +
                      std::to_string(diag.where.line) + ":" + std::to_string(diag.where.column) + "  " + diag.message);
        }
        if (ImGui::IsItemHovered() && !diag.hint.empty()) ImGui::SetTooltip("%s", diag.hint.c_str());
        ImGui::SetCursorPos(at);
        ImGui::TextColored(colour(c), "%s", severityName(diag.severity));
        ImGui::SameLine(at.x + indent);
        ImGui::PushTextWrapPos(at.x + indent + wrapWidth);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::End();
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

bool StudioApp::runAction(const std::string& action) {
    std::stringstream words(action);
    std::string verb;
    words >> verb;
    std::string rest;
    std::getline(words, rest);
    if (auto first = rest.find_first_not_of(' '); first != std::string::npos) rest = rest.substr(first);
    else rest.clear();
    const Show* show = doc_.show();
    if (verb == "wait") {
        waitFrames_ = std::max(0, std::atoi(rest.c_str()));
        return true;
    }
    if (verb == "scrub") {
        std::string why;
        auto t = show ? resolvePosition(*show, rest, &why) : std::nullopt;
        if (!t) {
            setStatus(why, true);
            return false;
        }
        seek(*t);
        return true;
    }
    if (verb == "select") {
        // "select scene ID", "select line N" (the item or scene written there), or "select playhead"
        // (the first item on screen at the playhead: what a click on its block selects).
        std::stringstream args(rest);
        std::string what, value;
        args >> what >> value;
        if (!show) return false;
        if (what == "scene") {
            int index = show->sceneById(value);
            if (index < 0) return false;
            select({Selection::Kind::Scene, index}, true);
            return true;
        }
        if (what == "line") {
            if (!doc_.selectAt({doc_.file().string(), std::atoi(value.c_str()), 1})) return false;
            select(doc_.selection(), true);
            return true;
        }
        return false;
    }
    if (verb == "duration") {
        auto d = parseTimeValue(rest);
        if (!d || doc_.selection().empty()) return false;
        applyResize(doc_.selection(), *d);
        return !statusIsError_;
    }
    if (verb == "save") {
        save();
        return !statusIsError_;
    }
    if (verb == "undo") {
        undo();
        return true;
    }
    if (verb == "redo") {
        redo();
        return true;
    }
    if (verb == "play") {
        playing_ = true;
        return true;
    }
    if (verb == "pause") {
        playing_ = false;
        return true;
    }
    // Caption timing, as its keys do: taps read the playhead, so a script pauses and scrubs.
    if (verb == "time-captions") return startCaptionTiming();
    if (verb == "tap") return tapCaption();
    if (verb == "end-line") return endCaptionLine();
    if (verb == "untap") return untapCaption();
    if (verb == "save-captions") return saveCaptions();
    if (verb == "cancel-captions") {
        if (!timing_) return false;
        cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
        return true;
    }
    if (verb == "screenshot") {
        screenshotPath_ = rest;
        return !rest.empty();
    }
    if (verb == "quit") {
        quit_ = true;
        return true;
    }
    setStatus("unknown action '" + verb + "'", true);
    return false;
}

void StudioApp::captureWindow(const std::string& path) {
    // Called after the frame is drawn and before it is shown: the back buffer holds it.
    sf::Vector2u size = window_.getSize();
    sf::Texture texture;
    if (!texture.create(size.x, size.y)) {
        setStatus("cannot capture the window", true);
        exitCode_ = 2;
        return;
    }
    texture.update(window_);
    if (auto error = output::savePngAtomically(texture.copyToImage(), path)) {
        setStatus(*error, true);
        exitCode_ = 2;
    } else {
        std::printf("%s: %ux%u screenshot\n", path.c_str(), size.x, size.y);
    }
}

}  // namespace vitrine::studio
