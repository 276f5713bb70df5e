#pragma once
// The heart of the engine: a pure function from (show, t) to what is shown and heard.

#include <vector>

#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine {

/// The frame at time t. Pure: no clock, file or GPU; the same t always gives the same
/// frame. Outside [0, show.duration) the frame is empty (background only).
Frame evaluate(const Show& show, Micros t);

/// The frame at time t of a show that loops, t counted from the start of its first pass:
/// [0, duration) is the first pass (the frame evaluate() gives), [duration, 2·duration) the
/// second, and so on. A pass after the first begins as any scene change does: the first
/// scene comes in with its transition over the last scene, held at its end (the seam
/// fades), where the first pass begins over the background. Pure, like evaluate(); the
/// player, still and render use it when they loop.
Frame evaluateLooping(const Show& show, Micros t);

/// Events whose instant lies in [from, to), in time order. `from == to` gives none, so
/// consecutive ticks never miss or double an event. The caller splits ticks at loop points.
std::vector<ShowEvent> eventsIn(const Show& show, Micros from, Micros to);

/// Evaluates one item at t (or nullopt when it is not visible then). Exposed for tests and
/// for the studio's inspector.
std::optional<DrawItem> evaluateItem(const Show& show, int item, Micros t);

}  // namespace vitrine
