#pragma once
// How much memory the player holds in RAM (VmRSS), and the most it held (VmHWM), for the
// log: a player that runs for months must not grow loop after loop.

#include <cstdint>
#include <optional>
#include <string_view>

namespace vitrine {

/// What this process holds in RAM, in bytes, from one read of /proc/self/status.
struct ResidentSet {
    std::int64_t bytes = 0;      // now (VmRSS)
    std::int64_t peakBytes = 0;  // the most since start or since resetPeakResident() (VmHWM)
};

/// This process's resident set; nullopt where the system has no such file.
std::optional<ResidentSet> residentSet();

/// Starts the peak over from the present resident set (Linux's /proc/self/clear_refs);
/// false where that is not allowed, and the peak then runs on from launch.
bool resetPeakResident();

/// Gives the memory the C library's allocator holds free back to the system (glibc's
/// malloc_trim); elsewhere does nothing.
void releaseFreeMemory();

/// A kB field of a /proc/PID/status text ("VmRSS", "VmHWM"), in bytes; nullopt when it has none.
std::optional<std::int64_t> parseStatusBytes(std::string_view procStatus, std::string_view field);

}  // namespace vitrine
