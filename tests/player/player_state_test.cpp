#include <doctest/doctest.h>

#include <vector>

#include "player/player_state.h"

using namespace vitrine;

namespace {
using S = PlayerState;
using E = PlayerEvent;

struct Transition {
    PlayerMode from;
    PlayerEvent event;
    PlayerMode to;
};
}  // namespace

TEST_CASE("player state: every transition, as data") {
    // {now, chosen, clock}
    const PlayerMode playing{S::Playing, S::Playing, S::Playing};
    const PlayerMode paused{S::Paused, S::Paused, S::Paused};
    const PlayerMode black{S::Black, S::Black, S::Playing};
    const PlayerMode blackPaused{S::Black, S::Black, S::Paused};
    const std::vector<Transition> table = {
        {playing, E::Pause, paused},
        {paused, E::Play, playing},
        {playing, E::TogglePause, paused},
        {paused, E::TogglePause, playing},
        {playing, E::ToggleBlack, black},
        {black, E::ToggleBlack, playing},
        // Paused under black stays black; black lifted shows the paused picture.
        {black, E::Pause, blackPaused},
        {blackPaused, E::ToggleBlack, paused},
        {black, E::Play, playing},
        // The hours cover the operator's choice and give it back.
        {playing, E::HoursClosed, {S::Closed, S::Playing, S::Playing}},
        {paused, E::HoursClosed, {S::Closed, S::Paused, S::Paused}},
        {{S::Closed, S::Playing, S::Playing}, E::HoursClosed, {S::Closed, S::Playing, S::Playing}},
        {{S::Closed, S::Playing, S::Playing}, E::HoursOpened, playing},
        {{S::Closed, S::Paused, S::Paused}, E::HoursOpened, paused},
        {playing, E::HoursOpened, playing},
        // A remote command while closed is kept for the opening.
        {{S::Closed, S::Playing, S::Playing}, E::ToggleBlack, {S::Closed, S::Black, S::Playing}},
        {{S::Closed, S::Playing, S::Playing}, E::Pause, {S::Closed, S::Paused, S::Paused}},
        // Calibration covers everything, the hours included, and gives back the choice.
        {playing, E::CalibrationOn, {S::Calibrating, S::Playing, S::Playing}},
        {{S::Closed, S::Black, S::Playing}, E::CalibrationOn, {S::Calibrating, S::Black, S::Playing}},
        {{S::Calibrating, S::Playing, S::Playing}, E::HoursClosed, {S::Calibrating, S::Playing, S::Playing}},
        {{S::Calibrating, S::Playing, S::Playing}, E::TogglePause, {S::Calibrating, S::Paused, S::Paused}},
        {{S::Calibrating, S::Black, S::Playing}, E::CalibrationOff, black},
        {playing, E::CalibrationOff, playing},
        // Quit is the end, whatever comes after.
        {playing, E::Quit, {S::Finished, S::Playing, S::Playing}},
        {{S::Closed, S::Playing, S::Playing}, E::Quit, {S::Finished, S::Playing, S::Playing}},
        {{S::Finished, S::Playing, S::Playing}, E::Play, {S::Finished, S::Playing, S::Playing}},
        {{S::Finished, S::Playing, S::Playing}, E::HoursOpened, {S::Finished, S::Playing, S::Playing}},
    };
    for (const auto& [from, event, to] : table) {
        CAPTURE(stateName(from.now));
        CAPTURE(static_cast<int>(event));
        const PlayerMode got = nextMode(from, event);
        CHECK(stateName(got.now) == stateName(to.now));
        CHECK(stateName(got.chosen) == stateName(to.chosen));
        CHECK(stateName(got.clock) == stateName(to.clock));
    }
}

TEST_CASE("player state: the names /status reports") {
    CHECK(stateName(S::Playing) == "playing");
    CHECK(stateName(S::Paused) == "paused");
    CHECK(stateName(S::Black) == "black");
    CHECK(stateName(S::Closed) == "closed");
    CHECK(stateName(S::Calibrating) == "calibrating");
    CHECK(showIsHeard(S::Playing));
    CHECK(showIsHeard(S::Paused));
    CHECK_FALSE(showIsHeard(S::Black));
    CHECK_FALSE(showIsHeard(S::Closed));
    CHECK_FALSE(showIsHeard(S::Calibrating));
}
