#include "base/time_value.h"

#include <cctype>
#include <cstdio>
#include <limits>

namespace vitrine {
namespace {

constexpr Micros kSecondsPerMinute = 60;
constexpr Micros kSecondsPerHour = 3600;
// At most nine digits before the point (exhibits/README.md and the schema's pattern say so):
// longer times are surely typos, and 10^9 hours in microseconds still fits in 63 bits, where
// the former limit of 3·10^9 overflowed in hours.
constexpr std::int64_t kMaxWholeUnits = 999'999'999LL;

// Up to 18 fraction digits are kept: an hour's millionth is 3.6 ms, so six digits are not
// enough to be exact to the microsecond in every unit (0.0000001h is 360 µs).
constexpr int kMaxFractionDigits = 18;

struct Decimal {
    std::int64_t whole = 0;
    std::int64_t fraction = 0;     // the digits after the point, as an integer...
    std::int64_t fractionScale = 1;  // ...over this power of ten

    // The fraction of `unit`, truncated to whole microseconds (128 bits: no overflow).
    Micros fractionOf(Micros unit) const {
        return static_cast<Micros>(static_cast<__int128>(fraction) * unit / fractionScale);
    }
};

// Plain comparisons instead of <cctype>: these run for every time value of every element.
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads "123" or "123.456"; digits past the 18th after the point are ignored.
std::optional<Decimal> parseDecimal(std::string_view s) {
    if (s.empty()) return std::nullopt;
    Decimal d;
    size_t i = 0;
    bool anyDigit = false;
    for (; i < s.size() && isDigit(s[i]); ++i) {
        d.whole = d.whole * 10 + (s[i] - '0');
        if (d.whole > kMaxWholeUnits) return std::nullopt;
        anyDigit = true;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        for (int digits = 0; i < s.size() && isDigit(s[i]); ++i, ++digits) {
            if (digits < kMaxFractionDigits) {
                d.fraction = d.fraction * 10 + (s[i] - '0');
                d.fractionScale *= 10;
            }
            anyDigit = true;
        }
    }
    if (!anyDigit || i != s.size()) return std::nullopt;
    return d;
}

std::optional<Micros> scaled(std::string_view number, Micros unitMicros) {
    auto d = parseDecimal(number);
    if (!d) return std::nullopt;
    return d->whole * unitMicros + d->fractionOf(unitMicros);
}

std::optional<std::int64_t> parseWhole(std::string_view s) {
    auto d = parseDecimal(s);
    if (!d || s.find('.') != std::string_view::npos) return std::nullopt;
    return d->whole;
}

std::optional<Micros> parseClock(std::string_view s) {
    size_t first = s.find(':');
    size_t second = s.find(':', first + 1);
    std::optional<std::int64_t> hours = 0;
    std::string_view minutesText, secondsText;
    if (second == std::string_view::npos) {
        minutesText = s.substr(0, first);
        secondsText = s.substr(first + 1);
    } else {
        hours = parseWhole(s.substr(0, first));
        minutesText = s.substr(first + 1, second - first - 1);
        secondsText = s.substr(second + 1);
        if (minutesText.size() != 2) return std::nullopt;
    }
    auto minutes = parseWhole(minutesText);
    auto secs = parseDecimal(secondsText);
    if (!hours || !minutes || !secs) return std::nullopt;
    if (secondsText.size() < 2 || secs->whole >= kSecondsPerMinute) return std::nullopt;
    if (second != std::string_view::npos && *minutes >= kSecondsPerMinute) return std::nullopt;
    return (*hours * kSecondsPerHour + *minutes * kSecondsPerMinute + secs->whole) * kMicrosPerSecond +
           secs->fractionOf(kMicrosPerSecond);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<Micros> parseTimeValue(std::string_view text) {
    if (text.empty()) return std::nullopt;  // the usual case: the attribute is not there
    std::string_view s = trim(text);
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    std::optional<Micros> value;
    // The unit is read from the end: every element has a few of these, so look once.
    const char last = s.back();
    if (s.find(':') != std::string_view::npos) {
        value = parseClock(s);
    } else if (last == 's' && s.size() >= 2 && s[s.size() - 2] == 'm') {
        value = scaled(trim(s.substr(0, s.size() - 2)), kMicrosPerMillisecond);
    } else if (last == 's') {
        value = scaled(trim(s.substr(0, s.size() - 1)), kMicrosPerSecond);
    } else if (endsWith(s, "min")) {
        value = scaled(trim(s.substr(0, s.size() - 3)), kSecondsPerMinute * kMicrosPerSecond);
    } else if (last == 'h') {
        value = scaled(trim(s.substr(0, s.size() - 1)), kSecondsPerHour * kMicrosPerSecond);
    } else {
        value = scaled(s, kMicrosPerSecond);
    }
    if (!value) return std::nullopt;
    return negative ? -*value : *value;
}

namespace {

// |t| rounded to the nearest multiple of `unit`, halves away from zero.
Micros roundedMagnitude(Micros t, Micros unit) {
    const Micros a = t < 0 ? -t : t;
    return (a + unit / 2) / unit * unit;
}

}  // namespace

std::string formatTime(Micros t, TimePrecision precision) {
    const Micros unit = precision == TimePrecision::Tenths ? kMicrosPerSecond / 10 : kMicrosPerMillisecond;
    const Micros a = roundedMagnitude(t, unit);
    std::string sign = t < 0 && a != 0 ? "-" : "";
    Micros whole = a / kMicrosPerSecond;
    Micros frac = a % kMicrosPerSecond;
    std::string fracText;
    if (frac != 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
        fracText = buf;
        while (fracText.back() == '0') fracText.pop_back();
    }
    char buf[64];
    if (whole < kSecondsPerMinute) {
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(whole));
        return sign + buf + fracText + "s";
    }
    Micros h = whole / kSecondsPerHour, m = (whole / kSecondsPerMinute) % kSecondsPerMinute,
           sec = whole % kSecondsPerMinute;
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(m),
                      static_cast<long long>(sec));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(m), static_cast<long long>(sec));
    return sign + buf + fracText;
}

std::string formatClock(Micros t) {
    const Micros a = roundedMagnitude(t, kMicrosPerMillisecond);
    std::string sign = t < 0 && a != 0 ? "-" : "";
    Micros ms = (a % kMicrosPerSecond) / kMicrosPerMillisecond;
    Micros whole = a / kMicrosPerSecond;
    Micros h = whole / kSecondsPerHour, m = (whole / kSecondsPerMinute) % kSecondsPerMinute,
           sec = whole % kSecondsPerMinute;
    char buf[64];
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld.%03lld", static_cast<long long>(h),
                      static_cast<long long>(m), static_cast<long long>(sec), static_cast<long long>(ms));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld.%03lld", static_cast<long long>(m), static_cast<long long>(sec),
                      static_cast<long long>(ms));
    return sign + buf;
}

}  // namespace vitrine
