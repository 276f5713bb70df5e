// The clocks the player follows: the audio clock, the wall clock, and the place a reload
// keeps (with the site's languages put on the show read, as on each loop).

#include "player/player.h"

#include <algorithm>

#include "player/described_audio.h"
#include "player/drift_follower.h"
#include "timeline/show_position.h"

namespace vitrine {

namespace {
// Further than this from where the wall clock puts the show (a restart, a clock step,
// a long pause), the player jumps back; closer, the audio clock steers.
constexpr Micros kWallClockTolerance = 100'000;
}  // namespace

void Player::followAudioClock() {
    const Micros position = live_.clock().position();
    const auto step = live_.followAudio();
    if (!step) return;
    stats_.drift(step->drift);
    if (options_.driftObserver) options_.driftObserver(position, step->drift);
    if (step->nudge != 0) ++stats_.driftCorrections;
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
    turns_ = languageTurns();
    live_.replace(inLanguagesOfLoop(loops_));
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

std::vector<std::shared_ptr<const Show>> Player::languageTurns() const {
    const bool alternate = options_.languages.mode == installation::LanguageMode::Alternate;
    const int count = alternate ? std::max<int>(1, static_cast<int>(options_.languages.text.size())) : 1;
    std::vector<std::shared_ptr<const Show>> turns;
    for (int loop = 0; loop < count; ++loop) {
        // No site choice of text: the exhibit's main language, not every language stacked.
        const LanguageChoice choice = withDefaultText(choiceForLoop(options_.languages, loop), *compiled_);
        // In `both`, texts grown by their second language are set smaller to fit their boxes.
        Show chosen = chooseLanguages(*compiled_, choice, resources_.fonts());
        markSpokenSpans(chosen);  // the described track chosen may be another language's, with its own words
        turns.push_back(std::make_shared<const Show>(std::move(chosen)));
    }
    return turns;
}

const std::shared_ptr<const Show>& Player::inLanguagesOfLoop(int loop) const {
    return turns_[static_cast<std::size_t>(loop) % turns_.size()];
}

}  // namespace vitrine
