#include "player/player.h"

#include "render/image_draw_size.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "control/operations.h"
#include "control/screen_copy.h"
#include "installation/saved_keystones.h"
#include "output/display_placement.h"
#include "player/described_audio.h"
#include "player/drift_follower.h"
#include "control/resident_memory.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine {

namespace {
LiveShow::Options liveOptions(const PlayerOptions& o, std::function<void()> wake) {
    LiveShow::Options live;
    live.audio = o.audio;
    live.audioCapture = o.audioCapture;
    live.volume = o.volume;
    live.speed = o.speed;
    live.reload = o.reload;
    live.reloadReady = std::move(wake);
    return live;
}
}  // namespace

Player::Player(std::shared_ptr<const Show> show, render::RenderResources& resources, PlayerOptions options, LogLine log)
    : resources_(resources),
      options_(std::move(options)),
      log_(std::move(log)),
      venue_(venueFor(options_.operations)),
      window_(show->title.empty() ? "Vitrine" : show->title, options_.window),
      compiled_(std::move(show)),
      live_(inLanguagesOfLoop(0), resources, liveOptions(options_, [this] { wake_.wake(); })) {
    if (!venue_->outputs().empty()) {
        warpFrames_ = ensureWarp();
        if (!warpFrames_)
            log_("outputs: no canvas texture of " + std::to_string(live_.show().canvas.width) + "x" +
                 std::to_string(live_.show().canvas.height) + "; drawing without keystone and blending");
    }
    if (options_.calibrate) setCalibrating(true);
    venue_->onCommand([this] { wake_.wake(); });
}

Player::~Player() {
    venue_->onCommand({});  // the queue outlives this player: it must not wake a player that is gone
}

bool Player::ensureWarp() {
    if (warp_) return true;
    auto canvas = std::make_unique<sf::RenderTexture>();
    const sf::Vector2u size(static_cast<unsigned>(show().canvas.width), static_cast<unsigned>(show().canvas.height));
    if (!canvas->create(size.x, size.y)) return false;
    canvas->setSmooth(true);
    canvas_ = std::move(canvas);
    warp_ = std::make_unique<output::WarpOutput>(venue_->outputs(), size, window_.target().getSize());
    if (!warp_->shaderReady()) log_(warp_->problem()->message);
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

// While closed nothing is drawn, but the loop still turns this often: /status and the
// watchdogs hear from it (a loop silent for Operations::kFrozenAfterMicros is reported
// frozen), and it sees the opening time and the window's keys.
constexpr auto kClosedHeartbeat = std::chrono::seconds(1);

void Player::run() {
    begin();
    while (mode_.now != PlayerState::Finished && window_.isOpen()) {
        const auto turnStart = Clock::now();
        takeInput();
        followDisplays();
        swapInReload();
        followAudioClock();
        followWallClock();
        const Micros clockTime = live_.clock().position();
        const Micros t = advance(clockTime);
        if (mode_.now == PlayerState::Finished) break;
        const bool drawn = showFrame(t, clockTime);
        publish(t, std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - turnStart).count(), drawn);
        previous_ = t;
        if (options_.quitAfter &&
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - playStarted_).count() >= *options_.quitAfter)
            change(PlayerEvent::Quit);
        waitForNextTurn(drawn);
    }
    end();
}

void Player::begin() {
    venue_->started(show().title, show().file);
    // A stop request ends the wait under way, not only the next turn.
    if (options_.speed == 1)
        if (auto wall = venue_->wallShowTime(show().duration)) options_.start = *wall;
    jump(options_.start);
    offWallClock_ = false;
    change(PlayerEvent::Play);
    playStarted_ = due_ = Clock::now();
    statsDue_ = playStarted_ + std::chrono::microseconds(options_.statsInterval);
}

void Player::takeInput() {
    if (options_.stop.stop_requested()) change(PlayerEvent::Quit);
    handleCommands();
    change(venue_->openNow() ? PlayerEvent::HoursOpened : PlayerEvent::HoursClosed);
    handleRemoteCommands();
}

Micros Player::advance(Micros clockTime) {
    if (!options_.loop && clockTime >= show().duration) {
        change(PlayerEvent::Quit);
        return show().duration;
    }
    const Micros t = options_.loop ? wrapTime(show(), clockTime) : clockTime;
    if (t < previous_) {  // looped
        live_.looped(clockTime);
        noteLoop();
        // `alternate`: this loop in its language (loop 1 the first listed, loop 2 the next…).
        if (options_.languages.mode == installation::LanguageMode::Alternate) live_.replace(inLanguagesOfLoop(loops_));
    }
    reportEvents(previous_, t);
    return t;
}

bool Player::showFrame(Micros t, Micros clockTime) {
    const PlayerState state = mode_.now;
    // Closed, the black picture stays on screen: nothing is drawn until something changes.
    if (state == PlayerState::Closed && shown_ == PlayerState::Closed) {
        live_.audio().update({}, t, true);
        return false;
    }
    // Decodes asked for while the frame is drawn wait until it is on screen, as uploads do.
    // The hold spans present(): a software renderer draws the frame there, and a GPU's
    // vsync wait there costs a new decode at most a frame.
    resources_.images().holdNewDecodes();
    if (state != PlayerState::Closed) prefetch(t);
    // Looping, the clock's position past the end says a pass came before: the seam fades.
    Frame frame = options_.loop ? evaluateLooping(show(), clockTime) : evaluate(show(), t);
    // Outside hours, on command, or while calibrating: no show sound.
    const bool heard = showIsHeard(state);
    live_.audio().update(heard ? heardCues(show(), std::move(frame.audio), venue_->describingNow()) : std::vector<AudioCue>{},
                         t, live_.clock().paused() || !heard);
    if (state == PlayerState::Calibrating) drawCalibration();
    else if (state == PlayerState::Black || state == PlayerState::Closed) window_.target().clear(sf::Color::Black);
    else drawFrame(frame);
    if (options_.frameShown) options_.frameShown(window_.capture());
    copyScreenIfDue();
    window_.present();
    shown_ = state;
    resources_.images().startHeldDecodes();
    // Pictures go to the GPU once the frame is on screen, in the time left before the
    // next one is due, so no frame waits for an upload.
    live_.renderer().uploadAhead(t, t + kUploadAhead, options_.loop, drawnSize(), uploadTimeBetweenFrames(nextDue() - Clock::now()));
    reportMediaProblems();
    return true;
}

void Player::publish(Micros t, Micros took, bool drawn) {
    const Micros period = kMicrosPerSecond / std::max(1, options_.frameRate);
    if (drawn) stats_.frame(took, period);
    control::PlayerStatus st;
    st.exhibit = show().title;
    int scene = show().sceneAt(t);
    if (scene >= 0) st.scene = show().scenes[scene].id;
    st.time = t;
    st.duration = show().duration;
    st.state = std::string(stateName(mode_.now));
    // The show clock and the wall clock read at one instant: `t`, read before the frame was
    // drawn, against the wall clock now would count the drawing time as drift.
    if (auto wall = venue_->wallShowTime(show().duration))
        st.drift = loopOffset(wrapTime(show(), live_.clock().position()), *wall);
    if (!reloadProblem_.empty()) st.problems.push_back(reloadProblem_);
    if (warp_ && !warp_->shaderReady()) st.problems.push_back(warp_->problem()->message);
    venue_->frameDone(std::move(st), took, period);
    if (Clock::now() >= statsDue_) {
        log_(stats_.takeLine());
        statsDue_ += std::chrono::microseconds(options_.statsInterval);
    }
    if (drawn && firstFrame_) logFirstFrame(t);
}

void Player::logFirstFrame(Micros t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - options_.launchedAt).count();
    std::string line = "first frame on screen " + std::to_string(ms) + " ms after launch, at " + formatClock(t);
    if (auto wall = venue_->wallShowTime(show().duration)) {
        char off[64];
        std::snprintf(off, sizeof off, " (%+.1f ms from the wall clock)", static_cast<double>(t - *wall) / 1000.0);
        line += off;
    }
    log_(line);
    firstFrame_ = false;
}

Player::Clock::time_point Player::nextDue() const {
    // The frames keep to a grid of periods: a turn woken early (a command) leaves it as it
    // was; a late frame does not try to catch up with a burst.
    const auto period = std::chrono::microseconds(kMicrosPerSecond / std::max(1, options_.frameRate));
    const auto now = Clock::now();
    return due_ > now ? due_ : std::max(due_ + period, now);
}

void Player::waitForNextTurn(bool drawn) {
    if (mode_.now == PlayerState::Finished) return;
    due_ = nextDue();
    // Rather than spinning (vsync may already have waited); a command, a reload or a stop
    // request ends the wait at once.
    std::stop_callback onStop(options_.stop, [this] { wake_.wake(); });
    wake_.waitUntil(drawn ? due_ : Clock::now() + kClosedHeartbeat);
}

void Player::end() {
    log_(stats_.takeLine());
    venue_->stopping();
    window_.close();
}

void Player::change(PlayerEvent event) {
    mode_ = nextMode(mode_, event);
    // The mode says whether the clock runs; the clock is told only when that changes.
    const bool paused = mode_.clock == PlayerState::Paused;
    if (paused != live_.clock().paused()) paused ? live_.clock().pause() : live_.clock().resume();
}

void Player::jump(Micros at) {
    // The one way to move the show: the clock (and the moment drift measurements restart
    // from), and the interval events are reported over.
    live_.jump(at);
    previous_ = at;
}

void Player::drawFrame(const Frame& frame) {
    if (warpFrames_) {
        live_.renderer().render(frame, *canvas_, render::MediaWait::BetweenFrames);
        canvas_->display();
        warp_->draw(canvas_->getTexture(), window_.target());
    } else {
        live_.renderer().render(frame, window_.target(), render::MediaWait::BetweenFrames);
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
    if (on == (mode_.now == PlayerState::Calibrating)) return;
    if (on) {
        if (!ensureWarp()) {
            log_("calibration: no canvas texture could be made; calibration is not available");
            return;
        }
        if (!calibration_) {
            std::filesystem::path file = venue_->installationFile();
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
    change(on ? PlayerEvent::CalibrationOn : PlayerEvent::CalibrationOff);
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

std::shared_ptr<const Show> Player::inLanguagesOfLoop(int loop) const {
    const LanguageChoice choice = choiceForLoop(options_.languages, loop);
    if (choice.text.empty() && choice.captions.empty()) return compiled_;  // nothing to choose: no copy
    Show chosen = chooseLanguages(*compiled_, choice);
    markSpokenSpans(chosen);  // the described track chosen may be another language's, with its own words
    return std::make_shared<const Show>(std::move(chosen));
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
    if (live_.reloading()) log_("reload: already reading the exhibit; it is read again once that ends");
    if (!live_.reload()) log_("reload: this player was not started from a file it can read again");
}

void Player::swapInReload() {
    std::optional<Result<LiveShow::Reload>> taken = live_.takeReload();
    if (!taken) return;
    if (!*taken) {
        // The old show keeps playing; the problem stays in /status until a reload succeeds.
        reloadProblem_ = "reload failed, still playing the previous version: " + taken->error().message;
        log_(reloadProblem_);
        return;
    }
    const LiveShow::Reload& reloaded = **taken;
    // The show read is as compiled: the site's languages go on it as on the first.
    compiled_ = live_.sharedShow();
    if (auto chosen = inLanguagesOfLoop(loops_); chosen != compiled_) live_.replace(std::move(chosen));
    venue_->setAdvisoryStart(reloaded.advisoryStart);
    // The live show went on from the same scene, at the same offset into it.
    Micros at = reloaded.at;
    bool timingChanged = false;
    if (followingWallClock()) {
        const Micros wall = *venue_->wallShowTime(show().duration);
        const Micros off = loopOffset(at, wall);
        // Within the tolerance the place is the wall clock's, exactly: the few microseconds
        // since the clock was read would otherwise add up, reload after reload.
        if (off <= kWallClockTolerance && off >= -kWallClockTolerance) at = wall;
        else timingChanged = true;
    }
    jump(at);
    reloadProblem_.clear();
    log_("reloaded " + show().file + " at " + formatClock(at));
    if (timingChanged) {
        // The edit moved this moment in time; jumping would lose the visitor's place.
        offWallClock_ = true;
        log_("reload: the show's timing changed; it follows the wall clock again after 'play'");
    }
}

void Player::handleRemoteCommands() {
    for (const auto& c : venue_->takeCommands()) {
        using Kind = control::ControlCommand::Kind;
        log_("remote " + std::string(control::commandVerb(c.kind)) + (c.sceneId.empty() ? "" : " " + c.sceneId) +
             " from " + c.origin);
        switch (c.kind) {
            case Kind::Play:
                change(PlayerEvent::Play);
                offWallClock_ = false;  // back to where the wall clock says
                break;
            case Kind::Pause:
                change(PlayerEvent::Pause);
                offWallClock_ = true;
                break;
            case Kind::Next: goToScene(+1); break;
            case Kind::Previous: goToScene(-1); break;
            case Kind::Black: change(PlayerEvent::ToggleBlack); break;
            case Kind::Reload: reload(); break;
            case Kind::Description:
                venue_->describe(c.description);
                log_(venue_->describingNow() ? "audio description on" : "audio description off");
                break;
            case Kind::Scene: {
                auto it = std::find_if(show().scenes.begin(), show().scenes.end(),
                                       [&](const auto& s) { return s.id == c.sceneId; });
                if (it == show().scenes.end()) {
                    log_("remote scene " + c.sceneId + ": no such scene");
                    break;
                }
                jump(it->begin);
                offWallClock_ = true;
                break;
            }
        }
    }
}

bool Player::followingWallClock() const {
    // Paused or stepped by hand, the show leaves the wall clock on purpose; Play returns to it.
    return !offWallClock_ && !live_.clock().paused() && show().duration > 0 && options_.speed == 1 &&
           venue_->wallShowTime(show().duration);
}

Micros Player::loopOffset(Micros a, Micros b) const {
    // The shorter way round the loop: 1 s after the end is 1 s after the start.
    Micros off = a - b;
    if (off > show().duration / 2) off -= show().duration;
    if (off < -show().duration / 2) off += show().duration;
    return off;
}

void Player::followWallClock() {
    if (!followingWallClock()) return;
    const Micros wall = *venue_->wallShowTime(show().duration);
    const Micros off = loopOffset(wrapTime(show(), live_.clock().position()), wall);
    if (off > kWallClockTolerance || off < -kWallClockTolerance) jump(wall);
}

void Player::followAudioClock() {
    const Micros position = live_.clock().position();
    const auto step = live_.followAudio();
    if (!step) return;
    stats_.drift(step->drift);
    if (options_.driftObserver) options_.driftObserver(position, step->drift);
    if (step->nudge != 0) ++stats_.driftCorrections;
}

void Player::handleCommands() {
    std::vector<sf::Event> calibrationEvents;
    const bool calibrating = mode_.now == PlayerState::Calibrating;
    for (auto c : window_.pollCommands(calibrating ? &calibrationEvents : nullptr)) {
        switch (c) {
            case output::InputCommand::TogglePause:
                change(PlayerEvent::TogglePause);
                log_(live_.clock().paused() ? "paused" : "playing");
                break;
            case output::InputCommand::PreviousScene: goToScene(-1); break;
            case output::InputCommand::NextScene: goToScene(+1); break;
            case output::InputCommand::ToggleFullscreen:
                window_.setFullscreen(!window_.fullscreen());
                shown_ = PlayerState::Finished;  // a new window: nothing on it yet, even while closed
                monitorsPlacedFor_.reset();      // back to fullscreen: placed over the monitors again
                break;
            case output::InputCommand::ToggleCalibration: setCalibrating(mode_.now != PlayerState::Calibrating); break;
            case output::InputCommand::ToggleDescription:
                venue_->describe(installation::DescriptionCommand::Toggle);
                log_(venue_->describingNow() ? "audio description on" : "audio description off");
                break;
            case output::InputCommand::Quit: change(PlayerEvent::Quit); break;
        }
    }
    if (calibrating) handleCalibrationEvents(calibrationEvents);
}

void Player::followDisplays() {
    // A display that comes back, or returns at another size or place: the window goes over
    // it again and the warp is rebuilt for its size with every keystone kept. Only a
    // fullscreen window: one opened by hand stays where its user put it.
    auto seen = venue_->monitors();
    if (!seen || seen == monitorsPlacedFor_ || !window_.fullscreen()) return;
    monitorsPlacedFor_ = seen;
    const auto place = output::windowPlacement(venue_->outputs(), *seen);
    if (!place || window_.placedOver(place->x, place->y, place->width, place->height)) return;
    window_.placeOver(place->x, place->y, place->width, place->height);
    window_.showCursor(mode_.now == PlayerState::Calibrating);
    shown_ = PlayerState::Finished;  // a new window: nothing on it yet, even while closed
    log_("outputs: window placed over " + std::to_string(place->width) + "x" + std::to_string(place->height) + " at " +
         std::to_string(place->x) + "," + std::to_string(place->y));
    if (!warp_) return;
    warp_ = std::make_unique<output::WarpOutput>(output::keystonesKept(venue_->outputs(), *warp_), canvas_->getSize(),
                                                 window_.target().getSize());
    // Calibration edits the warp it was made for; its corners were carried over above.
    if (calibration_) calibration_ = std::make_unique<output::Calibration>(*warp_, calibration_->saveFile());
}

void Player::goToScene(int delta) {
    if (show().scenes.empty()) return;
    int current = show().sceneAt(wrapTime(show(), live_.clock().position()));
    int count = static_cast<int>(show().scenes.size());
    int next = ((current < 0 ? 0 : current) + delta + count) % count;
    jump(show().scenes[next].begin);
    offWallClock_ = true;
    log_("scene " + show().scenes[next].id);
}

void Player::copyScreenIfDue() {
    // The status page's picture: every few seconds while someone looks, scaled down on the
    // GPU (a whole 1080p frame read back cost the frame it fell on) and encoded on the
    // copy's own thread.
    control::ScreenCopy* screen = venue_->screenCopy();
    if (!screen || !screen->due()) return;
    const sf::Image picture = window_.captureScaled(control::ScreenCopy::kWidth);
    screen->offer(picture.getPixelsPtr(), static_cast<int>(picture.getSize().x), static_cast<int>(picture.getSize().y));
}

void Player::reportEvents(Micros from, Micros to) {
    // A tick that crosses the loop point is split there, so nothing is missed or doubled.
    std::vector<ShowEvent> events;
    if (to < from) {
        events = eventsIn(show(), from, show().duration);
        auto after = eventsIn(show(), 0, to);
        events.insert(events.end(), after.begin(), after.end());
    } else {
        events = eventsIn(show(), from, to);
    }
    for (const auto& e : events) {
        if (e.kind != ShowEvent::Kind::SceneStart) continue;
        // Closed, the show runs on in the dark: a night of scene lines would bury the journal.
        if (mode_.now != PlayerState::Closed) log_("scene " + show().scenes[e.index].id + " at " + formatClock(e.at));
        // Proof of play records what visitors saw: not black, closed or test patterns.
        if (mode_.now != PlayerState::Black && mode_.now != PlayerState::Closed && mode_.now != PlayerState::Calibrating)
            venue_->sceneStarted(show().scenes[e.index].id);
    }
}

void Player::prefetch(Micros t) {
    // Each picture at the size the renderer will ask for, so the decode ahead is the one drawn.
    render::prefetchImages(show(), t, t + options_.lookahead, options_.loop, live_.renderer().viewportFor(drawnSize()).scale,
                           resources_.images());
}

std::chrono::microseconds uploadTimeBetweenFrames(std::chrono::steady_clock::duration untilNextFrame) {
    // Late already: none, and the store still makes one step, so a picture arrives even on
    // a machine that cannot keep up.
    return std::clamp(std::chrono::duration_cast<std::chrono::microseconds>(untilNextFrame - kUploadMargin),
                      std::chrono::microseconds{0}, std::chrono::microseconds(kUploadTimeBetweenFrames));
}

sf::Vector2u Player::drawnSize() {
    return warpFrames_ ? canvas_->getSize() : window_.target().getSize();
}

void Player::reportMediaProblems() {
    for (const auto& f : resources_.images().takeFailures())
        log_("image " + f.path.string() + ": " + f.error.message + " (a placeholder is shown)");
    for (const auto& problem : live_.renderer().takeProblems()) log_(problem);
    for (const auto& p : live_.audio().takeProblems()) log_(p.message);
}

}  // namespace vitrine
