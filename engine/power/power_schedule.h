#pragma once
// When a projector should be on: while open, and from `lead` before each opening (a lamp
// needs its warm-up before the first visitor); off once closed. Pure.

#include <cstdint>
#include <functional>

#include "installation/opening_hours.h"

namespace vitrine::power {

/// The local time `aheadMicros` from now (0: now); the power worker's only clock.
using LocalClock = std::function<installation::LocalTime(std::int64_t aheadMicros)>;

/// Whether a device with warm-up `leadMicros` should be on now.
bool wantedOn(const installation::OpeningHours& hours, const LocalClock& clock, std::int64_t leadMicros);

}  // namespace vitrine::power
