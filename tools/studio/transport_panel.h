#pragma once
// The studio's transport: scene and frame steps, play and pause, the speed, and where the
// playhead is (time, scene, offset). It returns what was pressed; the studio moves the
// live show's clock.

#include <optional>

#include "timeline/show.h"

struct ImFont;

namespace vitrine::studio {

/// One frame at 25 fps: what ←/→ and the frame buttons step by.
inline constexpr Micros kFrameStep = kMicrosPerSecond / 25;
/// The playing speeds offered, and the one at which the sound plays.
inline constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 1.5, 2.0};
inline constexpr const char* kSpeedNames[] = {"0.25×", "0.5×", "1×", "1.5×", "2×"};
inline constexpr int kSpeedCount = 5;
inline constexpr int kNormalSpeed = 2;

/// What was pressed in the transport this frame.
struct TransportRequest {
    std::optional<Micros> seek;
    bool togglePlay = false;
    std::optional<int> speed;  // an index into kSpeeds
};

/// Draws the transport for `show` (null: none) with the playhead at `t`, at (x, y), w × h.
TransportRequest drawTransport(const Show* show, Micros t, bool playing, int speed, ImFont* large, float x, float y,
                               float w, float h);

/// Where the scene buttons go from `t`: the next scene's start, or back to this scene's start
/// (the previous one's within its first second).
std::optional<Micros> sceneStep(const Show& show, Micros t, int delta);

}  // namespace vitrine::studio
