// The studio's timing edits: a chip dragged on the timeline, a time typed in the cue list,
// a nudge by frames and the script's move-begin, trim-start and trim-end all end in one
// document edit made by dragChip (studio/timing_edits.h); a caption cue dragged, or moved by
// the script's move-cue, trim-cue-start and trim-cue-end, in one made by dragCue.

#include <sstream>

#include "studio_app.h"
#include "studio/timing_edits.h"
#include "transport_panel.h"

namespace vitrine::studio {
namespace {

// The scene or item a script names: "ID" (an item's or scene's id) or "line N".
std::optional<Selection> targetNamed(StudioDocument& doc, const std::string& what, const std::string& line) {
    const Show* show = doc.show();
    if (!show) return std::nullopt;
    if (what == "line") {
        if (!doc.selectAt({doc.file().string(), std::atoi(line.c_str()), 1})) return std::nullopt;
        return doc.selection();
    }
    for (int i = 0; i < static_cast<int>(show->items.size()); ++i)
        if (show->items[i].id == what) return Selection{Selection::Kind::Item, i};
    if (int scene = show->sceneById(what); scene >= 0) return Selection{Selection::Kind::Scene, scene};
    return std::nullopt;
}

}  // namespace

void StudioApp::applyCueDrag(const CueDragRequest& drag) {
    if (auto error = dragCueChip(doc_, drag.cue, drag.part, drag.delta)) setStatus(*error, true);
    else setStatus(doc_.undoDescription());
    previewDirty_ = true;
}

// "FILE INDEX TIME": the caption file as the exhibit names it (or its name alone), the cue's
// number in it (from 1), and its new start (move-cue, trim-cue-start) or end (trim-cue-end)
// in the sound's own time, as the file writes it, or "+TIME"/"-TIME" a change.
bool StudioApp::cueByScript(CueDrag drag, const std::string& words) {
    std::stringstream in(words);
    std::string file, value;
    long number = 0;
    in >> file >> number >> value;
    std::string held;
    for (const auto& [path, captions] : doc_.captionFiles())
        if (path == file || std::filesystem::path(path).filename() == file || path.ends_with("/" + file)) held = path;
    if (held.empty()) {
        setStatus("the exhibit names no caption file " + file, true);
        return false;
    }
    const CaptionTrack& track = doc_.captionFile(held)->track;
    auto time = parseTimeValue(value);
    if (number < 1 || static_cast<std::size_t>(number) > track.cues.size() || !time) {
        setStatus("write move-cue FILE N TIME: N from 1 to " + std::to_string(track.cues.size()) +
                      ", TIME as 2.5s, +0.5s or -1s",
                  true);
        return false;
    }
    const CaptionCue& cue = track.cues[number - 1];
    Micros delta = *time;
    if (value[0] != '+' && value[0] != '-') delta = *time - (drag == CueDrag::TrimEnd ? cue.end : cue.start);
    if (auto error = doc_.dragCue(held, static_cast<std::size_t>(number - 1), drag, delta)) {
        setStatus(*error, true);
        return false;
    }
    setStatus(doc_.undoDescription());
    previewDirty_ = true;
    return true;
}

void StudioApp::applyChipDrag(const ChipDragRequest& drag) {
    if (auto error = dragChip(doc_, drag.chip, drag.part, drag.delta)) setStatus(*error, true);
    else setStatus(doc_.undoDescription());
    previewDirty_ = true;
}

bool StudioApp::nudgeFrames(int frames) {
    const TimelineLayout layout = layoutTimeline(doc_);
    const Chip* chip = chipOf(layout, doc_.selection());
    if (!chip || !chip->movable) {
        setStatus("Select an item on the timeline to nudge it", true);
        return false;
    }
    applyChipDrag({*chip, ChipPart::Body, frames * kFrameStep});
    return !statusIsError_;
}

// "ID TIME" or "line N TIME": TIME is the new value (begin as written, counted from where
// the parent places the element; for trim-end the new length), or "+TIME"/"-TIME" a change.
bool StudioApp::timingByScript(ChipPart part, const std::string& words) {
    std::stringstream in(words);
    std::string what, line, value;
    in >> what;
    if (what == "line") in >> line;
    in >> value;
    auto target = targetNamed(doc_, what, line);
    if (!target) {
        setStatus("no item or scene " + (what == "line" ? "on line " + line : "with id '" + what + "'"), true);
        return false;
    }
    const TimelineLayout layout = layoutTimeline(doc_);
    const Chip* chip = chipOf(layout, *target);
    auto time = parseTimeValue(value);
    if (!chip || !time) {
        setStatus("'" + value + "' is not a time; write it as 2s, +0.5s or -1s", true);
        return false;
    }
    select(*target, false);
    Micros delta = *time;
    if (value[0] != '+' && value[0] != '-') {
        if (part == ChipPart::EndEdge) {
            delta = *time - (chip->end - chip->begin);
        } else {
            // The written begin is what TIME replaces; a syncbase has no plain value to replace.
            const ScriptNode* node = doc_.nodeOf(*target);
            std::string_view begin = node ? node->view("begin") : std::string_view();
            auto written = begin.empty() ? std::optional<Micros>(0) : parseTimeValue(begin);
            if (!written) {
                setStatus("begin is written as \"" + std::string(begin) + "\"; give +TIME or -TIME to move it", true);
                return false;
            }
            delta = *time - *written;
        }
    }
    applyChipDrag({*chip, part, delta});
    return !statusIsError_;
}

void StudioApp::drawCueList(float x, float y, float w, float h) {
    CueListRequest request = studio::drawCueList(doc_, timeline_.layout(), x, y, w, h);
    if (request.select) select(*request.select, false);
    if (request.seek) {
        seek(*request.seek);
        setPlaying(false);
    }
    if (request.edit) applyChipDrag(*request.edit);
    if (request.problem) setStatus(*request.problem, true);
}

}  // namespace vitrine::studio
