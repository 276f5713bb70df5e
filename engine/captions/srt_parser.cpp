#include "captions/srt_parser.h"

#include <optional>

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
        readCue(first, *timing, end);
        return end;
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
    if (!withinCaptionLimits(text, fileName, diagnostics)) {
        CaptionTrack refused;
        refused.file = fileName;
        return refused;
    }
    return SrtParser(text, fileName, diagnostics).parse();
}

}  // namespace vitrine
