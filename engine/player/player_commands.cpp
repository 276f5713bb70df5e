// What the player is told to do: keys on its window and remote commands.

#include "player/player.h"

#include <algorithm>

#include "control/control_queue.h"
#include "timeline/show_position.h"

namespace vitrine {

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

void Player::goToScene(int delta) {
    if (show().scenes.empty()) return;
    int current = show().sceneAt(wrapTime(show(), live_.clock().position()));
    int count = static_cast<int>(show().scenes.size());
    int next = ((current < 0 ? 0 : current) + delta + count) % count;
    jump(show().scenes[next].begin);
    offWallClock_ = true;
    log_("scene " + show().scenes[next].id);
}

void Player::reload() {
    if (live_.reloading()) log_("reload: already reading the exhibit; it is read again once that ends");
    if (!live_.reload()) log_("reload: this player was not started from a file it can read again");
}

}  // namespace vitrine
