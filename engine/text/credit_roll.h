#pragma once
// Credits that do not fit their box roll: the title stays still at the top of the box and
// the entries scroll up beneath it at a steady speed, holding still for a tenth of the
// credits' time at each end (kRollHoldShare), from the first entry a fade band below the
// title to the last one a fade band above the bottom of the box; they fade in and out over
// those bands (kRollFadeLines) rather than meeting a hard edge. Under reduced motion
// (Show::reducedMotion) they do not roll: they are shown a page at a time, each page still,
// fading into the next. The player draws it (render/frame_renderer) and `vitrine check`
// warns when it is too fast to read (text/layout_check), both from this one definition.

#include <optional>
#include <vector>

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

/// The soft edges of the rolling window, in lines: an entry fades out over this band at the
/// top of the window and in over it at the bottom, instead of being cut by a hard edge right
/// under the title. At rest the entries sit below the top band, which is so also a little
/// more gap between the title and them.
constexpr double kRollFadeLines = 1.0;

/// Under reduced motion, how long a page of credits takes to fade out, and the next to fade
/// in (at most a quarter of the shorter page's time each).
constexpr Micros kCreditPageFade = 800 * kMicrosPerMillisecond;

/// A page of credits under reduced motion: entry lines [firstLine, endLine) of the layout.
struct CreditPage {
    int firstLine = 0, endLine = 0;
    double offset = 0;   // how far up the page's lines are drawn, as CreditRoll::offsetAt
    double opacity = 1;  // fading into or out of the next page
};

/// How a credits item's layout rolls, in the layout's pixels.
struct CreditRoll {
    int headingLines = 0;     // the first lines (the title), drawn still at the top of the box
    double windowTop = 0;     // below the block's top: where the entries are seen, under the title
    double windowHeight = 0;  // from windowTop to the bottom of the box
    double fadeBand = 0;      // the soft edge at the top and the bottom of the window
    double travel = 0;        // how far the entries move up over the item's active time
    double linePitch = 0;     // baseline to baseline
    std::vector<CreditPage> pages;  // the entries a page at a time, for reduced motion

    /// How far up the entries have moved at `progress` (0..1 through the active time): from
    /// -fadeBand (lowered under the top band) to travel - fadeBand.
    double offsetAt(double progress) const;

    /// The speed of the roll over `duration` (holds included), in lines per second.
    double linesPerSecond(Micros duration) const;

    /// The page shown at `progress` through `duration` under reduced motion: each page held
    /// for its share of the time (its share of the lines), then fading out while the next
    /// fades in after it (kCreditPageFade). Its opacity is 1 while it holds.
    CreditPage pageAt(double progress, Micros duration) const;
};

/// The roll of `item`'s `layout` in a box `boxHeight` tall (both at one scale); nullopt when
/// the item does not roll (not credits) or its text fits.
std::optional<CreditRoll> creditRoll(const Item& item, const TextLayout& layout, double boxHeight);

}  // namespace vitrine::text
