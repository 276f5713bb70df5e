#pragma once
// Calendar arithmetic without time zones: dates as day numbers, local times as
// (day, second of day). Pure, so opening hours can be tested for any date.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vitrine::installation {

/// A calendar date (proleptic Gregorian).
struct CivilDate {
    int year = 1970, month = 1, day = 1;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

inline constexpr int kSecondsPerDay = 86'400;

/// Days since 1970-01-01 (negative before).
std::int64_t daysFromCivil(CivilDate d);
/// The date of a day number.
CivilDate civilFromDays(std::int64_t days);
/// 0 = Monday … 6 = Sunday (ISO 8601 order).
int weekdayOf(std::int64_t days);

/// A moment on the local wall clock: a day number and the seconds since its midnight.
struct LocalTime {
    std::int64_t day = 0;
    int second = 0;  // 0 … 86399
    /// Seconds since 1970-01-01 00:00 local, for ordering and arithmetic.
    std::int64_t absolute() const { return day * kSecondsPerDay + second; }
    static LocalTime fromAbsolute(std::int64_t seconds);
    static LocalTime at(CivilDate date, int hour, int minute, int second = 0);
    friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

/// "2026-03-01" → date; nullopt for anything else (including 2026-02-30).
std::optional<CivilDate> parseDate(std::string_view text);
/// "18:00" or "18:00:30" → seconds since midnight; "24:00" is accepted (end of day).
std::optional<int> parseTimeOfDay(std::string_view text);
/// ISO 8601 "2026-01-20T09:00:00Z", "…+04:00", "…T09:00" (no offset = UTC) → Unix
/// microseconds; fractional seconds are read to the microsecond.
std::optional<std::int64_t> parseIsoInstant(std::string_view text);
/// Unix microseconds → "2026-01-20T09:00:00.000Z".
std::string formatIsoInstant(std::int64_t unixMicros);

}  // namespace vitrine::installation
