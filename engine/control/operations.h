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
#include "control/frame_times.h"
#include "control/http_control_server.h"
#include "control/osc_control_server.h"
#include "control/player_status.h"
#include "control/proof_of_play_log.h"
#include "control/screen_copy.h"
#include "control/watchdog.h"
#include "installation/installation.h"
#include "installation/wall_clock_anchor.h"
#include "power/display_probe.h"

namespace vitrine::power {
class PowerController;
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
    /// plays without a server that could not start), which also stay in /status.
    std::vector<std::string> startServers();
    /// Standing problems of `source` ("proof of play", "control"…), shown in /status until
    /// replaced; any thread.
    void setProblems(const std::string& source, std::vector<std::string> problems) {
        status_.setProblems(source, std::move(problems));
    }
    /// Logs the start line (version, exhibit, installation, outputs, hours, next opening).
    void started(const std::string& exhibitTitle, const std::string& exhibitFile);

    /// Show time for a show of `duration` at this instant of the wall clock (with the
    /// advisory policy applied: see installation::scheduledShowTime).
    Micros wallShowTime(Micros duration) const;
    /// Where the show's content advisory begins (nullopt: it has none), for the advisory policy.
    void setAdvisoryStart(std::optional<Micros> start) { advisoryStart_ = start; }
    /// Whether the opening hours say to play now (machine's local time).
    bool openNow() const;
    /// Whether the audio description plays now (the file's <description> and the commands
    /// since; machine's local time). Frame loop only, as describe().
    bool describingNow();
    /// A command for the audio description, from a remote or the player's key.
    void describe(installation::DescriptionCommand command);
    /// How long (µs) the frame loop may sleep while closed: until the opening hours next
    /// change, or until systemd's watchdog must hear from it; nullopt: no such limit.
    std::optional<std::int64_t> quietLimit() const;
    /// The frame loop sleeps for up to `micros`: until then its silence is not a freeze.
    void quietFor(std::int64_t micros) { watchdog_.pet(micros); }

    ControlQueue& queue() { return queue_; }
    /// What /status says now.
    PlayerStatus status() const { return status_.snapshot(); }
    const installation::Installation& installation() const { return installation_; }

    /// Records a scene start in the proof-of-play log (when the file asks for one).
    void sceneStarted(const std::string& sceneId);
    /// Called once per frame after presenting, with how long the frame took against its
    /// period: fills in the frame statistics, uptime and next opening, publishes `status`,
    /// pets both watchdogs, and on the first call tells systemd the player is ready. A change
    /// of state is logged and recorded in the proof of play: the scene on screen at start,
    /// closing and opening (with the scene then on screen), calibration's start and end.
    void frameDone(PlayerStatus status, std::int64_t tookMicros, std::int64_t periodMicros);
    /// Called by frameDone with each frame's status and the steady time (control::steadyClock)
    /// it was published at, on the frame loop's thread: the visitors' clock
    /// (visitor/show_clock.h) follows the show from it. It must be quick.
    using FrameObserver = std::function<void(const PlayerStatus&, std::int64_t)>;
    void onFrame(FrameObserver observer) { frameObserver_ = std::move(observer); }
    /// The status page's picture of the screen; null without an HTTP server. The frame loop
    /// asks it whether a copy is due after each frame.
    ScreenCopy* screenCopy() { return screen_.get(); }
    /// The monitors X reported at the watcher's last look; nullopt without an X display.
    std::optional<std::vector<power::MonitorRect>> monitors() const;
    /// Tells systemd the player is stopping.
    void stopping() { notifier_.stopping(); }

private:
    void noteStateChange(const PlayerStatus& status);
    void recordProofOfPlay(const std::optional<Error>& problem, const std::string& line);
    void proofOfPlayEvent(const std::string& what);
    std::string nextOpening() const;

    installation::Installation installation_;
    ServerLog log_;
    WallClock wallClock_;
    std::optional<Micros> advisoryStart_;
    installation::DescriptionSwitch described_;
    ControlQueue queue_;
    StatusBoard status_;
    Watchdog watchdog_;
    SystemdNotifier notifier_;
    std::unique_ptr<HttpControlServer> http_;
    std::unique_ptr<OscControlServer> osc_;
    std::unique_ptr<ProofOfPlayLog> proofOfPlay_;
    std::unique_ptr<ScreenCopy> screen_;
    FrameObserver frameObserver_;
    FrameTimes frameTimes_;
    FrameTimeSummary frameTimeSummary_;
    std::string nextOpening_;
    std::unique_ptr<power::PowerController> power_;  // null when no output has <power>
    std::unique_ptr<power::DisplayWatcher> displays_;  // null without an X display
    bool readySent_ = false;
    bool proofOfPlayFailing_ = false;
    bool sceneRecordedThisFrame_ = false;  // a scene start came in the frame being finished
    std::int64_t startedAt_ = 0;
    std::int64_t frames_ = 0, late_ = 0, dropped_ = 0;
    std::int64_t fpsWindowStart_ = 0, fpsWindowFrames_ = 0;
    double fps_ = 0;
    std::string lastState_;      // as told to systemd
    std::string previousState_;  // the last frame's, for the journal and the proof of play
};

/// The machine's local time (its time zone, as set with timedatectl) at Unix second `unixSeconds`.
installation::LocalTime localTimeAt(std::int64_t unixSeconds);

}  // namespace vitrine::control
