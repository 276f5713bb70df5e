#pragma once
// Reads the timestamps of cue timing lines ("01:02.500", "1:02:03.500", "01:02:03,500").

#include <optional>
#include <string_view>

#include "diag/diagnostic.h"
#include "base/time_value.h"

namespace vitrine {

/// Which characters may separate seconds from milliseconds.
enum class FractionSeparator { Dot, DotOrComma };

/// Reads a timestamp at `pos` in `text` following the WebVTT rules: minutes "mm:ss.ttt"
/// (exactly two minute digits) or hours "h+:mm:ss.ttt" (any number of hour digits, so
/// shows longer than 99 hours are fine); minutes and seconds at most 59, exactly three
/// fraction digits. On success advances `pos` past it; on failure leaves `pos` alone.
/// Times too large for Micros are rejected rather than wrapped. With `shortFraction`
/// given, one or two fraction digits are accepted too (real SRT files have "00:00:01,50"),
/// read as a decimal fraction (1.5 s), and *shortFraction says so.
std::optional<Micros> readCueTimestamp(std::string_view text, std::size_t& pos, FractionSeparator separator,
                                       bool* shortFraction = nullptr);

/// The times of a timing line "start --> end [rest]".
struct CueTiming {
    Micros start = 0;
    Micros end = 0;
    std::size_t restBegin = 0;  // where the text after the end time starts (WebVTT settings)
};

/// Whether `line` starts (after whitespace) with a timestamp in either format: a timing
/// line, perhaps with a mistyped arrow ("->"), rather than an identifier or cue text.
bool startsWithCueTimestamp(std::string_view line);

/// Reads a timing line. Reports a malformed time, a missing "-->", or an end before the
/// start as an error at `where` (its line) with the column of the fault, and returns
/// nullopt so the caller skips the cue. A zero-length cue is kept with a warning. Spaces,
/// tabs and form feeds separate the parts (the spec's "skip whitespace"). With
/// DotOrComma (SRT), fractions of one or two digits are read with a warning.
/// `example` shows the expected form in the hint.
std::optional<CueTiming> readCueTiming(std::string_view line, FractionSeparator separator, const SourceLocation& where,
                                       std::string_view example, Diagnostics& diagnostics);

}  // namespace vitrine
