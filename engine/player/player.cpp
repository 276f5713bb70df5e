#include "player/player.h"

#include <algorithm>
#include <utility>

#include "player/closed_wait.h"
#include "player/described_audio.h"
#include "render/image_draw_size.h"
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
      turns_(languageTurns()),
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

namespace {
// Decoded pictures due this soon go to the GPU between frames, so a large scan (about a
// second of uploads on a software renderer) is whole when it appears.
constexpr Micros kUploadAhead = 3 * kMicrosPerSecond;
// Upload time between two frames at most, and what is left free before the next is due:
// a software renderer takes the 4 MB byte budget in 2-6 ms.
constexpr auto kUploadTimeBetweenFrames = std::chrono::milliseconds(4);
constexpr auto kUploadMargin = std::chrono::milliseconds(1);
}  // namespace

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
        if (turns_.size() > 1) live_.replace(inLanguagesOfLoop(loops_));
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
    if (drawn) {
        wake_.waitUntil(due_);
        return;
    }
    // Closed, nothing is drawn until something changes: no turn each second, but a sleep
    // until the hours change or a watchdog must hear from the loop (told how long, so the
    // silence is not a freeze). Keys on the window are seen at the next turn.
    std::optional<Micros> untilQuit;
    if (options_.quitAfter)
        untilQuit = *options_.quitAfter -
                    std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - playStarted_).count();
    const auto sleep = closedSleep(venue_->quietLimit(), untilQuit);
    venue_->quietFor(sleep.count());
    wake_.waitUntil(Clock::now() + sleep);
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

}  // namespace vitrine
