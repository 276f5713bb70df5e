#pragma once
// Timeline time: integer microseconds, parsed from the forms designers write.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vitrine {

/// A time on the timeline, in microseconds. Integer so that sums never drift.
using Micros = std::int64_t;

inline constexpr Micros kMicrosPerMillisecond = 1'000;
inline constexpr Micros kMicrosPerSecond = 1'000'000;

/// Converts seconds to microseconds (for constants in code and tests).
constexpr Micros seconds(double s) { return static_cast<Micros>(s * kMicrosPerSecond + (s >= 0 ? 0.5 : -0.5)); }
/// Converts milliseconds to microseconds.
constexpr Micros millis(std::int64_t ms) { return ms * kMicrosPerMillisecond; }

/// Parses "12s", "1.5s", "250ms", "2min", "3h", a bare number of seconds ("4.5"),
/// a clock value "01:02.5" (minutes:seconds) or "1:02:03.25" (hours:minutes:seconds).
/// Decimal fractions are read exactly to the microsecond. Negative values are accepted
/// ("-2s") so callers can say why a negative time is wrong where it is wrong.
/// Returns nullopt for anything else.
std::optional<Micros> parseTimeValue(std::string_view text);

/// How finely a time is shown to a person: never finer than a millisecond, which is as
/// finely as anyone writes a time or can see one; tenths for totals and summaries.
enum class TimePrecision { Milliseconds, Tenths };

/// Formats as the shortest clear form, rounded to the precision: "12s", "1.5s", "1:02.5",
/// "1:02:03.25", "1:33.196" (never "1:33.196281"; "3:55.2" in tenths).
std::string formatTime(Micros t, TimePrecision precision = TimePrecision::Milliseconds);

/// Formats as a fixed clock "h:mm:ss.mmm" or "m:ss.mmm" (rounded to the millisecond), for
/// tables and logs.
std::string formatClock(Micros t);

}  // namespace vitrine
