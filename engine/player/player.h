#pragma once
// The frame loop of `vitrine play`: each turn takes input, advances the clock, shows a
// frame (none while closed), publishes, then waits until the next frame is due or
// something wakes it. Timing comes from evaluate(show, t); the loop only chooses t.
// Its members are defined by concept: the loop's turn in player.cpp, the clocks it
// follows in player_clocks.cpp, keys and remote commands in player_commands.cpp,
// outputs and calibration in player_outputs.cpp, status and journal in player_reports.cpp.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include "output/calibration.h"
#include "output/warp_output.h"
#include "output/window_output.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "player/audio_link.h"
#include "player/language_choice.h"
#include "player/live_show.h"
#include "player/loop_wake.h"
#include "player/play_stats.h"
#include "player/player_state.h"
#include "player/show_loading.h"
#include "player/venue.h"
#include "timeline/show.h"

namespace vitrine::control {
class Operations;
}

namespace vitrine {

/// How to play.
struct PlayerOptions {
    output::WindowMode window;
    bool loop = true;          // an installation loops forever
    Micros start = 0;
    Micros lookahead = 10 * kMicrosPerSecond;  // how far ahead images are decoded
    int frameRate = 60;        // the deadline the loop waits for when vsync does not
    AudioDevice audio = AudioDevice::SoundCard;
    std::filesystem::path audioCapture;  // a WAV of exactly what was mixed, when set
    Micros statsInterval = 60 * kMicrosPerSecond;  // how often frame statistics are logged
    std::optional<Micros> quitAfter;  // stop after this much playing time (tests, benchmarks); none: never
    /// Told each audio drift measurement (clock position, show clock − audio clock); benchmarks.
    std::function<void(Micros, Micros)> driftObserver;
    double speed = 1;          // show time per real second: above 1 for soak runs (sound off, wall clock ignored)
    bool calibrate = false;    // open in calibration mode (test patterns, corner dragging)
    double volume = 1;         // master volume, 0..1
    std::stop_token stop;      // the loop ends when stop is requested (tests, benchmarks)
    /// The site's languages (installation.xml's <languages>), applied by the player to the
    /// show it is given and to each reload; in `alternate` mode each loop's in turn
    /// (choiceForLoop), swapped in as the loop begins. None: the show as given.
    LanguageChoice languages;
    /// Reads the exhibit again (remote `reload`), on a worker thread while frames go on;
    /// unset: reload is refused. The show it reads is as compiled: the player applies `languages`.
    std::function<Result<ReloadedShow>()> reload;
    std::chrono::steady_clock::time_point launchedAt = std::chrono::steady_clock::now();
    /// An installation's side (wall-clock time, hours, remote control, watchdogs,
    /// proof of play); null when playing by hand.
    control::Operations* operations = nullptr;
    /// Shown each frame's picture as it goes on screen, read back from the window (tests:
    /// what a visitor would see); unset: nothing is read back.
    std::function<void(const sf::Image&)> frameShown;
};

/// One line for the log (stderr in the program, a vector in tests).
using LogLine = std::function<void(const std::string&)>;

/// How long the player uploads pictures once a frame is shown, given the time until the
/// next frame is due: what is left of it less a margin, at most a few milliseconds, and
/// nothing when late (one step is still made).
std::chrono::microseconds uploadTimeBetweenFrames(std::chrono::steady_clock::duration untilNextFrame);

/// Plays a show in a window until quit (or its end, when not looping).
class Player {
public:
    Player(std::shared_ptr<const Show> show, render::RenderResources& resources, PlayerOptions options, LogLine log);
    ~Player();

    /// Runs the frame loop; returns when the window closes, the show ends or stop is requested.
    void run();

private:
    using Clock = std::chrono::steady_clock;

    // The loop's steps, in the order of a turn.
    void begin();
    void takeInput();
    Micros advance(Micros clockTime);
    bool showFrame(Micros t, Micros clockTime);
    void publish(Micros t, Micros took, bool drawn);
    void waitForNextTurn(bool drawn);
    void end();

    void change(PlayerEvent event);
    void jump(Micros at);
    void drawFrame(const Frame& frame);
    void copyScreenIfDue();
    void drawCalibration();
    void handleCalibrationEvents(const std::vector<sf::Event>& events);
    void setCalibrating(bool on);
    bool ensureWarp();
    void reload();
    void swapInReload();
    const Show& show() const { return live_.show(); }
    bool followingWallClock() const;
    Micros loopOffset(Micros a, Micros b) const;
    void logFirstFrame(Micros t);
    void noteLoop();
    /// The show in each loop's languages, made once per compile (one, or one per language
    /// when they alternate), so a loop's start only swaps a pointer.
    std::vector<std::shared_ptr<const Show>> languageTurns() const;
    const std::shared_ptr<const Show>& inLanguagesOfLoop(int loop) const;
    void handleCommands();
    void followDisplays();
    void goToScene(int delta);
    void reportEvents(Micros from, Micros to);
    void prefetch(Micros t);
    Clock::time_point nextDue() const;
    /// The size frames are drawn at: the canvas texture when outputs are warped, else the window.
    sf::Vector2u drawnSize();
    void reportMediaProblems();
    void followAudioClock();
    void handleRemoteCommands();
    void followWallClock();

    render::RenderResources& resources_;
    PlayerOptions options_;
    LogLine log_;
    // Before everything that can wake it (the venue's remote, the reloader's worker).
    LoopWake wake_;
    std::unique_ptr<Venue> venue_;  // never null: a window opened by hand has a null venue
    output::WindowOutput window_;
    std::shared_ptr<const Show> compiled_;  // the show before the site's languages are applied
    std::vector<std::shared_ptr<const Show>> turns_;  // languageTurns() of compiled_
    LiveShow live_;  // the show, its renderer, mixer and clock
    PlayStats stats_;
    PlayerMode mode_;
    PlayerState shown_ = PlayerState::Finished;  // the state of the picture on screen; none yet
    Micros previous_ = 0;
    bool offWallClock_ = false;  // moved by hand or remote: the wall clock waits for Play
    int loops_ = 0;
    bool peakIsPerLoop_ = false;  // whether the resident peak was last reset at a loop boundary
    std::string reloadProblem_;  // the last failed reload, until one succeeds
    Clock::time_point playStarted_, statsDue_, due_;  // due_: when the next frame is due
    bool firstFrame_ = true;
    // With projector outputs in the installation, frames are drawn into the canvas and
    // then warped and blended onto the window; otherwise straight onto the window.
    std::unique_ptr<sf::RenderTexture> canvas_;
    std::unique_ptr<output::WarpOutput> warp_;
    bool warpFrames_ = false;  // the installation has outputs: every frame goes through warp_
    std::unique_ptr<output::Calibration> calibration_;
    std::optional<std::vector<power::MonitorRect>> monitorsPlacedFor_;  // the look the window was last placed for
};

}  // namespace vitrine
