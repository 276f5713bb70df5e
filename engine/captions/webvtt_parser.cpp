#include "captions/webvtt_parser.h"

#include <charconv>
#include <optional>

#include "captions/caption_encoding.h"
#include "captions/caption_lines.h"
#include "captions/cue_markup.h"
#include "captions/cue_timestamp.h"

namespace vitrine {
namespace {

constexpr std::string_view kSignature = "WEBVTT";
constexpr std::string_view kArrow = "-->";
constexpr std::string_view kTimingExample = "00:01.000 --> 00:04.500 or 01:02:03.000 --> 01:02:07.250";
constexpr std::string_view kLanguageHeader = "Language:";
constexpr double kMaxPercent = 100.0;

bool startsWithKeyword(std::string_view line, std::string_view keyword) {
    if (!line.starts_with(keyword)) return false;
    return line.size() == keyword.size() || line[keyword.size()] == ' ' || line[keyword.size()] == '\t';
}

bool containsArrow(std::string_view line) { return line.find(kArrow) != std::string_view::npos; }

// "12", "-3", "12.5": the WebVTT line-number form.
std::optional<double> parseLineNumber(std::string_view text) {
    std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
    if (digits.empty() || digits.front() == '.' || digits.back() == '.') return std::nullopt;
    if (digits.find_first_not_of("0123456789.") != std::string_view::npos) return std::nullopt;
    if (digits.find('.') != digits.rfind('.')) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "42%", "12.5%": a WebVTT percentage, 0 to 100.
std::optional<double> parsePercent(std::string_view text) {
    if (!text.ends_with('%')) return std::nullopt;
    text.remove_suffix(1);
    if (text.empty() || text.front() == '-') return std::nullopt;
    auto value = parseLineNumber(text);
    if (!value || *value > kMaxPercent) return std::nullopt;
    return value;
}

// Applies "name:value" settings from the rest of a timing line to `cue`.
class CueSettingsReader {
public:
    CueSettingsReader(CaptionCue& cue, const SourceLocation& where, Diagnostics& diagnostics)
        : cue_(cue), where_(where), diagnostics_(diagnostics) {}

    void read(std::string_view line, std::size_t from) {
        std::size_t pos = from;
        while (pos < line.size()) {
            pos = line.find_first_not_of(" \t\f", pos);
            if (pos == std::string_view::npos) break;
            std::size_t end = std::min(line.find_first_of(" \t\f", pos), line.size());
            readOne(line.substr(pos, end - pos), static_cast<int>(pos) + 1);
            pos = end;
        }
    }

private:
    void readOne(std::string_view setting, int column) {
        std::size_t colon = setting.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon + 1 == setting.size()) {
            bad(setting, column, "a cue setting is written name:value");
            return;
        }
        std::string_view name = setting.substr(0, colon);
        std::string_view value = setting.substr(colon + 1);
        bool ok = true;
        if (name == "line") ok = readLine(value);
        else if (name == "position") ok = readPosition(value);
        else if (name == "size") ok = readSize(value);
        else if (name == "align") ok = readAlign(value);
        else if (name == "vertical") ok = readVertical(value);
        else if (name == "region") ok = true;  // regions are a layout we do not offer; the cue still shows
        else {
            diagnostics_.warning({where_.file, where_.line, column}, "caption-unknown-setting",
                                 "unknown cue setting '" + std::string(name) + "' ignored",
                                 "WebVTT cue settings are line, position, size, align, vertical and region");
            return;
        }
        if (!ok) bad(setting, column, hintFor(name));
    }

    bool readLine(std::string_view value) {
        std::string_view number = value.substr(0, value.find(','));
        std::optional<CaptionCue::LineAlign> lineAlign;
        if (number.size() < value.size()) {
            std::string_view a = value.substr(number.size() + 1);
            if (a == "start") lineAlign = CaptionCue::LineAlign::Start;
            else if (a == "center") lineAlign = CaptionCue::LineAlign::Center;
            else if (a == "end") lineAlign = CaptionCue::LineAlign::End;
            else return false;
        }
        if (auto percent = parsePercent(number)) {
            cue_.line = percent;
            cue_.lineUnit = CaptionCue::LineUnit::Percent;
        } else if (auto lineNumber = parseLineNumber(number)) {
            cue_.line = lineNumber;
            cue_.lineUnit = CaptionCue::LineUnit::LineNumber;
        } else {
            return false;
        }
        if (lineAlign) cue_.lineAlign = *lineAlign;
        return true;
    }

    bool readPosition(std::string_view value) {
        std::string_view number = value.substr(0, value.find(','));
        std::optional<CaptionCue::PositionAlign> positionAlign;
        if (number.size() < value.size()) {
            std::string_view a = value.substr(number.size() + 1);
            if (a == "line-left") positionAlign = CaptionCue::PositionAlign::LineLeft;
            else if (a == "center") positionAlign = CaptionCue::PositionAlign::Center;
            else if (a == "line-right") positionAlign = CaptionCue::PositionAlign::LineRight;
            else return false;
        }
        auto percent = parsePercent(number);
        if (!percent) return false;
        cue_.position = percent;
        if (positionAlign) cue_.positionAlign = *positionAlign;
        return true;
    }

    bool readSize(std::string_view value) {
        auto percent = parsePercent(value);
        if (!percent) return false;
        cue_.size = percent;
        return true;
    }

    bool readAlign(std::string_view value) {
        using Align = CaptionCue::Align;
        if (value == "start") cue_.align = Align::Start;
        else if (value == "center" || value == "middle") cue_.align = Align::Center;  // "middle": early drafts
        else if (value == "end") cue_.align = Align::End;
        else if (value == "left") cue_.align = Align::Left;
        else if (value == "right") cue_.align = Align::Right;
        else return false;
        return true;
    }

    bool readVertical(std::string_view value) {
        if (value == "rl") cue_.vertical = CaptionCue::Vertical::RightToLeft;
        else if (value == "lr") cue_.vertical = CaptionCue::Vertical::LeftToRight;
        else return false;
        return true;
    }

    static std::string hintFor(std::string_view name) {
        if (name == "line") return "line: takes a line number (-1 is the bottom line) or a percentage, "
                                   "optionally followed by ,start ,center or ,end";
        if (name == "position") return "position: takes a percentage, optionally followed by "
                                       ",line-left ,center or ,line-right";
        if (name == "size") return "size: takes a percentage from 0% to 100%";
        if (name == "align") return "align: takes start, center, end, left or right";
        return "vertical: takes rl or lr";
    }

    void bad(std::string_view setting, int column, std::string hint) {
        diagnostics_.warning({where_.file, where_.line, column}, "caption-bad-setting",
                             "invalid cue setting '" + std::string(setting) + "' ignored", std::move(hint));
    }

    CaptionCue& cue_;
    const SourceLocation& where_;
    Diagnostics& diagnostics_;
};

class WebVttParser {
public:
    WebVttParser(std::string_view text, const std::string& fileName, Diagnostics& diagnostics)
        : lines_(splitCaptionLines(stripBom(text))), diagnostics_(diagnostics) {
        track_.file = fileName;
    }

    CaptionTrack parse() {
        if (lines_.empty() || !startsWithKeyword(lines_[0].text, kSignature)) {
            // Say what is there instead: "WEBVT", "WEBVTT-1", a timing line, nothing.
            std::string_view first = lines_.empty() ? std::string_view{} : lines_[0].text;
            const bool glued = first.starts_with(kSignature);
            diagnostics_.error({track_.file, 1, glued ? static_cast<int>(kSignature.size()) + 1 : 1},
                               "caption-missing-header",
                               "a WebVTT file must start with the line WEBVTT" +
                                   (glued ? std::string(", followed by a space, a tab or the end of the line")
                                          : ", not '" + std::string(first.substr(0, kSignature.size() + 4)) + "'") +
                                   "; no captions were read",
                               "put WEBVTT alone on the first line (a byte-order mark before it is fine)");
            return std::move(track_);
        }
        std::size_t i = 1;
        // Header lines run to the first blank line; a timing line also ends them, as in
        // the spec's parser, so a file that forgot that blank line loses nothing.
        for (; i < lines_.size() && !isBlankCaptionLine(lines_[i].text) && !containsArrow(lines_[i].text); ++i)
            if (lines_[i].text.starts_with(kLanguageHeader))
                track_.lang = std::string(trimSpaces(lines_[i].text.substr(kLanguageHeader.size())));
        while (true) {
            while (i < lines_.size() && isBlankCaptionLine(lines_[i].text)) ++i;
            if (i >= lines_.size()) break;
            i = readBlock(i);
        }
        track_.sortCues();
        return std::move(track_);
    }

private:
    // Reads the block starting at `first`; returns the index of the line after it.
    std::size_t readBlock(std::size_t first) {
        std::optional<std::size_t> timing;
        std::size_t end = first;
        for (; end < lines_.size() && !isBlankCaptionLine(lines_[end].text); ++end) {
            if (!containsArrow(lines_[end].text)) continue;
            // The timing line is the block's first or second line (after an identifier);
            // a later one starts the next cue even without a blank line between them.
            if (!timing && end - first < 2) {
                timing = end;
                continue;
            }
            break;
        }
        // A block whose first line is a time but has no "-->" is a cue with a mistyped
        // arrow ("->"): reading it as one names the fault, where "not a cue" would not.
        if (!timing && startsWithCueTimestamp(lines_[first].text)) timing = first;
        if (!timing && first + 1 < end && startsWithCueTimestamp(lines_[first + 1].text)) timing = first + 1;
        if (timing) {
            readCue(first, *timing, end);
        } else {
            skipNonCue(first);
        }
        return end;
    }

    void readCue(std::size_t first, std::size_t timingIndex, std::size_t end) {
        const CaptionLine& timingLine = lines_[timingIndex];
        CaptionCue cue;
        cue.where = {track_.file, timingLine.number, 1};
        auto timing = readCueTiming(timingLine.text, FractionSeparator::Dot, cue.where, kTimingExample, diagnostics_);
        if (!timing) return;
        if (timingIndex > first) cue.id = std::string(lines_[first].text);
        cue.start = timing->start;
        cue.end = timing->end;
        CueSettingsReader(cue, cue.where, diagnostics_).read(timingLine.text, timing->restBegin);
        if (timingIndex + 1 < end) {
            std::string payload = joinLines(timingIndex + 1, end);
            CueText text = parseCueMarkup(payload, CueMarkup::WebVtt, {track_.file, lines_[timingIndex + 1].number, 1},
                                          diagnostics_);
            cue.lines = std::move(text.lines);
            cue.voice = std::move(text.firstVoice);
        }
        track_.cues.push_back(std::move(cue));
    }

    // Lines [from, to) joined with '\n', whatever terminators the file used.
    std::string joinLines(std::size_t from, std::size_t to) const {
        std::string joined;
        for (std::size_t k = from; k < to; ++k) {
            if (k > from) joined += '\n';
            joined += lines_[k].text;
        }
        return joined;
    }

    void skipNonCue(std::size_t first) {
        const CaptionLine& line = lines_[first];
        if (startsWithKeyword(line.text, "NOTE")) return;
        if (startsWithKeyword(line.text, "STYLE") || startsWithKeyword(line.text, "REGION")) {
            if (!track_.cues.empty())
                diagnostics_.warning({track_.file, line.number, 1}, "caption-misplaced-block",
                                     std::string(trimSpaces(line.text)) + " block after the first cue is ignored",
                                     "move STYLE and REGION blocks above the first cue");
            return;
        }
        diagnostics_.error({track_.file, line.number, 1}, "caption-not-a-cue",
                           "this block has no '-->' timing line, so it is not a cue; skipped",
                           "a cue is an optional identifier line, a timing line such as "
                           "00:01.000 --> 00:04.000, then its text; a comment starts with NOTE");
    }

    std::vector<CaptionLine> lines_;
    Diagnostics& diagnostics_;
    CaptionTrack track_;
};

}  // namespace

namespace {

// The line and column of byte `offset` of `text`, counting lines as splitCaptionLines does.
SourceLocation locationAt(std::string_view text, std::size_t offset, const std::string& fileName) {
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t k = 0; k < offset; ++k)
        if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'))) {
            ++line;
            lineStart = k + 1;
        }
    return {fileName, line, static_cast<int>(offset - lineStart) + 1};
}

}  // namespace

bool hasWebVttSignature(std::string_view text) {
    auto lines = splitCaptionLines(stripBom(text).substr(0, kSignature.size() + 1));
    return !lines.empty() && startsWithKeyword(lines[0].text, kSignature);
}

CaptionTrack parseWebVtt(std::string_view text, const std::string& fileName, Diagnostics& diagnostics) {
    if (!withinCaptionLimits(text, fileName, diagnostics)) {
        CaptionTrack refused;
        refused.file = fileName;
        return refused;
    }
    if (std::string utf16 = utf16Encoding(text); !utf16.empty()) {
        diagnostics.error({fileName, 1, 1}, "caption-encoding",
                          "this file is " + utf16 + " text; a WebVTT file is UTF-8, so no captions were read",
                          "save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)");
        CaptionTrack refused;
        refused.file = fileName;
        return refused;
    }
    // The spec decodes UTF-8 with U+FFFD for what is not, and replaces NUL with U+FFFD:
    // the visitor would see that mark, so each is worth a warning at its place.
    std::string decoded;
    if (std::size_t bad = firstInvalidUtf8(text); bad != std::string_view::npos) {
        diagnostics.warning(locationAt(text, bad, fileName), "caption-encoding",
                            "a byte that is not UTF-8, shown as \xEF\xBF\xBD (the file may be Windows-1252)",
                            "save the file again as UTF-8: a WebVTT file is UTF-8");
        decoded = replaceInvalidUtf8(text);
        text = decoded;
    }
    std::string replaced;
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        diagnostics.warning(locationAt(text, nul, fileName), "caption-nul", "a NUL character, shown as \xEF\xBF\xBD",
                            "remove it: a caption file is plain text");
        for (char c : text) replaced += c == '\0' ? std::string("\xEF\xBF\xBD") : std::string(1, c);
        text = replaced;
    }
    return WebVttParser(text, fileName, diagnostics).parse();
}

}  // namespace vitrine
