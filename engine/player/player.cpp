#include "player/player.h"

#include "render/image_draw_size.h"

#include <algorithm>
#include <cstdio>
#include <thread>
#include <utility>

#include "control/operations.h"
#include "installation/saved_keystones.h"
#include "player/drift_follower.h"
#include "player/resident_memory.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine {

Player::Player(std::shared_ptr<const Show> show, render::RenderResources& resources, PlayerOptions options, LogLine log)
    : show_(std::move(show)),
      resources_(resources),
      options_(std::move(options)),
      log_(std::move(log)),
      window_(show_->title.empty() ? "Vitrine" : show_->title, options_.window),
      renderer_(std::make_unique<render::FrameRenderer>(*show_, resources.text(), resources.textures())) {
    // Faster than real time the sound would be noise and the wall clock would pull back.
    if (options_.speed != 1) options_.audio = AudioDevice::Off;
    audio_ = std::make_unique<AudioLink>(*show_, options_.audio, options_.audioCapture);
    audio_->setMasterGain(options_.volume);
    clock_.setRate(options_.speed);
    if (options_.operations && !options_.operations->installation().outputs.empty()) {
        warpFrames_ = ensureWarp();
        if (!warpFrames_)
            log_("outputs: no canvas texture of " + std::to_string(show_->canvas.width) + "x" +
                 std::to_string(show_->canvas.height) + "; drawing without keystone and blending");
    }
    if (options_.calibrate) setCalibrating(true);
    if (options_.reload)
        reloader_ = std::make_unique<ShowReloader>([load = options_.reload, &resources] {
            ReadyShow ready{load(), nullptr};
            if (ready.loaded.show) {
                // The renderer loads the maps on its own worker; waiting for them here spares
                // the first frame after the swap a wait for a map scene's data.
                ready.renderer = std::make_unique<render::FrameRenderer>(*ready.loaded.show, resources.text(),
                                                                         resources.textures());
                ready.renderer->finishPreparing();
            }
            return ready;
        });
}

Player::~Player() = default;

bool Player::ensureWarp() {
    if (warp_) return true;
    auto canvas = std::make_unique<sf::RenderTexture>();
    const sf::Vector2u size(static_cast<unsigned>(show_->canvas.width), static_cast<unsigned>(show_->canvas.height));
    if (!canvas->create(size.x, size.y)) return false;
    canvas->setSmooth(true);
    canvas_ = std::move(canvas);
    std::vector<installation::Output> outputs;
    if (options_.operations) outputs = options_.operations->installation().outputs;
    warp_ = std::make_unique<output::WarpOutput>(std::move(outputs), size);
    if (!warp_->shaderReady()) log_(warp_->problem());
    return true;
}

namespace {
// Further than this from where the wall clock puts the show (a restart, a clock step,
// a long pause), the player jumps back; closer, the audio clock steers.
constexpr Micros kWallClockTolerance = 100'000;
// Decoded pictures due this soon go to the GPU between frames, so a large scan (about a
// second of uploads on a software renderer) is whole when it appears.
constexpr Micros kUploadAhead = 3 * kMicrosPerSecond;
// Upload time between two frames at most, and what is left free before the next is due:
// a software renderer takes the 4 MB byte budget in 2-6 ms.
constexpr auto kUploadTimeBetweenFrames = std::chrono::milliseconds(4);
constexpr auto kUploadMargin = std::chrono::milliseconds(1);
}  // namespace

void Player::run() {
    using Clock = std::chrono::steady_clock;
    const auto framePeriod = std::chrono::microseconds(kMicrosPerSecond / std::max(1, options_.frameRate));
    const Micros periodMicros = std::chrono::duration_cast<std::chrono::microseconds>(framePeriod).count();
    if (options_.operations && options_.speed == 1) options_.start = options_.operations->wallShowTime(show_->duration);
    clock_.seek(options_.start);
    lastJump_ = options_.start;
    clock_.resume();
    previous_ = options_.start;
    auto deadline = Clock::now();
    const auto playStarted = Clock::now();
    auto statsDue = playStarted + std::chrono::microseconds(options_.statsInterval);
    bool firstFrame = true;
    if (options_.operations) options_.operations->started(show_->title, show_->file);
    while (window_.isOpen() && !finished_ && !options_.stop.stop_requested()) {
        const auto frameStart = Clock::now();
        handleCommands();
        handleRemoteCommands();
        swapInReload();
        followAudioClock();
        followWallClock();
        const Micros clockTime = clock_.position();
        Micros t = showTime(clockTime);
        if (finished_) break;
        if (t < previous_) {  // looped
            lastJump_ = clock_.position();
            noteLoop();
        }
        reportEvents(previous_, t);
        // Decodes asked for while the frame is drawn wait until it is on screen, as uploads do.
        // The hold spans present(): a software renderer draws the frame there, and a GPU's
        // vsync wait there costs a new decode at most a frame.
        resources_.images().holdNewDecodes();
        prefetch(t);
        // Looping, the clock's position past the end says a pass came before: the seam fades.
        Frame frame = options_.loop ? evaluateLooping(*show_, clockTime) : evaluate(*show_, t);
        // Outside hours, on command, or while calibrating: no show sound.
        const bool dark = black_ || closed_;
        const bool silent = dark || calibrating_;
        audio_->update(silent ? std::vector<AudioCue>{} : frame.audio, t, clock_.paused() || silent);
        if (calibrating_) drawCalibration();
        else if (dark) window_.target().clear(sf::Color::Black);
        else drawFrame(frame);
        if (options_.frameShown) options_.frameShown(window_.capture());
        copyScreenIfDue();
        window_.present();
        resources_.images().startHeldDecodes();
        // Pictures go to the GPU once the frame is on screen, in the time left before the
        // next one is due, so no frame waits for an upload.
        uploadAhead(t, deadline + framePeriod - Clock::now());
        const Micros took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - frameStart).count();
        stats_.frame(took, periodMicros);
        publishStatus(t, took, periodMicros);
        if (Clock::now() >= statsDue) {
            log_(stats_.takeLine());
            statsDue += std::chrono::microseconds(options_.statsInterval);
        }
        if (firstFrame) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - options_.launchedAt).count();
            std::string line = "first frame on screen " + std::to_string(ms) + " ms after launch, at " + formatClock(t);
            if (options_.operations) {
                Micros wall = options_.operations->wallShowTime(show_->duration);
                char off[64];
                std::snprintf(off, sizeof off, " (%+.1f ms from the wall clock)", static_cast<double>(t - wall) / 1000.0);
                line += off;
            }
            log_(line);
            firstFrame = false;
        }
        reportMediaProblems();
        if (options_.quitAfter >= 0 &&
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - playStarted).count() >= options_.quitAfter)
            finished_ = true;
        previous_ = t;
        // Wait for the next deadline rather than spinning (vsync may already have waited).
        deadline += framePeriod;
        auto now = Clock::now();
        if (deadline < now) deadline = now;  // late: do not try to catch up with a burst
        std::this_thread::sleep_until(deadline);
    }
    log_(stats_.takeLine());
    if (options_.operations) options_.operations->stopping();
    window_.close();
}

void Player::copyScreenIfDue() {
    // The status page's picture: every few seconds while someone looks, scaled down on the
    // GPU (a whole 1080p frame read back cost the frame it fell on) and encoded on the
    // copy's own thread.
    control::ScreenCopy* screen = options_.operations ? options_.operations->screenCopy() : nullptr;
    if (!screen || !screen->due()) return;
    const sf::Image picture = window_.captureScaled(control::ScreenCopy::kWidth);
    screen->offer(picture.getPixelsPtr(), static_cast<int>(picture.getSize().x), static_cast<int>(picture.getSize().y));
}

void Player::drawFrame(const Frame& frame) {
    if (warpFrames_) {
        renderer_->render(frame, *canvas_, render::MediaWait::BetweenFrames);
        canvas_->display();
        warp_->draw(canvas_->getTexture(), window_.target());
    } else {
        renderer_->render(frame, window_.target(), render::MediaWait::BetweenFrames);
    }
}

void Player::drawCalibration() {
    // The pattern goes into the canvas, so it is warped and blended exactly as the show.
    canvas_->setView(canvas_->getDefaultView());
    output::drawTestPattern(calibration_->pattern(), *canvas_);
    canvas_->display();
    warp_->draw(canvas_->getTexture(), window_.target());
    calibration_->drawOverlay(window_.target());
}

void Player::setCalibrating(bool on) {
    if (on == calibrating_) return;
    if (on) {
        if (!ensureWarp()) {
            log_("calibration: no canvas texture could be made; calibration is not available");
            return;
        }
        if (!calibration_) {
            std::filesystem::path file = options_.operations ? options_.operations->installation().file : "";
            if (file.empty()) log_("calibration: no installation file (--installation FILE): corners cannot be saved");
            // Installed, the service user cannot write /etc/vitrine: corners go to its state folder.
            else file = installation::keystoneSaveFile(file);
            calibration_ = std::make_unique<output::Calibration>(*warp_, file);
        }
        log_("calibration: drag a corner with the mouse, or 1-4 pick a corner, arrows move it (Shift 0.1 px, Ctrl 10 px), "
             "Tab next output, P next pattern, R reset, S save, Esc or Ctrl+Shift+C back to the show");
    } else {
        if (calibration_ && !calibration_->unsaved().empty())
            log_("calibration: corners changed but not saved (they apply until the player restarts; S saves)");
        log_("calibration off");
    }
    calibrating_ = on;
    window_.showCursor(on);
}

void Player::handleCalibrationEvents(const std::vector<sf::Event>& events) {
    for (const auto& e : events) {
        std::optional<std::string> line;
        switch (e.type) {
            case sf::Event::KeyPressed:
                if (e.key.code == sf::Keyboard::Escape) {
                    setCalibrating(false);
                    return;
                }
                line = calibration_->handleKey(e.key.code, e.key.shift, e.key.control);
                break;
            case sf::Event::MouseButtonPressed:
                if (e.mouseButton.button == sf::Mouse::Left)
                    line = calibration_->pressMouse(window_.toDrawing(e.mouseButton.x, e.mouseButton.y));
                break;
            case sf::Event::MouseMoved: calibration_->moveMouse(window_.toDrawing(e.mouseMove.x, e.mouseMove.y)); break;
            case sf::Event::MouseButtonReleased:
                if (e.mouseButton.button == sf::Mouse::Left) line = calibration_->releaseMouse();
                break;
            default: break;
        }
        if (line) log_("calibration: " + *line);
    }
}

void Player::publishStatus(Micros t, Micros took, Micros period) {
    if (!options_.operations) return;
    control::PlayerStatus st;
    st.exhibit = show_->title;
    int scene = show_->sceneAt(t);
    if (scene >= 0) st.scene = show_->scenes[scene].id;
    st.time = t;
    st.duration = show_->duration;
    st.state = calibrating_ ? "calibrating"
               : closed_    ? "closed"
               : black_     ? "black"
               : clock_.paused() ? "paused"
                                 : "playing";
    // The show clock and the wall clock read at one instant: `t`, read before the frame was
    // drawn, against the wall clock now would count the drawing time as drift.
    st.drift = loopOffset(wrapTime(*show_, clock_.position()), options_.operations->wallShowTime(show_->duration));
    if (!reloadProblem_.empty()) st.problems.push_back(reloadProblem_);
    if (warp_ && !warp_->shaderReady()) st.problems.push_back(warp_->problem());
    options_.operations->frameDone(std::move(st), took, period);
}

void Player::noteLoop() {
    ++loops_;
    // Once a loop: a player that runs for months must not grow, and this is where to see it.
    // What the allocator holds free goes back to the system first (0.3-1.7 ms), so the
    // resident memory logged is what the player uses: without it, 100 loops of the Baku
    // exhibit grew 2.5-8 % while the heap in use stayed flat.
    releaseFreeMemory();
    std::string line = "loop " + std::to_string(loops_ + 1) + " begins";
    // The peak says more than one sample: what is alive at a given instant swings by the
    // GL driver's working memory (7-8 MiB with llvmpipe), the peak over a loop does not.
    if (auto memory = residentSet()) {
        constexpr double kMiB = 1024.0 * 1024.0;
        char mib[96];
        std::snprintf(mib, sizeof mib, "; resident memory %.1f MiB, peak %.1f MiB %s",
                      static_cast<double>(memory->bytes) / kMiB, static_cast<double>(memory->peakBytes) / kMiB,
                      peakIsPerLoop_ ? "during the last loop" : "since launch");
        line += mib;
    }
    log_(line);  // before the reset, so a listener can still read this loop's peak
    peakIsPerLoop_ = resetPeakResident();
}

void Player::reload() {
    if (!reloader_) {
        log_("reload: this player was not started from a file it can read again");
        return;
    }
    if (reloader_->busy()) log_("reload: already reading the exhibit; it is read again once that ends");
    reloader_->request();
}

void Player::swapInReload() {
    if (!reloader_) return;
    std::optional<ReadyShow> ready = reloader_->take();
    if (!ready) return;
    if (!ready->loaded.show) {
        // The old show keeps playing; the problem stays in /status until a reload succeeds.
        reloadProblem_ = "reload failed, still playing the previous version: " + ready->loaded.error;
        log_(reloadProblem_);
        return;
    }
    // The renderer and the mixer hold the show: replace them before it goes.
    audio_.reset();
    renderer_ = std::move(ready->renderer);
    const std::shared_ptr<const Show> old = std::exchange(show_, std::move(ready->loaded.show));
    audio_ = std::make_unique<AudioLink>(*show_, options_.audio, options_.audioCapture);
    audio_->setMasterGain(options_.volume);
    if (options_.operations) options_.operations->setAdvisoryStart(ready->loaded.advisoryStart);
    // Same scene, same offset into it; a scene that is gone keeps the same show time. The
    // clock is read only now: stopping and starting the sound output above takes
    // milliseconds, which a place read before it lost at every reload (17 reloads put the
    // show 102 ms behind the wall clock).
    const Micros t = wrapTime(*old, clock_.position());
    Micros at = std::min(t, std::max<Micros>(0, show_->duration - 1));
    if (int scene = old->sceneAt(t); scene >= 0) {
        const auto& was = old->scenes[scene];
        if (int found = show_->sceneById(was.id); found >= 0) {
            const auto& now = show_->scenes[found];
            at = std::min(now.begin + (t - was.begin), std::max(now.begin, now.end - 1));
        }
    }
    bool timingChanged = false;
    if (followingWallClock()) {
        const Micros wall = options_.operations->wallShowTime(show_->duration);
        const Micros off = loopOffset(at, wall);
        // Within the tolerance the place is the wall clock's, exactly: the few microseconds
        // since the clock was read would otherwise add up, reload after reload.
        if (off <= kWallClockTolerance && off >= -kWallClockTolerance) at = wall;
        else timingChanged = true;
    }
    clock_.seek(at);
    previous_ = at;
    lastJump_ = at;
    reloadProblem_.clear();
    log_("reloaded " + show_->file + " at " + formatClock(at));
    if (timingChanged) {
        // The edit moved this moment in time; jumping would lose the visitor's place.
        offWallClock_ = true;
        log_("reload: the show's timing changed; it follows the wall clock again after 'play'");
    }
}

void Player::handleRemoteCommands() {
    if (!options_.operations) return;
    closed_ = !options_.operations->openNow();
    for (const auto& c : options_.operations->queue().drain()) {
        using Kind = control::ControlCommand::Kind;
        log_("remote " + std::string(control::commandVerb(c.kind)) + (c.sceneId.empty() ? "" : " " + c.sceneId) +
             " from " + c.origin);
        switch (c.kind) {
            case Kind::Play:
                clock_.resume();
                black_ = offWallClock_ = false;  // back to where the wall clock says
                break;
            case Kind::Pause:
                clock_.pause();
                offWallClock_ = true;
                break;
            case Kind::Next: goToScene(+1); break;
            case Kind::Previous: goToScene(-1); break;
            case Kind::Black: black_ = !black_; break;
            case Kind::Reload: reload(); break;
            case Kind::Scene: {
                auto it = std::find_if(show_->scenes.begin(), show_->scenes.end(),
                                       [&](const auto& s) { return s.id == c.sceneId; });
                if (it == show_->scenes.end()) {
                    log_("remote scene " + c.sceneId + ": no such scene");
                    break;
                }
                clock_.seek(it->begin);
                previous_ = it->begin;
                lastJump_ = clock_.position();
                offWallClock_ = true;
                break;
            }
        }
    }
}

bool Player::followingWallClock() const {
    // Paused or stepped by hand, the show leaves the wall clock on purpose; Play returns to it.
    return options_.operations && !offWallClock_ && !clock_.paused() && show_->duration > 0 && options_.speed == 1;
}

Micros Player::loopOffset(Micros a, Micros b) const {
    // The shorter way round the loop: 1 s after the end is 1 s after the start.
    Micros off = a - b;
    if (off > show_->duration / 2) off -= show_->duration;
    if (off < -show_->duration / 2) off += show_->duration;
    return off;
}

void Player::followWallClock() {
    if (!followingWallClock()) return;
    Micros wall = options_.operations->wallShowTime(show_->duration);
    Micros off = loopOffset(wrapTime(*show_, clock_.position()), wall);
    if (off > kWallClockTolerance || off < -kWallClockTolerance) {
        clock_.seek(wall);
        previous_ = wall;
        lastJump_ = wall;
    }
}

void Player::followAudioClock() {
    auto speakers = audio_->speakerShowTime();
    if (!speakers || clock_.paused()) return;
    const Micros position = clock_.position();
    const auto step = followAudio(*show_, position, lastJump_, *speakers);
    if (!step) return;
    stats_.drift(step->drift);
    if (options_.driftObserver) options_.driftObserver(position, step->drift);
    if (step->nudge != 0) {
        clock_.nudge(step->nudge);
        ++stats_.driftCorrections;
    }
}

void Player::handleCommands() {
    std::vector<sf::Event> calibrationEvents;
    for (auto c : window_.pollCommands(calibrating_ ? &calibrationEvents : nullptr)) {
        switch (c) {
            case output::InputCommand::TogglePause:
                clock_.paused() ? clock_.resume() : clock_.pause();
                log_(clock_.paused() ? "paused" : "playing");
                break;
            case output::InputCommand::PreviousScene: goToScene(-1); break;
            case output::InputCommand::NextScene: goToScene(+1); break;
            case output::InputCommand::ToggleFullscreen: window_.setFullscreen(!window_.fullscreen()); break;
            case output::InputCommand::ToggleCalibration: setCalibrating(!calibrating_); break;
            case output::InputCommand::Quit: finished_ = true; break;
        }
    }
    if (calibrating_) handleCalibrationEvents(calibrationEvents);
}

void Player::goToScene(int delta) {
    if (show_->scenes.empty()) return;
    int current = show_->sceneAt(wrapTime(*show_, clock_.position()));
    int count = static_cast<int>(show_->scenes.size());
    int next = ((current < 0 ? 0 : current) + delta + count) % count;
    clock_.seek(show_->scenes[next].begin);
    previous_ = show_->scenes[next].begin;
    lastJump_ = clock_.position();
    offWallClock_ = true;
    log_("scene " + show_->scenes[next].id);
}

Micros Player::showTime(Micros raw) {
    if (!options_.loop && raw >= show_->duration) {
        finished_ = true;
        return show_->duration;
    }
    return options_.loop ? wrapTime(*show_, raw) : raw;
}

void Player::reportEvents(Micros from, Micros to) {
    // A tick that crosses the loop point is split there, so nothing is missed or doubled.
    std::vector<ShowEvent> events;
    if (to < from) {
        events = eventsIn(*show_, from, show_->duration);
        auto after = eventsIn(*show_, 0, to);
        events.insert(events.end(), after.begin(), after.end());
    } else {
        events = eventsIn(*show_, from, to);
    }
    for (const auto& e : events) {
        if (e.kind != ShowEvent::Kind::SceneStart) continue;
        // Closed, the show runs on in the dark: a night of scene lines would bury the journal.
        if (!closed_) log_("scene " + show_->scenes[e.index].id + " at " + formatClock(e.at));
        // Proof of play records what visitors saw: not black, closed or test patterns.
        if (options_.operations && !black_ && !closed_ && !calibrating_)
            options_.operations->sceneStarted(show_->scenes[e.index].id);
    }
}

void Player::prefetch(Micros t) {
    // Each picture at the size the renderer will ask for, so the decode ahead is the one drawn.
    render::prefetchImages(*show_, t, t + options_.lookahead, options_.loop, renderer_->viewportFor(drawnSize()).scale,
                           resources_.images());
}

std::chrono::microseconds uploadTimeBetweenFrames(std::chrono::steady_clock::duration untilNextFrame) {
    // Late already: none, and the store still makes one step, so a picture arrives even on
    // a machine that cannot keep up.
    return std::clamp(std::chrono::duration_cast<std::chrono::microseconds>(untilNextFrame - kUploadMargin),
                      std::chrono::microseconds{0}, std::chrono::microseconds(kUploadTimeBetweenFrames));
}

void Player::uploadAhead(Micros t, std::chrono::steady_clock::duration untilNextFrame) {
    renderer_->uploadAhead(t, t + kUploadAhead, options_.loop, drawnSize(), uploadTimeBetweenFrames(untilNextFrame));
}

sf::Vector2u Player::drawnSize() {
    return warpFrames_ ? canvas_->getSize() : window_.target().getSize();
}

void Player::reportMediaProblems() {
    for (const auto& f : resources_.images().takeFailures())
        log_("image " + f.path.string() + ": " + f.message + " (a placeholder is shown)");
    for (const auto& problem : renderer_->takeProblems()) log_(problem);
    for (const auto& p : audio_->takeProblems()) log_(p.message);
}

}  // namespace vitrine
