#pragma once
// Everything the frame loop needs to run as an installation, behind one object the
// player calls a few times a frame: show time from the wall clock, opening hours, the
// control servers and their command queue, the status snapshot, the watchdogs and the
// proof-of-play log. Built from the installation file.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "control/control_queue.h"
#include "control/http_control_server.h"
#include "control/osc_control_server.h"
#include "control/player_status.h"
#include "control/proof_of_play_log.h"
#include "control/watchdog.h"
#include "installation/installation.h"
#include "installation/wall_clock_anchor.h"
#include "output/display_probe.h"

namespace vitrine::power {
class PowerController;
}
namespace vitrine::output {
class DisplayWatcher;
}

namespace vitrine::control {

/// The wall clock: Unix time in microseconds.
using WallClock = std::function<std::int64_t()>;

/// The installation side of a running player.
class Operations {
public:
    /// A frame loop silent for longer than this is reported frozen in /status.
    static constexpr std::int64_t kFrozenAfterMicros = 2'000'000;

    /// `log` must be thread-safe (the servers log from their threads). `wallClock` gives the
    /// Unix time in microseconds; tests pass their own, so the hours and the start epoch
    /// can be checked at any instant.
    Operations(installation::Installation installation, ServerLog log,
               WallClock wallClock = installation::systemNowMicros);
    ~Operations();

    /// Starts the HTTP and OSC servers the file asks for; returns the problems (the show
    /// plays without a server that could not start).
    std::vector<std::string> startServers();

    /// Show time for a show of `duration` at this instant of the wall clock (with the
    /// advisory policy applied: see installation::scheduledShowTime).
    Micros wallShowTime(Micros duration) const;
    /// Where the show's content advisory begins (-1: it has none), for the advisory policy.
    void setAdvisoryStart(Micros start) { advisoryStart_ = start; }
    /// Whether the opening hours say to play now (machine's local time).
    bool openNow() const;

    ControlQueue& queue() { return queue_; }
    const installation::Installation& installation() const { return installation_; }

    /// Records a scene start in the proof-of-play log (when the file asks for one).
    void sceneStarted(const std::string& sceneId);
    /// Called once per frame after presenting, with how long the frame took against its
    /// period: fills in fps, dropped frames, frame count and uptime, publishes `status`,
    /// pets both watchdogs, and on the first call tells systemd the player is ready.
    void frameDone(PlayerStatus status, std::int64_t tookMicros, std::int64_t periodMicros);
    /// The monitors X reported at the watcher's last look; nullopt without an X display.
    std::optional<std::vector<output::MonitorRect>> monitors() const;
    /// Tells systemd the player is stopping.
    void stopping() { notifier_.stopping(); }

private:
    installation::Installation installation_;
    ServerLog log_;
    WallClock wallClock_;
    Micros advisoryStart_ = -1;
    ControlQueue queue_;
    StatusBoard status_;
    Watchdog watchdog_;
    SystemdNotifier notifier_;
    std::unique_ptr<HttpControlServer> http_;
    std::unique_ptr<OscControlServer> osc_;
    std::unique_ptr<ProofOfPlayLog> proofOfPlay_;
    std::unique_ptr<power::PowerController> power_;  // null when no output has <power>
    std::unique_ptr<output::DisplayWatcher> displays_;  // null without an X display
    bool readySent_ = false;
    std::int64_t startedAt_ = 0;
    std::int64_t frames_ = 0, dropped_ = 0;
    std::int64_t fpsWindowStart_ = 0, fpsWindowFrames_ = 0;
    double fps_ = 0;
    std::string lastState_;
};

/// The machine's local time (its time zone, as set with timedatectl) at Unix second `unixSeconds`.
installation::LocalTime localTimeAt(std::int64_t unixSeconds);

}  // namespace vitrine::control
