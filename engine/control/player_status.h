#pragma once
// What the player is doing, as a snapshot the frame loop publishes every frame and the
// control servers read from their own threads. Besides the frame loop's own view, the
// board keeps what other parts report while they last: standing problems (a proof-of-play
// log that cannot be written, a port another process holds, the installation file's
// errors) and the proof-of-play log's latest lines.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "power/device_status.h"

namespace vitrine::control {

/// Frame times over the last few seconds, µs.
struct FrameTimeSummary {
    std::int64_t p50 = 0, p95 = 0, p99 = 0, max = 0;
    double sumSeconds = 0;     // every frame since start, for a Prometheus summary
    std::int64_t count = 0;
};

/// One frame's view of the player.
struct PlayerStatus {
    std::string exhibit;        // the exhibit's title
    std::string scene;          // id of the scene on screen ("" when none)
    std::int64_t time = 0;      // show time, µs
    std::int64_t duration = 0;  // show length, µs
    std::string state = "starting";  // "playing", "paused", "black", "closed" (outside hours), "calibrating"
    std::string nextOpening;    // local time of the next opening ("" when always open or none ahead)
    double fps = 0;             // frames per second over the last second
    std::int64_t lateFrames = 0;     // took longer than one and a half frame periods, since start
    std::int64_t droppedFrames = 0;  // frames that missed their deadline since start
    FrameTimeSummary frameTime;
    std::int64_t drift = 0;     // show time minus where the wall clock says it should be, µs
    std::int64_t uptime = 0;    // since the player started, µs
    std::int64_t frame = 0;     // frames drawn since start
    std::int64_t residentBytes = 0;  // memory the player holds in RAM (0: not known)
    std::vector<std::string> problems;  // current problems, in words
    std::vector<power::DeviceStatus> power;  // projectors and displays switched by the hours
    std::vector<std::string> proofOfPlay;  // the proof-of-play log's latest lines, oldest first
};

/// "open", "closed on schedule" or "faulty" (open, but something is wrong): the room at a glance.
std::string roomState(const PlayerStatus& status);

/// The latest PlayerStatus, guarded by a mutex.
class StatusBoard {
public:
    static constexpr std::size_t kProofOfPlayLines = 20;

    /// Replaces the frame loop's snapshot (once a frame).
    void publish(PlayerStatus status);
    /// Sets the standing problems of `source` ("installation", "proof of play", "http"…);
    /// an empty list clears them.
    void setProblems(const std::string& source, std::vector<std::string> problems);
    /// Adds a line written to the proof-of-play log; the latest kProofOfPlayLines are kept.
    void noteProofOfPlay(std::string line);
    /// A copy of the latest snapshot with the standing problems and proof-of-play lines
    /// (any thread).
    PlayerStatus snapshot() const;

private:
    mutable std::mutex mutex_;
    PlayerStatus status_;
    std::map<std::string, std::vector<std::string>> problems_;
    std::deque<std::string> proofOfPlay_;
};

/// The snapshot as a JSON object, times in seconds: {"scene":…, "time":…, …}.
std::string statusJson(const PlayerStatus& status);

}  // namespace vitrine::control
