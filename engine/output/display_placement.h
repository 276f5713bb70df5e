#pragma once
// Where the player's fullscreen window goes on the monitors X reports, and which keystones
// a warp rebuilt for them keeps. A projector unplugged and plugged in again (or back at
// another resolution or place) is a new set of monitors: the player places its window by
// these rules again, so the show lands on the display exactly as a fresh start would put it.

#include <optional>
#include <vector>

#include "installation/installation.h"
#include "power/display_probe.h"

namespace vitrine::output {

class WarpOutput;

/// The window's rectangle on the desktop. A lone output sized by the display (or none: the
/// implicit one) fills the first monitor RandR lists; other outputs lie at their positions
/// from the desktop's origin, so the window covers the desktop to the far edge of every
/// monitor and output. nullopt when there is no monitor to place it on.
std::optional<installation::PixelRect> windowPlacement(const std::vector<installation::Output>& outputs,
                                                       const std::vector<power::MonitorRect>& monitors);

/// The installation's outputs with the corners `drawn` uses now wherever it draws one
/// keystoned (from the file, saved, or moved by calibration since the start), so a warp
/// rebuilt for a new display size keeps every keystone; an output drawn uncorrected stays
/// as configured and is fitted to the new size.
std::vector<installation::Output> keystonesKept(std::vector<installation::Output> configured, const WarpOutput& drawn);

}  // namespace vitrine::output
