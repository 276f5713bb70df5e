#include "studio/caption_edits.h"

#include <algorithm>
#include <cstdio>

#include "captions/caption_lines.h"
#include "captions/caption_loader.h"
#include "captions/cue_timestamp.h"
#include "captions/srt_parser.h"
#include "captions/webvtt_parser.h"
#include "captions/webvtt_writer.h"
#include "studio/caption_tapper.h"

namespace vitrine::studio {
namespace {

constexpr std::string_view kLineSpace = " \t\f";

// Where one timestamp lies in a timing line.
struct Stamp {
    std::size_t begin = 0, end = 0;
};

// The spans of the start and end timestamps of timing line `line`; nullopt when it is not one.
std::optional<std::pair<Stamp, Stamp>> timestampsOf(std::string_view line) {
    auto skip = [&](std::size_t pos) {
        while (pos < line.size() && kLineSpace.find(line[pos]) != std::string_view::npos) ++pos;
        return pos;
    };
    bool shortFraction = false;  // SRT's short fractions are read; the times are rewritten whole
    Stamp start, end;
    std::size_t pos = start.begin = skip(0);
    if (!readCueTimestamp(line, pos, FractionSeparator::DotOrComma, &shortFraction)) return std::nullopt;
    start.end = pos;
    pos = skip(pos);
    if (!line.substr(pos).starts_with("-->")) return std::nullopt;
    pos = end.begin = skip(pos + 3);
    if (!readCueTimestamp(line, pos, FractionSeparator::DotOrComma, &shortFraction)) return std::nullopt;
    end.end = pos;
    return std::pair{start, end};
}

}  // namespace

CaptionTrack parseCaptionText(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    if (captionFormatFor(file, text) == CaptionFormat::Srt) return parseSrt(text, file, diagnostics);
    return parseWebVtt(text, file, diagnostics);
}

std::string formatCueTimestampLike(std::string_view written, Micros t) {
    // formatWebVttTimestamp writes "hh:mm:ss.ttt"; the written form decides what to keep.
    std::string full = formatWebVttTimestamp(t);
    const std::size_t firstColon = written.find(':');
    const bool hasHours = firstColon != std::string_view::npos && written.find(':', firstColon + 1) != std::string_view::npos;
    std::string out;
    if (hasHours) {
        // As many hour digits as the file writes ("0:00:01.000" stays one digit).
        std::string hours = full.substr(0, full.find(':'));
        while (hours.size() > firstColon && hours.front() == '0') hours.erase(0, 1);
        while (hours.size() < firstColon) hours.insert(0, "0");
        out = hours + full.substr(full.find(':'));
    } else {
        out = t >= 60 * 60 * kMicrosPerSecond ? full : full.substr(3);  // "mm:ss.ttt" under an hour
    }
    if (written.find(',') != std::string_view::npos) std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

Result<TextEdit> cueTimingEdit(std::string_view text, const CaptionCue& cue, Micros start, Micros end) {
    const std::string_view body = stripBom(text);
    const std::vector<CaptionLine> lines = splitCaptionLines(body);
    const int number = cue.where.line;
    if (number < 1 || static_cast<std::size_t>(number) > lines.size())
        return Error{cue.where.file + " has no line " + std::to_string(number)};
    const std::string_view line = lines[number - 1].text;
    auto stamps = timestampsOf(line);
    if (!stamps) return Error{cue.where.file + " line " + std::to_string(number) + " is not a cue's timing line"};
    const auto [from, to] = *stamps;
    // One edit from the start timestamp to the end one; what lies between (the arrow and
    // its spaces) is written back as it was.
    const std::size_t lineAt = static_cast<std::size_t>(line.data() - text.data());
    TextEdit edit;
    edit.offset = lineAt + from.begin;
    edit.length = to.end - from.begin;
    edit.replacement = formatCueTimestampLike(line.substr(from.begin, from.end - from.begin), start) +
                       std::string(line.substr(from.end, to.begin - from.end)) +
                       formatCueTimestampLike(line.substr(to.begin, to.end - to.begin), end);
    return edit;
}

CaptionRecipe cueTimingRecipe(std::string file, CueRef ref, Micros start, Micros end) {
    return [file = std::move(file), ref, start, end](std::string_view text) -> Result<TextEdit> {
        Diagnostics ignored;  // the diagnostics panel reports the file's own problems
        const CaptionTrack track = parseCaptionText(text, file, ignored);
        const std::string which = "cue " + std::to_string(ref.index + 1) + " of " + file;
        if (ref.index >= track.cues.size()) return Error{file + " no longer has a cue " + std::to_string(ref.index + 1)};
        const CaptionCue& cue = track.cues[ref.index];
        if (cue.start != ref.start || cue.end != ref.end)
            return Error{which + " is no longer at " + formatClock(ref.start) + "–" + formatClock(ref.end) +
                         " (it is at " + formatClock(cue.start) + "–" + formatClock(cue.end) + ")"};
        return cueTimingEdit(text, cue, start, end);
    };
}

CueLimits cueLimits(const CaptionTrack& track, std::size_t index, Micros soundEnd) {
    CueLimits limits{0, soundEnd};
    if (index > 0) limits.earliest = std::max<Micros>(0, track.cues[index - 1].end);
    if (index + 1 < track.cues.size()) limits.latest = std::min(limits.latest, track.cues[index + 1].start);
    return limits;
}

std::pair<Micros, Micros> draggedCue(const CaptionCue& cue, CueDrag drag, Micros delta, const CueLimits& limits) {
    const Micros length = cue.end - cue.start;
    const Micros shortest = std::min(kShortestCaption, length);
    switch (drag) {
        case CueDrag::Move: {
            // Clamped so that both edges stay inside the limits; a cue longer than the room
            // it has stays where it is.
            const Micros lowest = limits.earliest - cue.start, highest = limits.latest - cue.end;
            const Micros d = lowest > highest ? 0 : std::clamp(delta, lowest, highest);
            return {cue.start + d, cue.end + d};
        }
        case CueDrag::TrimStart:
            return {std::clamp(cue.start + delta, std::min(limits.earliest, cue.start), cue.end - shortest), cue.end};
        case CueDrag::TrimEnd:
            return {cue.start, std::clamp(cue.end + delta, cue.start + shortest, std::max(limits.latest, cue.end))};
    }
    return {cue.start, cue.end};
}

}  // namespace vitrine::studio
