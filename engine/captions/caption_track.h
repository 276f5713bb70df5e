#pragma once
// A caption file as data: timed cues of styled text, independent of WebVTT or SRT.

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "base/time_value.h"

namespace vitrine {

/// A run of cue text that shares one style.
struct CaptionSpan {
    std::string text;   // UTF-8, entities already decoded
    bool italic = false;
    bool bold = false;
    std::string voice;  // speaker from the innermost <v>, empty when none
    std::string lang;   // language from the innermost <lang>, empty means the track's

    bool operator==(const CaptionSpan&) const = default;
};

/// One timed caption: shown while start <= t < end.
struct CaptionCue {
    /// What the `line:` setting counts: a line number from the top (negative: from the
    /// bottom) or a percentage of the viewport height.
    enum class LineUnit { LineNumber, Percent };
    /// Which edge of the cue box the `line:` value places.
    enum class LineAlign { Start, Center, End };
    /// Which edge of the cue box the `position:` value places; Auto follows `align`.
    enum class PositionAlign { Auto, LineLeft, Center, LineRight };
    /// Text alignment inside the cue box.
    enum class Align { Start, Center, End, Left, Right };
    /// Writing direction; captions in exhibits are almost always Horizontal.
    enum class Vertical { Horizontal, RightToLeft, LeftToRight };

    std::string id;                          // cue identifier or SRT index; may be empty
    Micros start = 0;
    Micros end = 0;
    std::vector<std::vector<CaptionSpan>> lines;  // one entry per payload line

    std::optional<double> line;              // nullopt: automatic placement
    LineUnit lineUnit = LineUnit::LineNumber;
    LineAlign lineAlign = LineAlign::Start;
    std::optional<double> position;          // percent of viewport width; nullopt: automatic
    PositionAlign positionAlign = PositionAlign::Auto;
    std::optional<double> size;              // percent of viewport width; nullopt: 100
    Align align = Align::Center;
    Vertical vertical = Vertical::Horizontal;

    std::string voice;                       // the first <v> speaker in the cue, empty when none
    SourceLocation where;                    // the cue's timing line, for diagnostics

    /// The cue's text without styling, lines joined by '\n' (for checks and logs).
    std::string plainText() const;
    /// Whether the cue is on screen at `t`: start inclusive, end exclusive.
    bool activeAt(Micros t) const { return start <= t && t < end; }
};

/// A parsed caption file. Immutable once loaded; share it between playbacks.
struct CaptionTrack {
    std::string file;               // the file it came from, as given to the parser
    std::string lang;               // from a "Language:" header line, empty when unknown
    std::vector<CaptionCue> cues;   // sorted by start; equal starts keep file order

    /// The cues on screen at `t` (start <= t < end), in track order, which is the
    /// order in which overlapping cues are stacked.
    std::vector<const CaptionCue*> activeAt(Micros t) const;
    /// Sorts cues by start, keeping file order for equal starts; parsers call it last.
    void sortCues();
};

}  // namespace vitrine
