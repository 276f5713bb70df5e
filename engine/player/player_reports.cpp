// What the player tells: the status and watchdogs each turn, the journal (scenes, loops,
// memory, media problems), proof of play, and the status page's picture of the screen.

#include "player/player.h"

#include <algorithm>
#include <cstdio>

#include "control/resident_memory.h"
#include "control/screen_copy.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine {

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

void Player::reportMediaProblems() {
    for (const auto& f : resources_.images().takeFailures())
        log_("image " + f.path.string() + ": " + f.error.message + " (a placeholder is shown)");
    for (const auto& problem : live_.renderer().takeProblems()) log_(problem);
    for (const auto& p : live_.audio().takeProblems()) log_(p.message);
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

}  // namespace vitrine
