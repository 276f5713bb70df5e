#include "captions/srt_parser.h"

#include <optional>

#include "captions/caption_encoding.h"
#include "captions/caption_lines.h"
#include "captions/cue_markup.h"
#include "captions/cue_timestamp.h"

namespace vitrine {
namespace {

constexpr std::string_view kArrow = "-->";
constexpr std::string_view kTimingExample = "00:00:01,000 --> 00:00:04,500";

bool containsArrow(std::string_view line) { return line.find(kArrow) != std::string_view::npos; }

class SrtParser {
public:
    SrtParser(std::string_view text, const std::string& fileName, Diagnostics& diagnostics)
        : lines_(splitCaptionLines(stripBom(text))), diagnostics_(diagnostics) {
        track_.file = fileName;
    }

    CaptionTrack parse() {
        std::size_t i = 0;
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
        if (containsArrow(lines_[first].text)) timing = first;
        else if (first + 1 < lines_.size() && containsArrow(lines_[first + 1].text)) timing = first + 1;
        // A time without "-->" is a timing line with a mistyped arrow ("->"): read it as one,
        // so the message names the fault.
        else if (startsWithCueTimestamp(lines_[first].text)) timing = first;
        else if (first + 1 < lines_.size() && startsWithCueTimestamp(lines_[first + 1].text)) timing = first + 1;
        if (!timing) {
            std::size_t end = first;
            while (end < lines_.size() && !isBlankCaptionLine(lines_[end].text) && !startsBlock(end)) ++end;
            diagnostics_.error({track_.file, lines_[first].number, 1}, "caption-not-a-cue",
                               "this block has no '-->' timing line, so it is not a subtitle; skipped",
                               "an SRT block is a number, a timing line such as " + std::string(kTimingExample) +
                                   ", then its text, then a blank line");
            return std::max(end, first + 1);
        }
        std::size_t end = *timing + 1;
        while (end < lines_.size() && !isBlankCaptionLine(lines_[end].text) && !startsBlock(end)) ++end;
        // Real files have blank lines inside a subtitle's text (players show them): the
        // text goes on until a new block starts.
        while (std::size_t next = textAfterBlankLines(end)) {
            end = next;
            while (end < lines_.size() && !isBlankCaptionLine(lines_[end].text) && !startsBlock(end)) ++end;
        }
        readCue(first, *timing, end);
        return end;
    }

    // When blank lines at `k` are followed by more text of the same subtitle (a line that
    // does not start a block), the index of that line; 0 otherwise.
    std::size_t textAfterBlankLines(std::size_t k) const {
        if (k >= lines_.size() || !isBlankCaptionLine(lines_[k].text)) return 0;
        while (k < lines_.size() && isBlankCaptionLine(lines_[k].text)) ++k;
        if (k >= lines_.size() || startsBlock(k) || startsWithCueTimestamp(lines_[k].text)) return 0;
        // An index before a timing line, even one with a mistyped arrow.
        if (isAllDigits(trimSpaces(lines_[k].text)) && k + 1 < lines_.size() && startsWithCueTimestamp(lines_[k + 1].text))
            return 0;
        return k;
    }

    // Whether line `k` begins a new block although no blank line came before it: an
    // index followed by a timing line, or a timing line that parses.
    bool startsBlock(std::size_t k) const {
        if (isAllDigits(trimSpaces(lines_[k].text)))
            return k + 1 < lines_.size() && containsArrow(lines_[k + 1].text);
        if (!containsArrow(lines_[k].text)) return false;
        Diagnostics ignored;
        return readCueTiming(lines_[k].text, FractionSeparator::DotOrComma, {}, kTimingExample, ignored).has_value();
    }

    void readCue(std::size_t first, std::size_t timingIndex, std::size_t end) {
        const CaptionLine& timingLine = lines_[timingIndex];
        CaptionCue cue;
        cue.where = {track_.file, timingLine.number, 1};
        // SRT has no cue settings; whatever follows the end time (old "X1:" box
        // coordinates) is ignored.
        auto timing = readCueTiming(timingLine.text, FractionSeparator::DotOrComma, cue.where, kTimingExample,
                                    diagnostics_);
        if (!timing) return;
        if (timingIndex > first) cue.id = std::string(trimSpaces(lines_[first].text));
        cue.start = timing->start;
        cue.end = timing->end;
        if (timingIndex + 1 < end) {
            std::string payload;
            for (std::size_t k = timingIndex + 1; k < end; ++k) {
                if (k > timingIndex + 1) payload += '\n';
                payload += lines_[k].text;
            }
            CueText text = parseCueMarkup(payload, CueMarkup::Srt, {track_.file, lines_[timingIndex + 1].number, 1},
                                          diagnostics_);
            cue.lines = std::move(text.lines);
        }
        track_.cues.push_back(std::move(cue));
    }

    std::vector<CaptionLine> lines_;
    Diagnostics& diagnostics_;
    CaptionTrack track_;
};

}  // namespace

CaptionTrack parseSrt(std::string_view text, const std::string& fileName, Diagnostics& diagnostics) {
    CaptionTrack refused;
    refused.file = fileName;
    if (text.size() > kMaxCaptionFileBytes) {
        withinCaptionLimits(text, fileName, diagnostics);  // reports the size
        return refused;
    }
    // Real SRT files come from many editors: read the encoding they were saved in, and name it.
    DecodedCaptionText decoded = decodeCaptionBytes(text);
    if (!decoded.encoding.empty())
        diagnostics.warning({fileName, 1, 1}, "caption-encoding",
                            "this file is " + decoded.encoding + " text" +
                                (decoded.encoding == "Windows-1252" ? " (it is not valid UTF-8)" : "") +
                                "; read as such",
                            "save it again as UTF-8 so that every program reads it the same way");
    if (!withinCaptionLimits(decoded.text, fileName, diagnostics)) return refused;
    return SrtParser(decoded.text, fileName, diagnostics).parse();
}

}  // namespace vitrine
