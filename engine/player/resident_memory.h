#pragma once
// How much memory the player holds in RAM (VmRSS), for the log: a player that runs for
// months must not grow loop after loop.

#include <cstdint>
#include <optional>
#include <string_view>

namespace vitrine {

/// This process's resident set size in bytes, from /proc/self/status; nullopt where
/// the system has no such file.
std::optional<std::int64_t> residentBytes();

/// Gives the memory the C library's allocator holds free back to the system (glibc's
/// malloc_trim); elsewhere does nothing.
void releaseFreeMemory();

/// The VmRSS line of a /proc/PID/status text, in bytes; nullopt when it has none.
std::optional<std::int64_t> parseResidentBytes(std::string_view procStatus);

}  // namespace vitrine
