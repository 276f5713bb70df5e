#include "studio/caption_tapper.h"
#include "studio/caption_edits.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "captions/caption_check.h"
#include "captions/caption_lines.h"
#include "captions/srt_parser.h"
#include "captions/webvtt_parser.h"
#include "captions/webvtt_writer.h"
#include "script/script_loader.h"
#include "files/atomic_save.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

Micros roundToMillis(Micros t) {
    Micros half = kMicrosPerMillisecond / 2;
    return (t >= 0 ? t + half : t - half) / kMicrosPerMillisecond * kMicrosPerMillisecond;
}

fs::path withExtension(fs::path file, const char* extension) { return file.replace_extension(extension); }

}  // namespace

CaptionTapper::CaptionTapper(CaptionTrack lines, CaptionLinesOrigin origin, Micros audioEnd, std::string originalText)
    : lines_(std::move(lines)), origin_(origin), audioEnd_(audioEnd), originalText_(std::move(originalText)) {}

bool CaptionTapper::tap(Micros t) {
    t = roundToMillis(t);
    if (complete()) return false;
    if (!starts_.empty()) {
        Micros earliest = ends_.back() ? *ends_.back() : starts_.back() + kShortestCaption;
        if (t < earliest) return false;
    }
    starts_.push_back(t);
    ends_.emplace_back();
    return true;
}

bool CaptionTapper::endLine(Micros t) {
    t = roundToMillis(t);
    if (starts_.empty() || ends_.back() || t < starts_.back() + kShortestCaption) return false;
    ends_.back() = t;
    return true;
}

bool CaptionTapper::undo() {
    if (starts_.empty()) return false;
    // Only the last line can have been ended since the last tap, so the last action is
    // its end when it has one, and its tap otherwise.
    if (ends_.back()) {
        ends_.back().reset();
    } else {
        starts_.pop_back();
        ends_.pop_back();
    }
    return true;
}

std::pair<Micros, Micros> CaptionTapper::tappedTimes(std::size_t index) const {
    Micros start = starts_[index];
    if (ends_[index]) return {start, *ends_[index]};
    if (index + 1 < starts_.size()) return {start, starts_[index + 1] - kCaptionGap};
    // The last line tapped and never ended lasts to the end of the sound, or, when the
    // lines after it keep their old times, to the gap before the next one.
    Micros end = roundToMillis(audioEnd_);
    if (index + 1 < lineCount() && origin_ != CaptionLinesOrigin::PlainText) {
        Micros beforeNext = lines_.cues[index + 1].start - kCaptionGap;
        if (beforeNext >= start + kShortestCaption) end = std::min(end, beforeNext);
    }
    return {start, std::max(end, start + kShortestCaption)};
}

std::optional<std::string> CaptionTapper::untimedLinesClash() const {
    const std::size_t tapped = tappedCount();
    if (tapped == 0 || complete() || origin_ == CaptionLinesOrigin::PlainText) return std::nullopt;
    const Micros lastEnd = tappedTimes(tapped - 1).second;
    const Micros nextStart = lines_.cues[tapped].start;
    if (nextStart >= lastEnd) return std::nullopt;
    return std::to_string(tapped) + " of " + std::to_string(lineCount()) + " lines timed: line " +
           std::to_string(tapped + 1) + " would start at " + formatClock(nextStart) + ", before line " +
           std::to_string(tapped) + " ends at " + formatClock(lastEnd) + ", and both would show at once";
}

std::vector<std::pair<Micros, Micros>> CaptionTapper::times(UntimedLines untimed) const {
    const std::size_t tapped = tappedCount();
    std::vector<std::pair<Micros, Micros>> out;
    for (std::size_t i = 0; i < lineCount(); ++i)
        out.push_back(i < tapped ? tappedTimes(i) : std::pair{lines_.cues[i].start, lines_.cues[i].end});
    if (untimed == UntimedLines::KeepTimes || tapped == 0 || complete() || origin_ == CaptionLinesOrigin::PlainText)
        return out;
    // Each moved line keeps its length and starts a gap after the one before, ended at the
    // end of the sound; one that would start after it keeps its length, and the caption
    // check says it is never shown. The last tapped line, left open, keeps its old length
    // too, rather than running to the end of the sound over the lines moved after it.
    const Micros soundEnd = roundToMillis(audioEnd_);
    auto lengthOf = [&](std::size_t i) { return lines_.cues[i].end - lines_.cues[i].start; };
    auto endAt = [&](Micros start, Micros length) { return start < soundEnd ? std::min(start + length, soundEnd) : start + length; };
    const std::size_t last = tapped - 1;
    if (!ends_[last]) out[last].second = endAt(out[last].first, std::max(lengthOf(last), kShortestCaption));
    for (std::size_t i = tapped; i < lineCount(); ++i) {
        const Micros start = out[i - 1].second + kCaptionGap;
        out[i] = {start, endAt(start, lengthOf(i))};
    }
    return out;
}

CaptionTrack CaptionTapper::result(UntimedLines untimed) const {
    CaptionTrack track;
    track.file = lines_.file;
    track.lang = lines_.lang;
    const auto newTimes = times(untimed);
    for (std::size_t i = 0; i < lineCount(); ++i) {
        if (i >= tappedCount() && origin_ == CaptionLinesOrigin::PlainText) continue;
        CaptionCue cue = lines_.cues[i];
        std::tie(cue.start, cue.end) = newTimes[i];
        track.cues.push_back(std::move(cue));
    }
    track.sortCues();
    return track;
}

std::string CaptionTapper::retimedOriginal(UntimedLines untimed) const {
    // Each retimed cue's timing line is changed as a drag on the timeline changes it
    // (cueTimingEdit: its two timestamps, in the file's form): back to front, so offsets
    // stay valid.
    const auto newTimes = times(untimed);
    std::vector<TextEdit> edits;
    for (std::size_t i = 0; i < lineCount(); ++i) {
        const auto [start, end] = newTimes[i];
        if (i >= tappedCount() && start == lines_.cues[i].start && end == lines_.cues[i].end) continue;
        if (auto edit = cueTimingEdit(originalText_, lines_.cues[i], start, end)) edits.push_back(std::move(*edit));
    }
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset > b.offset; });
    std::string out = originalText_;
    for (const TextEdit& edit : edits) applyEdit(out, edit);
    return out;
}

std::string CaptionTapper::webVtt(UntimedLines untimed) const {
    if (origin_ == CaptionLinesOrigin::WebVtt && !originalText_.empty()) return retimedOriginal(untimed);
    return writeWebVtt(result(untimed));
}

Diagnostics CaptionTapper::check(const std::string& fileName, UntimedLines untimed) const {
    // The text that would be written, read back as the player will read it: line numbers
    // are the written file's.
    Diagnostics found;
    CaptionTrack written = parseWebVtt(webVtt(untimed), fileName, found);
    checkCaptionCues(written, roundToMillis(audioEnd_), found);
    return found;
}

std::optional<Error> CaptionTapper::save(const fs::path& file, UntimedLines untimed,
                                         const SaveFailureInjector& inject) const {
    if (!canSave())
        return Error{"tap every line before saving: " + std::to_string(lineCount() - tappedCount()) +
                     " of them have no time yet"};
    if (untimed == UntimedLines::KeepTimes)
        if (auto clash = untimedLinesClash())
            return Error{*clash + ": move the untimed lines after line " + std::to_string(tappedCount()) +
                         ", or keep timing"};
    return saveFileAtomically(file, webVtt(untimed), inject);
}

CaptionTrack captionLinesFromText(std::string_view text, const std::string& fileName) {
    CaptionTrack track;
    track.file = fileName;
    for (const CaptionLine& line : splitCaptionLines(stripBom(text))) {
        std::string_view words = trimSpaces(line.text);
        if (words.empty()) continue;
        CaptionCue cue;
        cue.where = {fileName, line.number, 1};
        CaptionSpan span;
        span.text = std::string(words);
        cue.lines.push_back({std::move(span)});
        track.cues.push_back(std::move(cue));
    }
    return track;
}

std::optional<CaptionTapper> loadCaptionTapper(const fs::path& captionsFile, Micros audioEnd,
                                               Diagnostics& diagnostics, const FileReader& read) {
    const std::string name = captionsFile.string();
    std::string extension = captionsFile.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension != ".vtt") {
        diagnostics.error({name, 0, 0}, "caption-timing-not-webvtt",
                          "caption timing writes WebVTT, but '" + name + "' is not a .vtt file",
                          "set captions= to a .vtt name; an .srt or .txt with the same name supplies the lines");
        return std::nullopt;
    }
    const fs::path srt = withExtension(captionsFile, ".srt");
    const fs::path txt = withExtension(captionsFile, ".txt");
    std::error_code ignored;
    // The studio holds a caption file's text as edited: what `read` gives is what is timed.
    const bool vtt = fs::exists(captionsFile, ignored) || read(captionsFile);
    if (vtt || fs::exists(srt, ignored)) {
        const fs::path& source = vtt ? captionsFile : srt;
        std::optional<std::string> text = read(source);
        if (!text) {
            diagnostics.error({source.string(), 0, 0}, "caption-file-unreadable",
                              "cannot read caption file '" + source.string() + "'", "check its permissions");
            return std::nullopt;
        }
        Diagnostics parsed;
        CaptionTrack track = vtt ? parseWebVtt(*text, source.string(), parsed) : parseSrt(*text, source.string(), parsed);
        diagnostics.append(parsed);
        if (parsed.hasErrors()) {
            auto first = std::find_if(parsed.all().begin(), parsed.all().end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::Error; });
            diagnostics.error(first->where, "caption-timing-refused",
                              "fix " + fs::path(source).filename().string() + " line " +
                                  std::to_string(first->where.line) + " before timing its captions",
                              "cues the parser skipped would be lost when the timed file is saved");
            return std::nullopt;
        }
        if (track.cues.empty()) {
            diagnostics.error({source.string(), 1, 1}, "caption-timing-no-lines",
                              "'" + source.string() + "' has no cues to time", "add the lines, one cue each");
            return std::nullopt;
        }
        return CaptionTapper(std::move(track), vtt ? CaptionLinesOrigin::WebVtt : CaptionLinesOrigin::Srt, audioEnd,
                             vtt ? std::move(*text) : std::string());
    }
    if (std::optional<std::string> text = read(txt)) {
        CaptionTrack track = captionLinesFromText(*text, txt.string());
        if (track.cues.empty()) {
            diagnostics.error({txt.string(), 1, 1}, "caption-timing-no-lines",
                              "'" + txt.string() + "' has no lines to time", "write one caption per line");
            return std::nullopt;
        }
        return CaptionTapper(std::move(track), CaptionLinesOrigin::PlainText, audioEnd);
    }
    diagnostics.error({name, 0, 0}, "caption-timing-no-lines",
                      "nothing to time: neither '" + name + "' nor '" + txt.string() + "' exists",
                      "write the lines to time in " + txt.filename().string() + ", one caption per line");
    return std::nullopt;
}

}  // namespace vitrine::studio
