#pragma once
// The heart of the engine: a pure function from (show, t) to what is shown and heard.

#include <vector>

#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine {

/// The frame at time t. Pure: no clock, file or GPU; the same t always gives the same
/// frame. Outside [0, show.duration) the frame is empty (background only).
Frame evaluate(const Show& show, Micros t);

/// Events whose instant lies in [from, to), in time order. `from == to` gives none, so
/// consecutive ticks never miss or double an event. The caller splits ticks at loop points.
std::vector<ShowEvent> eventsIn(const Show& show, Micros from, Micros to);

/// Evaluates one item at t (or nullopt when it is not visible then). Exposed for tests and
/// for the studio's inspector.
std::optional<DrawItem> evaluateItem(const Show& show, int item, Micros t);

}  // namespace vitrine
