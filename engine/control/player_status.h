#pragma once
// What the player is doing, as a snapshot the frame loop publishes every frame and the
// control servers read from their own threads.

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "power/device_status.h"

namespace vitrine::control {

/// One frame's view of the player.
struct PlayerStatus {
    std::string exhibit;        // the exhibit's title
    std::string scene;          // id of the scene on screen ("" when none)
    std::int64_t time = 0;      // show time, µs
    std::int64_t duration = 0;  // show length, µs
    std::string state = "starting";  // "playing", "paused", "black", "closed" (outside hours)
    double fps = 0;             // frames per second over the last second
    std::int64_t droppedFrames = 0;  // frames that missed their deadline since start
    std::int64_t drift = 0;     // show time minus where the wall clock says it should be, µs
    std::int64_t uptime = 0;    // since the player started, µs
    std::int64_t frame = 0;     // frames drawn since start
    std::vector<std::string> problems;  // current problems, in words
    std::vector<power::DeviceStatus> power;  // projectors and displays switched by the hours
};

/// The latest PlayerStatus, guarded by a mutex.
class StatusBoard {
public:
    /// Replaces the snapshot (the frame loop, once a frame).
    void publish(PlayerStatus status);
    /// A copy of the latest snapshot (any thread).
    PlayerStatus snapshot() const;

private:
    mutable std::mutex mutex_;
    PlayerStatus status_;
};

/// The snapshot as a JSON object, times in seconds: {"scene":…, "time":…, …}.
std::string statusJson(const PlayerStatus& status);

}  // namespace vitrine::control
