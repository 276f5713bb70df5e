#include "player/player.h"

#include <algorithm>
#include <thread>

#include "control/operations.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine {

Player::Player(const Show& show, render::RenderResources& resources, PlayerOptions options, LogLine log)
    : show_(show),
      resources_(resources),
      options_(options),
      log_(std::move(log)),
      window_(show.title.empty() ? "Vitrine" : show.title, options.window),
      renderer_(show, resources.text(), resources.textures()),
      audio_(show, options.audio, options.audioCapture) {
    if (options_.operations && !options_.operations->installation().outputs.empty()) {
        auto canvas = std::make_unique<sf::RenderTexture>();
        const sf::Vector2u size(static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height));
        if (canvas->create(size.x, size.y)) {
            canvas->setSmooth(true);
            canvas_ = std::move(canvas);
            warp_ = std::make_unique<output::WarpOutput>(options_.operations->installation().outputs, size);
            if (!warp_->shaderReady()) log_(warp_->problem());
        } else {
            log_("outputs: no canvas texture of " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                 "; drawing without keystone and blending");
        }
    }
}

namespace {
// Drift correction: the show clock follows the audio clock in steps of at most a
// millisecond a frame (too small to see), ignoring a dead band of jitter, and ignoring
// the moments after a seek or a loop when the output still plays the old sound.
constexpr Micros kDriftDeadBand = 2'000;
constexpr Micros kDriftMaxStep = 1'000;
constexpr Micros kDriftTransient = 500'000;
constexpr Micros kSettleAfterJump = 500'000;
// Further than this from where the wall clock puts the show (a restart, a clock step,
// a long pause), the player jumps back; closer, the audio clock steers.
constexpr Micros kWallClockTolerance = 100'000;
}  // namespace

void Player::run() {
    using Clock = std::chrono::steady_clock;
    const auto framePeriod = std::chrono::microseconds(kMicrosPerSecond / std::max(1, options_.frameRate));
    if (options_.operations) options_.start = options_.operations->wallShowTime(show_.duration);
    clock_.seek(options_.start);
    lastJump_ = options_.start;
    clock_.resume();
    previous_ = options_.start;
    auto deadline = Clock::now();
    const auto playStarted = Clock::now();
    auto statsDue = playStarted + std::chrono::microseconds(options_.statsInterval);
    bool firstFrame = true;
    while (window_.isOpen() && !finished_) {
        const auto frameStart = Clock::now();
        handleCommands();
        handleRemoteCommands();
        followAudioClock();
        followWallClock();
        Micros t = showTime();
        if (finished_) break;
        if (t < previous_) lastJump_ = clock_.position();  // looped
        reportEvents(previous_, t);
        prefetch(t);
        Frame frame = evaluate(show_, t);
        const bool dark = black_ || closed_;  // outside hours or on command: black and silent
        audio_.update(dark ? std::vector<AudioCue>{} : frame.audio, t, clock_.paused() || dark);
        if (dark) {
            window_.target().clear(sf::Color::Black);
        } else if (warp_) {
            renderer_.render(frame, *canvas_);
            canvas_->display();
            warp_->draw(canvas_->getTexture(), window_.target());
        } else {
            renderer_.render(frame, window_.target());
        }
        window_.present();
        const Micros took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - frameStart).count();
        stats_.frame(took, std::chrono::duration_cast<std::chrono::microseconds>(framePeriod).count());
        if (options_.operations) {
            control::PlayerStatus st;
            st.exhibit = show_.title;
            int scene = show_.sceneAt(t);
            if (scene >= 0) st.scene = show_.scenes[scene].id;
            st.time = t;
            st.duration = show_.duration;
            st.state = closed_ ? "closed" : black_ ? "black" : clock_.paused() ? "paused" : "playing";
            Micros drift = t - options_.operations->wallShowTime(show_.duration);
            if (drift > show_.duration / 2) drift -= show_.duration;
            if (drift < -show_.duration / 2) drift += show_.duration;
            st.drift = drift;
            options_.operations->frameDone(std::move(st), took,
                                           std::chrono::duration_cast<std::chrono::microseconds>(framePeriod).count());
        }
        if (Clock::now() >= statsDue) {
            log_(stats_.takeLine());
            statsDue += std::chrono::microseconds(options_.statsInterval);
        }
        if (firstFrame) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - options_.launchedAt).count();
            log_("first frame on screen " + std::to_string(ms) + " ms after launch");
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
            case Kind::Reload: log_("reload: not available in the player yet; restart the service to reload"); break;
            case Kind::Scene: {
                auto it = std::find_if(show_.scenes.begin(), show_.scenes.end(),
                                       [&](const auto& s) { return s.id == c.sceneId; });
                if (it == show_.scenes.end()) {
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

void Player::followWallClock() {
    // Paused or stepped by hand, the show leaves the wall clock on purpose; Play returns to it.
    if (!options_.operations || offWallClock_ || clock_.paused() || show_.duration <= 0) return;
    Micros wall = options_.operations->wallShowTime(show_.duration);
    Micros off = wrapTime(show_, clock_.position()) - wall;
    if (off > show_.duration / 2) off -= show_.duration;
    if (off < -show_.duration / 2) off += show_.duration;
    if (off > kWallClockTolerance || off < -kWallClockTolerance) {
        clock_.seek(wall);
        previous_ = wall;
        lastJump_ = wall;
    }
}

void Player::followAudioClock() {
    auto speakers = audio_.speakerShowTime();
    if (!speakers || clock_.paused() || show_.duration <= 0) return;
    Micros position = clock_.position();
    if (position - lastJump_ < kSettleAfterJump && position >= lastJump_) return;
    Micros drift = wrapTime(show_, position) - *speakers;
    if (drift > show_.duration / 2) drift -= show_.duration;
    if (drift < -show_.duration / 2) drift += show_.duration;
    if (drift > kDriftTransient || drift < -kDriftTransient) return;
    stats_.drift(drift);
    if (options_.driftObserver) options_.driftObserver(position, drift);
    if (drift > kDriftDeadBand || drift < -kDriftDeadBand) {
        clock_.nudge(std::clamp(-drift, -kDriftMaxStep, kDriftMaxStep));
        ++stats_.driftCorrections;
    }
}

void Player::handleCommands() {
    for (auto c : window_.pollCommands()) {
        switch (c) {
            case output::InputCommand::TogglePause:
                clock_.paused() ? clock_.resume() : clock_.pause();
                log_(clock_.paused() ? "paused" : "playing");
                break;
            case output::InputCommand::PreviousScene: goToScene(-1); break;
            case output::InputCommand::NextScene: goToScene(+1); break;
            case output::InputCommand::ToggleFullscreen: window_.setFullscreen(!window_.fullscreen()); break;
            case output::InputCommand::Quit: finished_ = true; break;
        }
    }
}

void Player::goToScene(int delta) {
    if (show_.scenes.empty()) return;
    int current = show_.sceneAt(wrapTime(show_, clock_.position()));
    int count = static_cast<int>(show_.scenes.size());
    int next = ((current < 0 ? 0 : current) + delta + count) % count;
    clock_.seek(show_.scenes[next].begin);
    previous_ = show_.scenes[next].begin;
    lastJump_ = clock_.position();
    offWallClock_ = true;
    log_("scene " + show_.scenes[next].id);
}

Micros Player::showTime() {
    Micros raw = clock_.position();
    if (!options_.loop && raw >= show_.duration) {
        finished_ = true;
        return show_.duration;
    }
    return options_.loop ? wrapTime(show_, raw) : raw;
}

void Player::reportEvents(Micros from, Micros to) {
    // A tick that crosses the loop point is split there, so nothing is missed or doubled.
    std::vector<ShowEvent> events;
    if (to < from) {
        events = eventsIn(show_, from, show_.duration);
        auto after = eventsIn(show_, 0, to);
        events.insert(events.end(), after.begin(), after.end());
    } else {
        events = eventsIn(show_, from, to);
    }
    for (const auto& e : events) {
        if (e.kind != ShowEvent::Kind::SceneStart) continue;
        log_("scene " + show_.scenes[e.index].id + " at " + formatClock(e.at));
        if (options_.operations && !black_ && !closed_) options_.operations->sceneStarted(show_.scenes[e.index].id);
    }
}

void Player::prefetch(Micros t) {
    for (const auto& path : imagesNeeded(show_, t, t + options_.lookahead, options_.loop))
        resources_.images().prefetch(path);
}

void Player::reportMediaProblems() {
    for (const auto& f : resources_.images().takeFailures())
        log_("image " + f.path.string() + ": " + f.message + " (a placeholder is shown)");
    for (const auto& problem : renderer_.takeProblems()) log_(problem);
    for (const auto& p : audio_.takeProblems())
        log_("sound " + show_.items[p.item].src + ": " + p.message + " (silence instead)");
}

}  // namespace vitrine
