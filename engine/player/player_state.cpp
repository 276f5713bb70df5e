#include "player/player_state.h"

namespace vitrine {

namespace {
// Closed and Calibrating cover the operator's choice; a choice made under them shows once
// they lift.
bool covered(PlayerState s) { return s == PlayerState::Closed || s == PlayerState::Calibrating; }

PlayerMode choose(PlayerMode mode, PlayerState chosen) {
    mode.chosen = chosen;
    if (!covered(mode.now)) mode.now = chosen;
    return mode;
}
}  // namespace

PlayerMode nextMode(PlayerMode mode, PlayerEvent event) {
    using S = PlayerState;
    if (mode.now == S::Finished) return mode;
    switch (event) {
        case PlayerEvent::Play:
            mode.clock = S::Playing;
            return choose(mode, S::Playing);
        case PlayerEvent::Pause:
            mode.clock = S::Paused;
            return choose(mode, mode.chosen == S::Black ? S::Black : S::Paused);
        case PlayerEvent::TogglePause:
            mode.clock = mode.clock == S::Playing ? S::Paused : S::Playing;
            return choose(mode, mode.chosen == S::Black ? S::Black : mode.clock);
        case PlayerEvent::ToggleBlack: return choose(mode, mode.chosen == S::Black ? mode.clock : S::Black);
        case PlayerEvent::HoursClosed:
            if (mode.now != S::Calibrating) mode.now = S::Closed;
            return mode;
        case PlayerEvent::HoursOpened:
            if (mode.now == S::Closed) mode.now = mode.chosen;
            return mode;
        case PlayerEvent::CalibrationOn: mode.now = S::Calibrating; return mode;
        case PlayerEvent::CalibrationOff:
            if (mode.now == S::Calibrating) mode.now = mode.chosen;
            return mode;
        case PlayerEvent::Quit: mode.now = S::Finished; return mode;
    }
    return mode;
}

std::string_view stateName(PlayerState state) {
    switch (state) {
        case PlayerState::Playing: return "playing";
        case PlayerState::Paused: return "paused";
        case PlayerState::Black: return "black";
        case PlayerState::Closed: return "closed";
        case PlayerState::Calibrating: return "calibrating";
        case PlayerState::Finished: return "finished";
    }
    return "?";
}

}  // namespace vitrine
