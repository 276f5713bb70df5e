#include "player/player.h"

#include <algorithm>
#include <thread>

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
      audio_(show, options.audio, options.audioCapture) {}

namespace {
// Drift correction: the show clock follows the audio clock in steps of at most a
// millisecond a frame (too small to see), ignoring a dead band of jitter, and ignoring
// the moments after a seek or a loop when the output still plays the old sound.
constexpr Micros kDriftDeadBand = 2'000;
constexpr Micros kDriftMaxStep = 1'000;
constexpr Micros kDriftTransient = 500'000;
constexpr Micros kSettleAfterJump = 500'000;
}  // namespace

void Player::run() {
    using Clock = std::chrono::steady_clock;
    const auto framePeriod = std::chrono::microseconds(kMicrosPerSecond / std::max(1, options_.frameRate));
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
        followAudioClock();
        Micros t = showTime();
        if (finished_) break;
        if (t < previous_) lastJump_ = clock_.position();  // looped
        reportEvents(previous_, t);
        prefetch(t);
        Frame frame = evaluate(show_, t);
        audio_.update(frame.audio, t, clock_.paused());
        renderer_.render(frame, window_.target());
        window_.present();
        stats_.frame(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - frameStart).count(),
                     std::chrono::duration_cast<std::chrono::microseconds>(framePeriod).count());
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
    window_.close();
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
    for (const auto& e : events)
        if (e.kind == ShowEvent::Kind::SceneStart) log_("scene " + show_.scenes[e.index].id + " at " + formatClock(e.at));
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
