// The studio's caption timing ("Time captions" on a selected <audio captions=...>): taps
// read what was heard, a CaptionTapper keeps the lines, Save writes the caption file.

#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "studio_app.h"
#include "studio_panels.h"
#include "timeline/evaluate.h"
#include "transport_panel.h"

namespace vitrine::studio {

const Item* StudioApp::timedItem() const {
    const Show* show = doc_.show();
    if (!timing_ || !show || timing_->item() >= static_cast<int>(show->items.size())) return nullptr;
    const Item& item = show->items[timing_->item()];
    if (item.kind != ItemKind::Audio || item.captions != timing_->captionsFile().string()) return nullptr;
    return &item;
}

std::optional<Micros> StudioApp::timedMediaTime(Micros showTime) const {
    // The sound's own time is what the mixer plays and what the caption drawer shows by.
    if (!timedItem()) return std::nullopt;
    for (const AudioCue& cue : evaluate(*doc_.show(), showTime).audio)
        if (cue.item == timing_->item()) return cue.mediaTime;
    return std::nullopt;
}

Micros StudioApp::heardShowTime() const {
    // A sound card plays ~64 ms behind the mix head: a tap belongs to what was heard. With
    // no sound card (ALSOFT_DRIVERS=null) the show clock is what the designer follows.
    if (audioDevice_ == AudioDevice::SoundCard && playing())
        if (auto heard = live_->audio().speakerShowTime()) return *heard;
    return t_;
}

bool StudioApp::startCaptionTiming() {
    const Show* show = doc_.show();
    const Selection& s = doc_.selection();
    if (!show || s.kind != Selection::Kind::Item || show->items[s.index].kind != ItemKind::Audio ||
        show->items[s.index].captions.empty()) {
        setStatus("select an <audio> with captions=\"….vtt\" to time its captions", true);
        return false;
    }
    const Item& item = show->items[s.index];
    // The sound's own time at the end of the item: where a last line left open ends.
    Micros audioEnd = item.clipIn + (item.activeEnd - item.begin);
    if (item.clipOut) audioEnd = std::min(audioEnd, *item.clipOut);
    Diagnostics diagnostics;
    // A caption file the document holds is timed as edited (cue drags not saved yet).
    const FileReader heldFirst = [this](const std::filesystem::path& file) -> std::optional<std::string> {
        if (const HeldCaptions* held = doc_.captionFile(file.string())) return held->text;
        return diskFileReader()(file);
    };
    auto tapper = loadCaptionTapper(item.captions, audioEnd, diagnostics, heldFirst);
    if (!tapper) {
        // The file's problems are in the diagnostics panel (the check reads caption files);
        // the status line names the one that stopped the timing.
        const Diagnostic* last = diagnostics.all().empty() ? nullptr : &diagnostics.all().back();
        setStatus(last ? std::filesystem::path(last->where.file).filename().string() + ":" +
                             std::to_string(last->where.line) + ": " + last->message
                       : "no captions to time",
                  true);
        return false;
    }
    const std::size_t lines = tapper->lineCount();
    timing_.emplace(s.index, item.captions, std::move(*tapper));
    setSpeed(kNormalSpeed);
    seek(item.begin);
    setPlaying(true);
    setStatus("Timing " + std::to_string(lines) + " captions: press Space as each line starts");
    return true;
}

bool StudioApp::tapCaption() {
    if (!timing_) return false;
    auto t = timedMediaTime(heardShowTime());
    if (!t) {
        setStatus("the playhead is outside the sound: play it from its start to tap its lines", true);
        return false;
    }
    CaptionTapper& tapper = timing_->tapper();
    if (!tapper.tap(*t)) {
        setStatus(tapper.complete() ? "every line is tapped: Save, or Backspace to take a tap back"
                                    : "too soon after the last tap or end: ignored",
                  true);
        return false;
    }
    setStatus("Line " + std::to_string(tapper.tappedCount()) + " of " + std::to_string(tapper.lineCount()) +
              " at " + formatClock(*t));
    return true;
}

bool StudioApp::endCaptionLine() {
    if (!timing_) return false;
    auto t = timedMediaTime(heardShowTime());
    if (!t || !timing_->tapper().endLine(*t)) {
        setStatus("no line to end here (none started, ended already, or just started)", true);
        return false;
    }
    setStatus("Line " + std::to_string(timing_->tapper().tappedCount()) + " ends at " + formatClock(*t));
    return true;
}

bool StudioApp::untapCaption() {
    if (!timing_ || !timing_->tapper().undo()) return false;
    setStatus("Took back the last tap: " + std::to_string(timing_->tapper().tappedCount()) + " lines tapped");
    return true;
}

bool StudioApp::saveCaptions(UntimedLines untimed) {
    if (!timing_) return false;
    const std::filesystem::path file = timing_->captionsFile();
    const CaptionTapper& tapper = timing_->tapper();
    if (untimed == UntimedLines::KeepTimes)
        if (auto clash = tapper.untimedLinesClash()) {
            // Kept as they are, the lines not tapped would clash with the tapped ones: ask
            // (the question is what the save does now, so a script goes on).
            setPlaying(false);
            timing_->askAboutUntimedLines(*clash);
            setStatus(*clash + ": move the untimed lines after line " + std::to_string(tapper.tappedCount()) +
                          ", or keep timing",
                      true);
            return true;
        }
    // What the caption checker finds in the text about to be written is said, never silent.
    const Diagnostics found = tapper.check(file.string(), untimed);
    if (doc_.captionFile(file.string())) {
        // The file the document holds: the retime is one undoable edit of it, saved with the
        // document (one caption model for taps and drags).
        if (!tapper.canSave()) return setStatus(*tapper.save(file, untimed), true), false;
        std::optional<Error> error;
        if (const std::string text = tapper.webVtt(untimed); text != doc_.captionFile(file.string())->text)
            error = doc_.replaceCaptionText(file.string(), "time the captions of " + file.filename().string(), text);
        if (!error) error = doc_.save();
        if (error) {
            setStatus(*error, true);
            return false;
        }
    } else if (auto error = tapper.save(file, untimed)) {
        setStatus(*error, true);
        return false;
    }
    std::size_t cues = tapper.result(untimed).cues.size();
    timing_.reset();
    setPlaying(false);
    // The caption drawer reads each caption file once: a new renderer reads the saved one.
    liveGeneration_ = -1;
    previewDirty_ = true;
    std::string saved = "Saved " + file.string() + ": " + std::to_string(cues) + " captions";
    if (found.empty()) {
        setStatus(saved);
        return true;
    }
    const Diagnostic& first = found.all().front();
    const std::size_t more = found.all().size() - 1;
    setStatus(saved + ", but the caption check found: " + file.filename().string() + ":" +
                  std::to_string(first.where.line) + ": " + first.message +
                  (more ? " (and " + std::to_string(more) + " more)" : ""),
              true);
    return true;
}

void StudioApp::cancelCaptionTiming(const std::string& why) {
    timing_.reset();
    setPlaying(false);
    setStatus(why);
}

bool StudioApp::handleCaptionTimingKey(const sf::Event::KeyEvent& key) {
    if (ImGui::GetIO().WantTextInput) return false;
    // The save's question waits for its answer: no tap meanwhile, and Esc dismisses it.
    if (timing_->asking()) {
        if (key.code == sf::Keyboard::Escape) timing_->closeQuestion();
        return true;
    }
    if (key.control && key.code == sf::Keyboard::S) return saveCaptions(), true;
    if (key.control || key.alt) return false;
    using K = sf::Keyboard;
    const bool timingKey = key.code == K::Space || key.code == K::Enter || key.code == K::E ||
                           key.code == K::BackSpace || key.code == K::Escape;
    if (!timingKey) return false;
    // A held key repeats its press: only the first press counts, or one tap would be many.
    if (heldTimingKey_ == key.code) return true;
    heldTimingKey_ = key.code;
    if (key.code == K::Space || key.code == K::Enter) tapCaption();
    else if (key.code == K::E) endCaptionLine();
    else if (key.code == K::BackSpace) untapCaption();
    else cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
    return true;
}

void StudioApp::drawCaptionTiming(float x, float y, float w, float h) {
    beginPanel("Caption timing", x, y, w, h);
    CaptionTimingRequest request = timing_->draw(timedMediaTime(t_), gui_->largeFont());
    ImGui::End();
    if (request.tap) tapCaption();
    if (request.endLine) endCaptionLine();
    if (request.undo) untapCaption();
    if (request.save) saveCaptions();
    else if (request.moveUntimed) saveCaptions(UntimedLines::MoveAfterLastTapped);
    else if (request.cancel) cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
    if (request.keepTiming) setPlaying(true);
}

}  // namespace vitrine::studio
