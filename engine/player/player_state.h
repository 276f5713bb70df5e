#pragma once
// What the player is doing, as one value, and how keys, remotes, the opening hours and
// calibration change it: a pure function, so every transition can be checked as data.

#include <string_view>

namespace vitrine {

/// What the frame loop does now (and what /status says).
enum class PlayerState {
    Playing,      // the show, its clock running
    Paused,       // the show, its clock stopped
    Black,        // a remote asked for black: no picture, no sound, the clock as it was
    Closed,       // outside the opening hours: nothing drawn, the loop idles
    Calibrating,  // test patterns and keystone corners instead of the show
    Finished,     // quit, stopped, or the end of a show that does not loop
};

/// What can change the state.
enum class PlayerEvent {
    Play,            // remote play: running, black off
    Pause,           // remote pause: the clock stops (black stays black)
    TogglePause,     // the Space key
    ToggleBlack,     // remote black
    HoursClosed,     // the opening hours say closed (told every frame; idempotent)
    HoursOpened,     // the opening hours say open (told every frame; idempotent)
    CalibrationOn,
    CalibrationOff,
    Quit,            // a key, a stop request, or the end of the show
};

/// The state, with what lies under Closed and Calibrating: the operator's choice (Playing,
/// Paused or Black) and whether the clock runs (Playing) or not (Paused). Black and
/// Calibrating keep the clock as it was, so the show comes back where it would be.
struct PlayerMode {
    PlayerState now = PlayerState::Playing;
    PlayerState chosen = PlayerState::Playing;  // Playing, Paused or Black
    PlayerState clock = PlayerState::Playing;   // Playing or Paused

    bool operator==(const PlayerMode&) const = default;
};

/// The mode after `event`. Calibration covers the hours, the hours cover the operator's
/// choice; leaving calibration shows the choice until the next frame tells the hours again.
PlayerMode nextMode(PlayerMode mode, PlayerEvent event);

/// The state's name in /status and the log: "playing", "paused", "black", "closed", …
std::string_view stateName(PlayerState state);

/// Whether the show's sound plays in this state.
inline bool showIsHeard(PlayerState s) { return s == PlayerState::Playing || s == PlayerState::Paused; }

}  // namespace vitrine
