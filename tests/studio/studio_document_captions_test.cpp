// The caption files an exhibit names, edited through the document model: cue drags as
// undoable commands, saved atomically with the exhibit, kept in a recovery file, and made
// again when another program changes the file. Exact file text throughout.

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include "files/atomic_save.h"
#include "studio/recovery_file.h"
#include "studio/studio_document.h"
#include "studio/studio_fixture.h"
#include "studio/timing_edits.h"

namespace vitrine::studio {
namespace {

constexpr Micros kMs = kMicrosPerMillisecond;

// A sound with three caption cues (the studio's captioned fixture).
const char* const kExhibit = testing::kCaptionedExhibit;
const std::string& kCaptions = testing::kCues;

struct CaptionsFixture : testing::StudioFixture {
    std::filesystem::path vtt;
    std::string captions;  // the key the document holds it by: the show's resolved path
    CaptionsFixture() : testing::StudioFixture(kExhibit), vtt(folder / "voice.vtt") {
        writeCaptions(kCaptions);
    }
    void writeCaptions(const std::string& text) const { std::ofstream(vtt, std::ios::binary) << text; }
    std::string readCaptions() const {
        std::ifstream in(vtt, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

// The document's caption file (there is one), after checking it is held.
const HeldCaptions& held(const StudioDocument& doc) {
    REQUIRE(doc.captionFiles().size() == 1);
    return doc.captionFiles().begin()->second;
}
const std::string& heldName(const StudioDocument& doc) {
    REQUIRE(doc.captionFiles().size() == 1);
    return doc.captionFiles().begin()->first;
}

}  // namespace

TEST_CASE("document captions: the caption file the exhibit names is held, with its sound's end") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    CHECK(held(doc).text == kCaptions);
    CHECK(held(doc).track.cues.size() == 3);
    CHECK(held(doc).soundEnd == 10 * kMicrosPerSecond);
    CHECK(!doc.modified());
}

TEST_CASE("document captions: a cue moved is one undoable edit of the timing line alone, saved atomically") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    const std::string file = heldName(doc);
    REQUIRE(!doc.dragCue(file, 1, CueDrag::Move, 500 * kMs));
    const std::string moved = testing::replaced(kCaptions, "00:03.000 --> 00:04.000", "00:03.500 --> 00:04.500");
    CHECK(held(doc).text == moved);
    CHECK(doc.text() == kExhibit);
    CHECK(doc.modified());
    CHECK(doc.undoDescription() == "cue 2 of voice.vtt → 0:03.500–0:04.500");
    CHECK(f.readCaptions() == kCaptions);  // nothing written before Save

    // Only what changed is written: the exhibit keeps its time stamp.
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    std::filesystem::last_write_time(f.file, old);
    REQUIRE(!doc.save());
    CHECK(f.readCaptions() == moved);
    CHECK(f.read() == kExhibit);
    CHECK(std::filesystem::last_write_time(f.file) == old);
    CHECK(!doc.modified());
    CHECK(doc.lastSaveFindings().empty());

    // Undo is byte for byte, and makes the document unsaved again.
    REQUIRE(doc.undo());
    CHECK(held(doc).text == kCaptions);
    CHECK(doc.modified());
    REQUIRE(doc.redo());
    CHECK(held(doc).text == moved);
    CHECK(!doc.modified());
}

TEST_CASE("document captions: trims and moves are clamped by the neighbours, 0 and the sound's end") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    const std::string file = heldName(doc);
    REQUIRE(!doc.dragCue(file, 0, CueDrag::TrimEnd, 5 * kMicrosPerSecond));     // to cue 2's start
    REQUIRE(!doc.dragCue(file, 2, CueDrag::TrimStart, -5 * kMicrosPerSecond));  // to cue 2's end
    REQUIRE(!doc.dragCue(file, 2, CueDrag::Move, 20 * kMicrosPerSecond));       // to the sound's end
    CHECK(held(doc).text == "WEBVTT\n"
                            "\n"
                            "NOTE keep this note\n"
                            "\n"
                            "00:01.000 --> 00:03.000 align:start\n"
                            "<v Ruben>One</v>\n"
                            "\n"
                            "00:03.000 --> 00:04.000\n"
                            "Two\n"
                            "\n"
                            "00:08.000 --> 00:10.000\n"
                            "Three\n");
    // Cue 2 cannot start earlier: nothing changes, and the designer is told why.
    auto refused = doc.dragCue(file, 1, CueDrag::Move, -1 * kMicrosPerSecond);
    REQUIRE(refused);
    CHECK(refused->message.find("cannot go further") != std::string::npos);
    CHECK(doc.dragCue(file, 7, CueDrag::Move, kMicrosPerSecond));
    // Three undos, one per drag, give back the file byte for byte.
    CHECK(doc.undo());
    CHECK(doc.undo());
    CHECK(doc.undo());
    CHECK(held(doc).text == kCaptions);
    CHECK(!doc.canUndo());
    CHECK(!doc.modified());
}

TEST_CASE("document captions: a cue dragged on the timeline snaps and is clamped as the edit is") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    const TimelineLayout layout = layoutTimeline(doc);
    const std::vector<CueChip> cues = cueChips(doc, layout);
    REQUIRE(cues.size() == 3);
    // The sound starts 1 s into the scene: cue 2 (3 s into the sound) is at 4 s of the show.
    CHECK(cues[1].begin == 4 * kMicrosPerSecond);
    CHECK(cues[1].end == 5 * kMicrosPerSecond);
    // Dragged right by 0.96 s, its start snaps to the playhead at 5 s within 100 ms.
    const auto targets = cueSnapTargets(layout, cues, 1, 5 * kMicrosPerSecond);
    const DragDelta d = dragDelta(asChip(cues[1]), ChipPart::Body, 0, 960 * kMs, targets, 100 * kMs, 0, true);
    CHECK(d.delta == 1 * kMicrosPerSecond);
    REQUIRE(d.line);
    CHECK(*d.line == 5 * kMicrosPerSecond);
    // Its end snaps to the next cue's start (cue 3, 6 s into the show).
    const auto trim = dragDelta(asChip(cues[1]), ChipPart::EndEdge, 0, 940 * kMs, targets, 100 * kMs, 0, true);
    CHECK(trim.delta == 1 * kMicrosPerSecond);
    // Drawn as the edit clamps it: 3 s right would pass cue 3, so it stops there.
    const CueChip clamped = draggedCueChip(doc, cues[1], ChipPart::Body, 3 * kMicrosPerSecond);
    CHECK(clamped.begin == 5 * kMicrosPerSecond);
    CHECK(clamped.end == 6 * kMicrosPerSecond);
    REQUIRE(!dragCueChip(doc, cues[1], ChipPart::Body, 3 * kMicrosPerSecond));
    CHECK(held(doc).text == testing::replaced(kCaptions, "00:03.000 --> 00:04.000", "00:04.000 --> 00:05.000"));
}

TEST_CASE("document captions: a save says what the caption check finds in the text written") {
    CaptionsFixture f;
    // Cues 2 and 3 overlap already; moving cue 1 leaves them so.
    f.writeCaptions(testing::replaced(kCaptions, "00:05.000 --> 00:06.000", "00:03.500 --> 00:06.000"));
    StudioDocument doc(f.file);
    REQUIRE(!doc.dragCue(heldName(doc), 0, CueDrag::Move, -500 * kMs));
    REQUIRE(!doc.save());
    REQUIRE(doc.lastSaveFindings().all().size() == 1);
    const Diagnostic& found = doc.lastSaveFindings().all().front();
    CHECK(found.where.line == 11);
    CHECK(found.message.find("overlaps") != std::string::npos);
}

TEST_CASE("document captions: a save that cannot write keeps the edit unsaved and the file as it was") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    REQUIRE(!doc.dragCue(heldName(doc), 0, CueDrag::Move, 500 * kMs));
    auto error = doc.save([](SaveStep step) { return step == SaveStep::Rename; });
    REQUIRE(error);
    CHECK(doc.modified());
    CHECK(f.readCaptions() == kCaptions);
}

TEST_CASE("document captions: another program's change to the caption file keeps the unsaved cue drags") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    const std::string file = heldName(doc);
    REQUIRE(!doc.dragCue(file, 0, CueDrag::Move, 500 * kMs));
    REQUIRE(!doc.dragCue(file, 2, CueDrag::TrimEnd, 1 * kMicrosPerSecond));
    // An editor fixes a word of cue 2 and moves cue 3.
    const std::string other = testing::replaced(testing::replaced(kCaptions, "Two", "Two words"),
                                                "00:05.000 --> 00:06.000", "00:05.200 --> 00:06.000");
    f.writeCaptions(other);
    CHECK(doc.reloadCaptionsFromDisk(file) == ReloadOutcome::Reloaded);
    CHECK(doc.lastReload().reapplied == 1);
    REQUIRE(doc.lastReload().notReapplied.size() == 1);
    CHECK(doc.lastReload().notReapplied.front() ==
          "cue 3 of voice.vtt → 0:05.000–0:07.000: cue 3 of " + file +
              " is no longer at 0:05.000–0:06.000 (it is at 0:05.200–0:06.000)");
    const std::string expected = testing::replaced(other, "00:01.000 --> 00:02.000", "00:01.500 --> 00:02.500");
    CHECK(held(doc).text == expected);
    CHECK(doc.modified());
    // The reapplied drag is still one undo away from the other program's text.
    REQUIRE(doc.undo());
    CHECK(held(doc).text == other);
    CHECK(!doc.modified());
    // Reading the same text again changes nothing.
    CHECK(doc.reloadCaptionsFromDisk(file) == ReloadOutcome::Unchanged);
}

TEST_CASE("document captions: a reload of the exhibit keeps the cue drags and their undo") {
    CaptionsFixture f;
    StudioDocument doc(f.file);
    const std::string file = heldName(doc);
    REQUIRE(!doc.dragCue(file, 0, CueDrag::Move, 500 * kMs));
    REQUIRE(!doc.setAttribute(Selection{Selection::Kind::Scene, 0}, "dur", "14s"));
    f.write(testing::replaced(kExhibit, "\"Cues\"", "\"Cues, retitled\""));
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.text() == testing::replaced(testing::replaced(kExhibit, "\"Cues\"", "\"Cues, retitled\""), "12s", "14s"));
    const std::string moved = testing::replaced(kCaptions, "00:01.000 --> 00:02.000", "00:01.500 --> 00:02.500");
    CHECK(held(doc).text == moved);
    REQUIRE(doc.undo());  // the dur
    REQUIRE(doc.undo());  // the cue
    CHECK(held(doc).text == kCaptions);
    CHECK(!doc.modified());
}

TEST_CASE("document captions: a crash after a cue drag loses nothing: the recovery file brings it back") {
    CaptionsFixture f;
    std::string moved;
    {
        StudioDocument doc(f.file);
        REQUIRE(!doc.dragCue(heldName(doc), 1, CueDrag::TrimStart, -300 * kMs));
        REQUIRE(doc.unsavedCaptions().size() == 1);
        moved = doc.unsavedCaptions().front().second;
        CHECK(moved == testing::replaced(kCaptions, "00:03.000 --> 00:04.000", "00:02.700 --> 00:04.000"));
        REQUIRE(!writeRecovery(doc.unsavedCaptions().front().first, moved));
    }  // the studio is killed: nothing saved
    CHECK(f.readCaptions() == kCaptions);
    StudioDocument doc(f.file);
    const std::string file = heldName(doc);
    auto recovery = readRecovery(file);
    REQUIRE(recovery);
    REQUIRE(!doc.replaceCaptionText(file, "restore", recovery->text));
    CHECK(held(doc).text == moved);
    REQUIRE(!doc.save());
    CHECK(f.readCaptions() == moved);
    removeRecovery(file);
}

}  // namespace vitrine::studio
