#pragma once
// How long the frame loop sleeps while closed. Closed, nothing is drawn, so the loop turns
// only when something changes: a remote command, a reload or a stop request wake it
// (LoopWake), and otherwise it sleeps until the opening hours change, until a watchdog
// must hear from it, or until the player's own end, whichever comes first.

#include <chrono>
#include <optional>

#include "base/time_value.h"

namespace vitrine {

/// The longest closed sleep. The hours are read against the wall clock: a clock set while
/// the loop sleeps (NTP after a boot with a wrong clock) moves the opening, and a
/// daylight-saving jump makes the local hours' distance an hour off, so the loop looks
/// again at least this often. An opening is then at most this late.
inline constexpr auto kLongestClosedSleep = std::chrono::minutes(1);

/// The closed sleep: `venueQuietLimit` (until the hours change or a watchdog's ping is
/// due; nullopt: no limit) and `untilQuit` (until the player is to stop; nullopt: never),
/// the nearer of the two, at most kLongestClosedSleep and never below zero.
std::chrono::microseconds closedSleep(std::optional<Micros> venueQuietLimit, std::optional<Micros> untilQuit);

}  // namespace vitrine
