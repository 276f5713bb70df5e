#pragma once
// Caption timing by tapping: the designer listens to a sound and taps a key as each line
// is spoken; the taps become the cues' times. A model with no window or clock: the studio
// passes the audio-local time of each key press.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"
#include "files/atomic_save.h"
#include "script/script_loader.h"

namespace vitrine::studio {

/// What the lines to time were read from.
enum class CaptionLinesOrigin {
    WebVtt,     // the captions file itself: retimed in place, everything else in it kept
    Srt,        // an .srt beside it with the same name: written out as new WebVTT
    PlainText,  // a .txt beside it with the same name, one caption per line
};

/// Between a line's end and the next line's start: two frames at 25 fps, so a viewer sees
/// one caption replace another rather than the text jumping.
inline constexpr Micros kCaptionGap = 80 * kMicrosPerMillisecond;
/// Taps closer than this are a key bounce or a double tap, not a line.
inline constexpr Micros kShortestCaption = 200 * kMicrosPerMillisecond;

/// What a save does with lines from a caption file that were not tapped (their old times).
enum class UntimedLines {
    KeepTimes,            // as they were; refused when they would clash with the tapped lines
    MoveAfterLastTapped,  // one after another after the last tapped line, in order, each keeping
                          // its length (ended at the sound's end)
};

/// The lines of one caption file and the taps that time them.
class CaptionTapper {
public:
    /// Times the cues of `lines` in their order, keeping each cue's id, text, voices and
    /// settings. `audioEnd` (audio-local time) ends a last line that was never ended.
    /// `originalText`, for a WebVTT origin, is the file's text, retimed in place on save.
    CaptionTapper(CaptionTrack lines, CaptionLinesOrigin origin, Micros audioEnd, std::string originalText = {});

    /// Lines to time.
    std::size_t lineCount() const { return lines_.cues.size(); }
    /// Lines started by a tap so far; the next tap starts line number tappedCount().
    std::size_t tappedCount() const { return starts_.size(); }
    /// Line `index` as read (its text and settings; its times are the old ones).
    const CaptionCue& line(std::size_t index) const { return lines_.cues.at(index); }
    /// Whether the last started line was ended by endLine() rather than left for the next tap.
    bool currentLineEnded() const { return !ends_.empty() && ends_.back().has_value(); }
    /// Whether every line has been started.
    bool complete() const { return tappedCount() == lineCount(); }
    /// Where the lines came from.
    CaptionLinesOrigin origin() const { return origin_; }

    /// Starts the next line at `t` (rounded to the millisecond); the line before ends
    /// kCaptionGap earlier unless it was ended already. Returns false and changes nothing
    /// when every line is started or `t` is less than kShortestCaption after the last tap
    /// (or before the last end).
    bool tap(Micros t);
    /// Ends the current line at `t` (rounded), so the next one can start after a silence.
    /// Returns false and changes nothing with no line started, the line ended already, or
    /// `t` less than kShortestCaption after its start.
    bool endLine(Micros t);
    /// Takes back the last tap or end; false when there is nothing to take back.
    bool undo();

    /// Whether the result can be saved without losing a line: every line is tapped, or the
    /// untapped ones have times of their own (they came from a caption file).
    bool canSave() const { return complete() || origin_ != CaptionLinesOrigin::PlainText; }
    /// When some lines are tapped and the next one, keeping its old time, would start before
    /// the last tapped one ends (a file out of order, two captions stacked on screen): what
    /// a designer is told, in plain words. nullopt when keeping the old times is consistent.
    std::optional<std::string> untimedLinesClash() const;
    /// The lines with their new times: tapped lines as tapped, the others as `untimed` says
    /// (untimed plain-text lines are left out). Sorted by start.
    CaptionTrack result(UntimedLines untimed = UntimedLines::KeepTimes) const;
    /// The WebVTT file to write: a WebVTT origin's text with only the timings of changed
    /// cues replaced (comments, styles and markup kept), otherwise writeWebVtt(result()).
    std::string webVtt(UntimedLines untimed = UntimedLines::KeepTimes) const;
    /// What the project's caption checker (checkCaptionCues) finds in webVtt(untimed), read
    /// as the file `fileName`: cues out of order, overlapping, or past the sound's end.
    Diagnostics check(const std::string& fileName, UntimedLines untimed = UntimedLines::KeepTimes) const;
    /// Writes webVtt(untimed) to `file` atomically (see saveFileAtomically; `inject` fails a
    /// step in tests); the Error, or nullopt on success. Refused, writing nothing,
    /// when a line would be lost (!canSave()) or kept times would clash (untimedLinesClash()).
    std::optional<Error> save(const std::filesystem::path& file, UntimedLines untimed = UntimedLines::KeepTimes,
                              const SaveFailureInjector& inject = {}) const;

    /// The new start and end of line `index`, which must be below tappedCount(): its tap, and
    /// its end, the next tap less kCaptionGap, or for the last one the end of the sound (or the
    /// gap before the next line's old start, when the lines after it keep their times).
    std::pair<Micros, Micros> tappedTimes(std::size_t index) const;

private:
    /// Every line's start and end as `untimed` says (untapped plain-text lines: their zeros).
    std::vector<std::pair<Micros, Micros>> times(UntimedLines untimed) const;
    std::string retimedOriginal(UntimedLines untimed) const;

    CaptionTrack lines_;
    CaptionLinesOrigin origin_;
    Micros audioEnd_;
    std::string originalText_;
    std::vector<Micros> starts_;                // one per tapped line
    std::vector<std::optional<Micros>> ends_;   // explicit ends, one per tapped line
};

/// The lines to time for the captions file `captionsFile` (a .vtt): the file itself when it
/// exists, otherwise an .srt or a .txt with the same name beside it. Returns nullopt, with
/// errors naming the file (and line) in `diagnostics`, when there is nothing sound to time:
/// no such files, a file that does not parse cleanly (saving would drop the cues the parser
/// skipped), or no lines. Warnings of a file that parses are passed on too.
/// `read` reads the files (the studio reads a caption file it holds from its edited text).
std::optional<CaptionTapper> loadCaptionTapper(const std::filesystem::path& captionsFile, Micros audioEnd,
                                               Diagnostics& diagnostics, const FileReader& read = diskFileReader());

/// One plain-text line per caption: blank lines skipped, spaces around each line trimmed.
CaptionTrack captionLinesFromText(std::string_view text, const std::string& fileName);

}  // namespace vitrine::studio
