#pragma once
// Credits that do not fit their box roll: the title stays still at the top of the box and
// the entries scroll up beneath it at a steady speed, holding still for a tenth of the
// credits' time at each end (kRollHoldShare), from
// the first entry just under the title to the last one at the bottom of the box. The
// player draws it (render/frame_renderer) and `vitrine check` warns when it is too fast
// to read (text/layout_check), both from this one definition.

#include <optional>

#include "base/time_value.h"
#include "text/text_layout.h"
#include "timeline/show.h"

namespace vitrine::text {

/// The fastest roll `vitrine check` accepts, in lines per second. A moving line is harder to
/// read than a still one, and a credit entry is two lines (role, then name): at one line a
/// second each line stays in view as many seconds as the box holds lines (about 12 in the
/// default credits box at the default size), film-roll pace; faster makes visitors chase it.
constexpr double kMaxRollLinesPerSecond = 1.0;

/// The share of the credits' time the roll holds still at each end: the first entries are
/// read before they move, and the last ones before the scene ends.
constexpr double kRollHoldShare = 0.1;

/// How a credits item's layout rolls, in the layout's pixels.
struct CreditRoll {
    int headingLines = 0;     // the first lines (the title), drawn still at the top of the box
    double windowTop = 0;     // below the block's top: where the entries are seen, under the title
    double windowHeight = 0;  // from windowTop to the bottom of the box
    double travel = 0;        // how far the entries move up over the item's active time
    double linePitch = 0;     // baseline to baseline

    /// How far up the entries have moved at `progress` (0..1 through the active time).
    double offsetAt(double progress) const;

    /// The speed of the roll over `duration` (holds included), in lines per second.
    double linesPerSecond(Micros duration) const;
};

/// The roll of `item`'s `layout` in a box `boxHeight` tall (both at one scale); nullopt when
/// the item does not roll (not credits) or its text fits.
std::optional<CreditRoll> creditRoll(const Item& item, const TextLayout& layout, double boxHeight);

}  // namespace vitrine::text
