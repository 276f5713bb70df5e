#pragma once
// Splits caption file text into numbered lines; shared by the WebVTT and SRT parsers.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace vitrine {

/// The largest caption file read: hours of speech are a few hundred kilobytes.
inline constexpr std::size_t kMaxCaptionFileBytes = std::size_t{4} << 20;
/// The most cues in one file: one every second for over five hours.
inline constexpr std::size_t kMaxCaptionCues = 20'000;
/// The longest line: a caption line is read in a few seconds, so a few hundred bytes at most.
inline constexpr std::size_t kMaxCaptionLineBytes = 2'000;

/// Checks `text`, read from `fileName`, against the limits above before it is parsed
/// (both parsers): the first limit exceeded is one error at its line, and false (the
/// file is not read, so a damaged or wrong file cannot exhaust memory or time).
bool withinCaptionLimits(std::string_view text, const std::string& fileName, Diagnostics& diagnostics);

/// One line of a caption file, without its terminator, and its 1-based line number.
struct CaptionLine {
    std::string_view text;
    int number = 0;
};

/// The UTF-8 byte-order mark some editors write at the start of a file.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// `text` without a leading UTF-8 byte-order mark.
std::string_view stripBom(std::string_view text);

/// Splits at LF, CRLF and lone CR. A final terminator does not start an extra line.
/// The views point into `text`.
std::vector<CaptionLine> splitCaptionLines(std::string_view text);

/// Whether a line holds only spaces and tabs. Such lines separate blocks, because a
/// stray space on a "blank" line is invisible to whoever edited the file.
bool isBlankCaptionLine(std::string_view line);

/// Whether the line is one or more ASCII digits and nothing else (an SRT index).
bool isAllDigits(std::string_view line);

/// `text` without leading and trailing spaces and tabs.
std::string_view trimSpaces(std::string_view text);

}  // namespace vitrine
