#pragma once
// Where the show plays: an installation (wall clock, opening hours, remote control,
// /status and watchdogs, proof of play, projector outputs) or a window opened by hand,
// which has none of these. The frame loop talks to one Venue and never asks which.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "control/control_queue.h"
#include "control/player_status.h"
#include "installation/installation.h"
#include "power/display_probe.h"
#include "base/time_value.h"

namespace vitrine::control {
class Operations;
class ScreenCopy;
}

namespace vitrine {

class Venue {
public:
    virtual ~Venue() = default;

    /// Where the wall clock puts a show of `duration` now; nullopt: no wall clock to follow.
    virtual std::optional<Micros> wallShowTime(Micros duration) const = 0;
    /// Whether the opening hours say to play now.
    virtual bool openNow() const = 0;
    /// How long the frame loop may sleep while nothing changes (closed: nothing to draw):
    /// until the opening hours change or a watchdog must hear from it; nullopt: no limit.
    virtual std::optional<Micros> quietLimit() const = 0;
    /// The loop sleeps for up to `micros` (closed): the watchdog does not call it frozen before.
    virtual void quietFor(Micros micros) = 0;
    /// Remote commands queued since the last call, oldest first.
    virtual std::vector<control::ControlCommand> takeCommands() = 0;
    /// `wake` is called from another thread when a remote command arrives.
    virtual void onCommand(std::function<void()> wake) = 0;
    /// The frame loop begins: the journal's start line.
    virtual void started(const std::string& exhibitTitle, const std::string& exhibitFile) = 0;
    /// Where the status page's picture of the screen goes; null when nobody can look.
    virtual control::ScreenCopy* screenCopy() = 0;
    /// A scene began on screen (proof of play).
    virtual void sceneStarted(const std::string& sceneId) = 0;
    /// One turn of the loop is done (drawn or not): status, watchdogs, readiness.
    virtual void frameDone(control::PlayerStatus status, Micros took, Micros period) = 0;
    virtual void setAdvisoryStart(std::optional<Micros> start) = 0;
    virtual void stopping() = 0;
    /// The projector outputs to warp and blend onto; empty: the window shows the canvas.
    virtual std::vector<installation::Output> outputs() const = 0;
    /// The monitors X reports now (watched every second); nullopt: none watched, the window
    /// stays where it opened.
    virtual std::optional<std::vector<power::MonitorRect>> monitors() const = 0;
    /// Whether the audio description plays now: the installation's <description> line and
    /// the commands since; by hand, off until the D key turns it on.
    virtual bool describingNow() = 0;
    /// A command for the audio description (a remote's, or the D key).
    virtual void describe(installation::DescriptionCommand command) = 0;
    /// The installation file calibration saves corners for; empty when there is none.
    virtual std::filesystem::path installationFile() const = 0;
};

/// The installation's venue over `operations`, or, when it is null, a window opened by
/// hand: always open, no wall clock, no remote, nothing published.
std::unique_ptr<Venue> venueFor(control::Operations* operations);

}  // namespace vitrine
