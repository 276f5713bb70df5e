#pragma once
// The "Time captions" panel: the line being spoken, the next one to tap, every line with its
// time, and the buttons that mirror the keys. It draws a CaptionTapper and says what was
// pressed; the studio owns the clock and the sound.

#include <filesystem>
#include <optional>
#include <string>

#include "studio/caption_tapper.h"

struct ImFont;

namespace vitrine::studio {

/// The buttons pressed in the panel this frame (the keys do the same through the studio).
struct CaptionTimingRequest {
    bool tap = false;
    bool endLine = false;
    bool undo = false;
    bool save = false;
    bool cancel = false;
    bool moveUntimed = false;  // answered the save's question: move the untimed lines and save
    bool keepTiming = false;   // answered it: go on tapping
};

/// One caption timing session on one audio item.
class CaptionTimingPanel {
public:
    /// Times `tapper`'s lines for show item `item`, whose captions file is `captionsFile`.
    CaptionTimingPanel(int item, std::filesystem::path captionsFile, CaptionTapper tapper);

    /// The audio item being captioned.
    int item() const { return item_; }
    /// The .vtt that Save writes.
    const std::filesystem::path& captionsFile() const { return captionsFile_; }
    /// The lines and taps.
    CaptionTapper& tapper() { return tapper_; }
    const CaptionTapper& tapper() const { return tapper_; }

    /// Asks, in a modal over the studio, what to do with the untimed lines before saving:
    /// `why` says how they would clash with the tapped ones.
    void askAboutUntimedLines(std::string why) { question_ = std::move(why), questionOpened_ = false; }
    /// Whether the question is on screen (the timing keys wait for its answer).
    bool asking() const { return question_.has_value(); }
    /// Takes the question away unanswered.
    void closeQuestion() { question_.reset(); }

    /// Draws the panel into the current ImGui window; `mediaTime` is the sound's own time
    /// now (nullopt when the playhead is outside it), `large` the heading font.
    CaptionTimingRequest draw(std::optional<Micros> mediaTime, ImFont* large);

private:
    int item_;
    std::filesystem::path captionsFile_;
    CaptionTapper tapper_;
    std::size_t scrolledTo_ = static_cast<std::size_t>(-1);  // the list follows the next line
    std::optional<std::string> question_;  // asked before saving
    bool questionOpened_ = false;

    void drawQuestion(CaptionTimingRequest& request);
};

}  // namespace vitrine::studio
