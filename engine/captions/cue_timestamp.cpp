#include "captions/cue_timestamp.h"

#include <limits>

namespace vitrine {
namespace {

constexpr int kTwoDigits = 2;
constexpr int kFractionDigits = 3;
constexpr std::int64_t kMaxSixtieth = 59;
constexpr Micros kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr Micros kMicrosPerHour = 60 * kMicrosPerMinute;
// More hour digits than this cannot fit in Micros anyway; stops the digit loop overflowing.
constexpr int kMaxHourDigits = 9;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of digits; nullopt when there is none or it is longer than `maxDigits`.
std::optional<std::int64_t> readDigits(std::string_view text, std::size_t& pos, int& count, int maxDigits) {
    std::int64_t value = 0;
    count = 0;
    while (pos < text.size() && isDigit(text[pos])) {
        if (++count > maxDigits) return std::nullopt;
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    if (count == 0) return std::nullopt;
    return value;
}

}  // namespace

std::optional<Micros> readCueTimestamp(std::string_view text, std::size_t& pos, FractionSeparator separator,
                                       bool* shortFraction) {
    std::size_t p = pos;
    int count = 0;
    auto first = readDigits(text, p, count, kMaxHourDigits);
    if (!first) return std::nullopt;
    // As in the WebVTT spec: a first field that is not two digits, or above 59, is hours.
    bool hasHours = count != kTwoDigits || *first > kMaxSixtieth;
    if (p >= text.size() || text[p] != ':') return std::nullopt;
    ++p;
    auto second = readDigits(text, p, count, kTwoDigits);
    if (!second || count != kTwoDigits) return std::nullopt;
    std::int64_t hours = 0, minutes = 0, secs = 0;
    if (hasHours || (p < text.size() && text[p] == ':')) {
        if (p >= text.size() || text[p] != ':') return std::nullopt;
        ++p;
        auto third = readDigits(text, p, count, kTwoDigits);
        if (!third || count != kTwoDigits) return std::nullopt;
        hours = *first;
        minutes = *second;
        secs = *third;
    } else {
        minutes = *first;
        secs = *second;
    }
    if (p >= text.size()) return std::nullopt;
    bool separatorOk = text[p] == '.' || (separator == FractionSeparator::DotOrComma && text[p] == ',');
    if (!separatorOk) return std::nullopt;
    ++p;
    auto fraction = readDigits(text, p, count, kFractionDigits);
    if (!fraction || (count != kFractionDigits && !shortFraction)) return std::nullopt;
    for (int digits = count; digits < kFractionDigits; ++digits) *fraction *= 10;  // ",5" is 500 ms
    if (shortFraction) *shortFraction = count != kFractionDigits;
    if (minutes > kMaxSixtieth || secs > kMaxSixtieth) return std::nullopt;
    if (hours > (std::numeric_limits<Micros>::max() - kMicrosPerHour) / kMicrosPerHour) return std::nullopt;
    pos = p;
    return hours * kMicrosPerHour + minutes * kMicrosPerMinute + secs * kMicrosPerSecond +
           *fraction * kMicrosPerMillisecond;
}

namespace {

// The WebVTT spec's whitespace inside a line: space, tab and form feed.
constexpr std::string_view kLineSpace = " \t\f";

std::size_t skipSpaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && kLineSpace.find(text[pos]) != std::string_view::npos) ++pos;
    return pos;
}

// The word at `pos`, for quoting in a message.
std::string_view wordAt(std::string_view text, std::size_t pos) {
    std::size_t end = text.find_first_of(kLineSpace, pos);
    return text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
}

int column(std::size_t pos) { return static_cast<int>(pos) + 1; }

}  // namespace

bool startsWithCueTimestamp(std::string_view line) {
    std::size_t pos = skipSpaces(line, 0);
    bool shortFraction = false;
    return readCueTimestamp(line, pos, FractionSeparator::DotOrComma, &shortFraction).has_value();
}

std::optional<CueTiming> readCueTiming(std::string_view line, FractionSeparator separator, const SourceLocation& where,
                                       std::string_view example, Diagnostics& diagnostics) {
    const std::string hint = "write the timing line as " + std::string(example);
    auto fail = [&](std::size_t pos, std::string message) {
        diagnostics.error({where.file, where.line, column(pos)}, "caption-bad-timing", std::move(message), hint);
        return std::nullopt;
    };
    // SRT files in the wild write one or two fraction digits; they are read, with a warning.
    const bool srt = separator == FractionSeparator::DotOrComma;
    auto read = [&](std::size_t& pos, const char* which) -> std::optional<Micros> {
        const std::size_t at = pos;
        bool shortFraction = false;
        auto time = readCueTimestamp(line, pos, separator, srt ? &shortFraction : nullptr);
        if (shortFraction)
            diagnostics.warning({where.file, where.line, column(at)}, "caption-short-milliseconds",
                                "'" + std::string(line.substr(at, pos - at)) + "' has fewer than three digits after the " +
                                    "seconds; read as " + formatClock(*time),
                                "write the milliseconds with three digits, as in " + std::string(example));
        if (time) return time;
        // The commonest slip: SRT's ',' before the milliseconds in a WebVTT file.
        std::size_t asSrt = at;
        if (!srt && readCueTimestamp(line, asSrt, FractionSeparator::DotOrComma)) {
            std::size_t comma = line.rfind(',', asSrt);
            diagnostics.error({where.file, where.line, column(comma)}, "caption-bad-timing",
                              std::string("the ") + which + " time '" + std::string(line.substr(at, asSrt - at)) +
                                  "' has a ',' before the milliseconds; WebVTT writes a '.'; cue skipped",
                              "write " + std::string(line.substr(at, comma - at)) + "." +
                                  std::string(line.substr(comma + 1, asSrt - comma - 1)) + " (',' is SRT's form)");
            return std::nullopt;
        }
        fail(at, "'" + std::string(wordAt(line, at)) + "' is not a valid " + which + " time; cue skipped");
        return std::nullopt;
    };
    std::size_t pos = skipSpaces(line, 0);
    auto start = read(pos, "start");
    if (!start) return std::nullopt;
    pos = skipSpaces(line, pos);
    if (!line.substr(pos).starts_with("-->"))
        return fail(pos, "expected '-->' after the start time, found " +
                             (pos < line.size() ? "'" + std::string(wordAt(line, pos)) + "'" : "the end of the line") +
                             "; cue skipped");
    pos = skipSpaces(line, pos + 3);
    std::size_t endPos = pos;
    auto end = read(pos, "end");
    if (!end) return std::nullopt;
    if (*end < *start) {
        diagnostics.error({where.file, where.line, column(endPos)}, "caption-end-before-start",
                          "the cue ends (" + formatClock(*end) + ") before it starts (" + formatClock(*start) +
                              "); cue skipped",
                          "check the two times: the end must not be earlier than the start");
        return std::nullopt;
    }
    if (*end == *start)
        diagnostics.warning({where.file, where.line, column(endPos)}, "caption-zero-length",
                            "the cue starts and ends at " + formatClock(*start) + ", so it is never shown",
                            "give it an end time after its start");
    return CueTiming{*start, *end, pos};
}

}  // namespace vitrine
