#include "installation/civil_time.h"

#include <charconv>
#include <cstdio>
#include <string>

namespace vitrine::installation {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr int kSecondsPerHour = 3600;
constexpr int kSecondsPerMinute = 60;

// Reads exactly `digits` decimal digits at `pos`.
std::optional<int> digitsAt(std::string_view s, std::size_t pos, std::size_t digits) {
    if (pos + digits > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
std::int64_t daysFromCivil(CivilDate d) {
    std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t yoe = y - era * 400;
    std::int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
    z += 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekdayOf(std::int64_t days) {
    // 1970-01-01 was a Thursday (index 3 when Monday is 0).
    std::int64_t w = (days + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

LocalTime LocalTime::fromAbsolute(std::int64_t seconds) {
    std::int64_t day = seconds / kSecondsPerDay;
    std::int64_t rest = seconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --day;
    }
    return {day, static_cast<int>(rest)};
}

LocalTime LocalTime::at(CivilDate date, int hour, int minute, int second) {
    return {daysFromCivil(date), hour * kSecondsPerHour + minute * kSecondsPerMinute + second};
}

std::optional<CivilDate> parseDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = digitsAt(s, 0, 4), m = digitsAt(s, 5, 2), d = digitsAt(s, 8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > daysInMonth(*y, *m)) return std::nullopt;
    return CivilDate{*y, *m, *d};
}

std::optional<int> parseTimeOfDay(std::string_view s) {
    if (s.size() != 5 && s.size() != 8) return std::nullopt;
    if (s[2] != ':' || (s.size() == 8 && s[5] != ':')) return std::nullopt;
    auto h = digitsAt(s, 0, 2), m = digitsAt(s, 3, 2);
    std::optional<int> sec = s.size() == 8 ? digitsAt(s, 6, 2) : std::optional<int>(0);
    if (!h || !m || !sec || *m > 59 || *sec > 59) return std::nullopt;
    int total = *h * kSecondsPerHour + *m * kSecondsPerMinute + *sec;
    if (total > kSecondsPerDay) return std::nullopt;
    return total;
}

std::optional<std::int64_t> parseIsoInstant(std::string_view s) {
    if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
    auto date = parseDate(s.substr(0, 10));
    if (!date) return std::nullopt;
    auto h = digitsAt(s, 11, 2), m = digitsAt(s, 14, 2);
    if (!h || !m || s[13] != ':' || *h > 23 || *m > 59) return std::nullopt;
    std::size_t pos = 16;
    int sec = 0;
    std::int64_t fraction = 0;
    if (pos < s.size() && s[pos] == ':') {
        auto v = digitsAt(s, pos + 1, 2);
        if (!v || *v > 59) return std::nullopt;
        sec = *v;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            std::int64_t scale = 100'000;
            std::size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                fraction += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start) return std::nullopt;
        }
    }
    std::int64_t offsetSeconds = 0;
    if (pos < s.size()) {
        if (s[pos] == 'Z' || s[pos] == 'z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            int sign = s[pos] == '-' ? -1 : 1;
            auto oh = digitsAt(s, pos + 1, 2);
            if (!oh) return std::nullopt;
            std::size_t mpos = pos + 3;
            if (mpos < s.size() && s[mpos] == ':') ++mpos;
            auto om = digitsAt(s, mpos, 2);
            if (!om || *oh > 23 || *om > 59) return std::nullopt;
            offsetSeconds = sign * (*oh * kSecondsPerHour + *om * kSecondsPerMinute);
            pos = mpos + 2;
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size()) return std::nullopt;
    std::int64_t secondsSinceEpoch = daysFromCivil(*date) * kSecondsPerDay + *h * kSecondsPerHour +
                                     *m * kSecondsPerMinute + sec - offsetSeconds;
    return secondsSinceEpoch * kMicrosPerSecond + fraction;
}

std::string formatIsoInstant(std::int64_t unixMicros) {
    std::int64_t secs = unixMicros / kMicrosPerSecond;
    std::int64_t micros = unixMicros % kMicrosPerSecond;
    if (micros < 0) {
        micros += kMicrosPerSecond;
        --secs;
    }
    auto t = LocalTime::fromAbsolute(secs);
    auto d = civilFromDays(t.day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                  t.second / kSecondsPerHour, t.second % kSecondsPerHour / kSecondsPerMinute,
                  t.second % kSecondsPerMinute, static_cast<int>(micros / 1000));
    return buf;
}

}  // namespace vitrine::installation
