// End to end: the vitrine-studio program, driven by its --script actions (the same code
// paths as the mouse), on a fixture; and its storyboard and new commands. Needs an X
// display (run the suite under xvfb-run) and the studio built; without either they fail.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <sys/wait.h>

#include <SFML/Graphics/Image.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "captions/caption_loader.h"
#include "studio/caption_tapper.h"
#include "studio/exhibit_template.h"
#include "studio/recovery_file.h"
#include "exhibit/exhibit_loader.h"
#include "studio/storyboard_layout.h"
#include "studio/studio_fixture.h"
#include "base/time_value.h"
#include "studio/studio_run.h"

namespace vitrine::studio {

TEST_CASE("studio program: scrub, select, change a duration as the drag does, save: one attribute changes") {
    requireStudio();
    testing::StudioFixture f;
    const std::string original = f.read();
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub closing+2s; select line 6; wait 2; "
                                       "duration 3.5s; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string saved = f.read();
    // The diff against the original is exactly the one attribute value: same text before
    // and after, and the differing middle is "4" → "3.5".
    std::size_t prefix = 0;
    while (prefix < saved.size() && prefix < original.size() && saved[prefix] == original[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < saved.size() - prefix && suffix < original.size() - prefix &&
           saved[saved.size() - 1 - suffix] == original[original.size() - 1 - suffix])
        ++suffix;
    CHECK(original.substr(prefix, original.size() - prefix - suffix) == "4");
    CHECK(saved.substr(prefix, saved.size() - prefix - suffix) == "3.5");
    CHECK(saved.substr(prefix - 7, 14) == "dur = '3.5s'  ");
}

// Starts the studio on `file` with `script`, waits for the recovery file of `recovered` (the
// exhibit, or a caption file) to be written (and to hold `holding`, when given), then kills it
// as a crash would (SIGKILL: no chance to save or clean up).
void killStudioOnceRecoveryIsWritten(const std::filesystem::path& file, const std::string& script,
                                     std::filesystem::path recovered = {}, const std::string& holding = {}) {
    const auto recovery = recoveryFileOf(recovered.empty() ? file : recovered);
    const std::string written = holding.empty() ? "[ -e " + quoted(recovery) + " ]"
                                                : "grep -qs '" + holding + "' " + quoted(recovery);
    std::string command = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(file) + " --size 1280x720 --script '" +
                          script + "' >/dev/null 2>&1 & pid=$!; for i in $(seq 1 600); do " + written +
                          " && break; sleep 0.1; done; kill -KILL $pid; wait $pid 2>/dev/null";
    std::system(command.c_str());
    REQUIRE(std::filesystem::exists(recovery));
}

TEST_CASE("studio program: after a kill, the next start restores the unsaved edit from the recovery file") {
    requireStudio();
    testing::StudioFixture f;
    const std::string edited = [] {
        std::string t = testing::kStudioFixture;
        return t.replace(t.find("dur = '4s'"), 10, "dur = '3.5s'");
    }();
    killStudioOnceRecoveryIsWritten(f.file, "select line 6; wait 2; duration 3.5s; wait 1000000");
    CHECK(f.read() == testing::kStudioFixture);  // nothing was saved
    CHECK(readRecovery(f.file)->text == edited);

    auto png = f.folder / "offer.png";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'wait 3; screenshot " + png.string() +
                      "; restore-recovery; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == edited);
    CHECK_FALSE(std::filesystem::exists(recoveryFileOf(f.file)));  // saved: nothing left to recover
}

TEST_CASE("studio program: a restored recovery can be undone back to the file, or discarded") {
    requireStudio();
    testing::StudioFixture f;
    killStudioOnceRecoveryIsWritten(f.file, "select line 6; wait 2; duration 3.5s; wait 1000000");
    // Restored then undone: the file's own text, nothing to save, and the recovery goes.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'restore-recovery; undo; wait 2; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == testing::kStudioFixture);
    CHECK_FALSE(std::filesystem::exists(recoveryFileOf(f.file)));

    killStudioOnceRecoveryIsWritten(f.file, "select line 6; wait 2; duration 3.5s; wait 1000000");
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'discard-recovery; save; quit'");
    REQUIRE(r.status == 0);
    CHECK(f.read() == testing::kStudioFixture);
    CHECK_FALSE(std::filesystem::exists(recoveryFileOf(f.file)));
    // With nothing to restore, the action fails with a reason.
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'restore-recovery; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("no unsaved edits to restore") != std::string::npos);
}

TEST_CASE("studio program: Decide later keeps the old recovery and the new edits, and a kill loses neither") {
    requireStudio();
    testing::StudioFixture f;
    auto fixtureWith = [](const std::string& from, const std::string& to) {
        std::string t = testing::kStudioFixture;
        return t.replace(t.find(from), from.size(), to);
    };
    const std::string older = fixtureWith("dur = '4s'", "dur = '3.5s'");
    const std::string newer = fixtureWith("dur=\"6s\"", "dur=\"5s\"");
    killStudioOnceRecoveryIsWritten(f.file, "select line 6; wait 2; duration 3.5s; wait 1000000");

    // The next session decides later, makes an edit of its own, and is killed once that edit
    // is in its recovery file.
    const auto recovery = recoveryFileOf(f.file);
    std::string command = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
                          " --size 1280x720 --script 'defer-recovery; select line 12; duration 5s; wait 1000000'"
                          " >/dev/null 2>&1 & pid=$!; for i in $(seq 1 300); do grep -qs 'dur=\"5s\"' " +
                          quoted(recovery) + " && break; sleep 0.1; done; kill -KILL $pid; wait $pid 2>/dev/null";
    std::system(command.c_str());
    CHECK(f.read() == testing::kStudioFixture);
    REQUIRE(readRecovery(f.file));
    CHECK(readRecovery(f.file)->text == newer);
    auto aside = recoveriesSetAside(f.file);
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].text == older);

    // Both are offered at the next start, the older first: restoring it leaves the newer
    // one set aside for a decision of its own.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'restore-recovery; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == older);
    aside = recoveriesSetAside(f.file);
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].text == newer);
}

TEST_CASE("studio program: a caption file's recovery left for later is set aside as the exhibit's is, and a second kill loses neither") {
    requireStudio();
    testing::CaptionedFixture f;
    using testing::kCues;
    const std::string older = testing::replaced(kCues, "00:05.000 --> 00:06.000", "00:07.000 --> 00:08.000");
    const std::string newer = testing::replaced(kCues, "00:05.000 --> 00:06.000", "00:08.000 --> 00:09.000");
    killStudioOnceRecoveryIsWritten(f.file, "move-cue voice.vtt 3 7s; wait 1000000", f.vtt, "00:07.000 -->");
    CHECK(f.readCues() == kCues);
    CHECK(readRecovery(f.vtt)->text == older);

    // The next session decides later, moves the same cue again, and is killed once that is in
    // the caption file's recovery: the older edits are not written over.
    killStudioOnceRecoveryIsWritten(f.file, "defer-recovery; move-cue voice.vtt 3 8s; wait 1000000", f.vtt, "00:08.000 -->");
    CHECK(f.readCues() == kCues);
    REQUIRE(readRecovery(f.vtt));
    CHECK(readRecovery(f.vtt)->text == newer);
    auto aside = recoveriesSetAside(f.vtt);
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].text == older);

    // Both are offered at the next start, the older first, each restoring its own text; the
    // one not yet decided waits for the start after.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'restore-recovery; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.readCues() == older);
    auto sets = recoverySetsAside({f.file, f.vtt});
    REQUIRE(sets.size() == 1);
    CHECK(sets[0].recoveries.at(f.vtt).text == newer);

    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'restore-recovery; save; quit'");
    REQUIRE(r.status == 0);
    CHECK(f.readCues() == newer);
    CHECK(recoverySetsAside({f.file, f.vtt}).empty());
    CHECK(f.read() == testing::kCaptionedExhibit);  // the exhibit was never edited
}

TEST_CASE("studio program: a file changed by another program while edits are unsaved keeps them, and lists the one it cannot make") {
    requireStudio();
    testing::StudioFixture f;
    // The other program changes the title and deletes the closing scene's text.
    std::string other = testing::kStudioFixture;
    other.replace(other.find("Studio fixture"), 14, "Changed elsewhere");
    const std::string closingText = "    <text x=\"100\" y=\"100\" width=\"1000\" height=\"200\" dur=\"6s\">The end</text>\n";
    other.erase(other.find(closingText), closingText.size());
    std::ofstream(f.folder / "other.xml", std::ios::binary) << other;
    auto png = f.folder / "reloaded.png";
    auto log = f.folder / "studio.log";
    // The edits are made, the recovery file says they are there, then the file changes.
    std::string command = "ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
                          " --size 1280x720 --script 'select line 6; wait 2; duration 3.5s; select line 12; "
                          "duration 5s; wait 400; screenshot " + png.string() + "; save; quit' >" + quoted(log) +
                          " 2>&1 & pid=$!; for i in $(seq 1 600); do [ -e " + quoted(recoveryFileOf(f.file)) +
                          " ] && break; sleep 0.1; done; cp " + quoted(f.folder / "other.xml") + " " + quoted(f.file) +
                          "; wait $pid";
    int status = std::system(command.c_str());
    std::ifstream in(log);
    std::string output(std::istreambuf_iterator<char>(in), {});
    INFO(output);
    REQUIRE(WEXITSTATUS(status) == 0);
    std::string expected = other;
    expected.replace(expected.find("dur = '4s'"), 10, "dur = '3.5s'");
    CHECK(f.read() == expected);
    CHECK(output.find("1 unsaved edit could not be reapplied: dur of <text> at line 12") != std::string::npos);
    sf::Image image;
    CHECK(image.loadFromFile(png.string()));
}

TEST_CASE("studio program: Apply text on a hand-wrapped paragraph changes the word, not the lines") {
    requireStudio();
    const std::string paragraph =
        "    <text x=\"100\" y=\"100\" width=\"1000\" height=\"400\">\n"
        "      Thousands were forcibly displaced, hundreds injured, and dozens tortured or killed,\n"
        "      often in full view of neighbors and security forces.\n"
        "    </text>\n";
    std::string exhibit = testing::kStudioFixture;
    exhibit.insert(exhibit.find("  </scene>\n  <!-- Between"), paragraph);
    testing::StudioFixture f(exhibit);
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select line 9; text Thousands were forcibly "
                                       "displaced, hundreds injured, and dozens tortured or killed, often in full view "
                                       "of neighbours and security forces.; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string expected = exhibit;
    expected.replace(expected.find("neighbors"), 9, "neighbours");
    CHECK(f.read() == expected);
}

TEST_CASE("studio program: a script that cannot be done fails with a reason and saves nothing") {
    requireStudio();
    testing::StudioFixture f;
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select scene nowhere; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("select scene nowhere") != std::string::npos);
    CHECK(f.read() == testing::kStudioFixture);
}

TEST_CASE("studio program: a screenshot of the window is written at the window's size") {
    requireStudio();
    testing::StudioFixture f;
    auto png = f.folder / "window.png";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --screenshot " + quoted(png) + " --frames 3");
    INFO(r.output);
    REQUIRE(r.status == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    CHECK(image.getSize() == sf::Vector2u(1280, 720));
}

TEST_CASE("studio program: storyboard writes one still per scene on a sheet of the expected size") {
    requireStudio();
    testing::StudioFixture f;
    auto png = f.folder / "sheet.png";
    Run r = runStudio("storyboard " + quoted(f.file) + " -o " + quoted(png) + " --columns 4");
    INFO(r.output);
    REQUIRE(r.status == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    StoryboardLayout layout = storyboardLayoutFor({1280, 720}, 4);
    CHECK(image.getSize() == sf::Vector2u(layout.width(), layout.height(2)));
    CHECK(layout.stillHeight == 270);
    // The first still is a drawn frame, not the sheet's background: its centre has the
    // exhibit's text or canvas, and its edge differs from the margin around it.
    sf::Color margin = image.getPixel(2, 2);
    sf::Color still = image.getPixel(layout.stillX(0) + 10, layout.stillY(0) + 10);
    CHECK(margin != still);
}

TEST_CASE("studio program: caption timing taps lines from a .txt and writes the .vtt beside it") {
    requireStudio();
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Caption timing" size="1280x720" lang="en">
  <scene id="testimony" dur="8s">
    <text x="100" y="100" width="1000" height="200">A voice</text>
    <audio src="voice.wav" captions="voice.vtt" begin="1s" dur="6s"/>
  </scene>
</exhibit>
)");
    const std::string exhibit = f.read();
    std::string make = "ffmpeg -loglevel error -y -f lavfi -i sine=frequency=330:duration=6 -ar 48000 " +
                       quoted(f.folder / "voice.wav");
    REQUIRE(std::system(make.c_str()) == 0);
    std::ofstream(f.folder / "voice.txt") << "We lived on Basin street.\nThe noise came at night.\nThen silence.\n";
    auto png = f.folder / "timing.png";
    // The sound starts at 1 s in the show: taps at show 1.5, 3 and 4.5 s are 0.5, 2 and 3.5 s in it.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select line 5; time-captions; pause; "
                                       "scrub testimony+1.5s; tap; scrub testimony+3s; tap; tap; "
                                       "scrub testimony+4.5s; tap; scrub testimony+5.5s; end-line; wait 2; "
                                       "screenshot " + png.string() + "; save-captions; wait 2; quit'");
    INFO(r.output);
    REQUIRE(r.status == 2);  // the second tap at 3 s is refused: a script stops at what cannot be done
    CHECK(r.output.find("too soon") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.folder / "voice.vtt"));

    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select line 5; time-captions; pause; "
                                   "scrub testimony+1.5s; tap; scrub testimony+3s; tap; "
                                   "scrub testimony+4.5s; tap; scrub testimony+5.5s; end-line; wait 2; "
                                   "screenshot " + png.string() + "; save-captions; wait 2; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    sf::Image image;
    CHECK(image.loadFromFile(png.string()));
    Diagnostics diagnostics;
    CaptionTrack track = loadCaptions(f.folder / "voice.vtt", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].start == seconds(0.5));
    CHECK(track.cues[0].end == seconds(2) - kCaptionGap);
    CHECK(track.cues[1].start == seconds(2));
    CHECK(track.cues[1].plainText() == "The noise came at night.");
    CHECK(track.cues[2].start == seconds(3.5));
    CHECK(track.cues[2].end == seconds(4.5));
    CHECK(f.read() == exhibit);  // the exhibit itself is untouched

    // A caption file that does not parse: the studio names its file and line and writes nothing.
    const std::string broken = "WEBVTT\n\n00:01.000 -> 00:02.000\nbad arrow\n";
    std::ofstream(f.folder / "voice.vtt", std::ios::binary | std::ios::trunc) << broken;
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select line 5; time-captions; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("voice.vtt:3") != std::string::npos);
    std::ifstream in(f.folder / "voice.vtt", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == broken);
}

TEST_CASE("studio: the new-exhibit template checks clean, and `new` will not overwrite") {
    LoadedExhibit loaded = loadExhibitFromText(exhibitTemplate("A & B <test>"), "/tmp/template-check/exhibit.xml");
    REQUIRE(loaded.show);
    for (const auto& d : loaded.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.show->title == "A & B <test>");
    CHECK(loaded.show->scenes.size() == 2);

    testing::StudioFixture f;
    auto created = createExhibit(f.folder / "new-one");
    REQUIRE(created);
    CHECK(loadExhibit(*created).diagnostics.empty());
    auto again = createExhibit(f.folder / "new-one");
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("exists") != std::string::npos);
}

TEST_CASE("studio: storyboard captions name each scene, its start and its first words") {
    testing::StudioFixture f;
    LoadedExhibit loaded = loadExhibit(f.file);
    REQUIRE(loaded.show);
    auto captions = storyboardCaptions(*loaded.show);
    REQUIRE(captions.size() == 2);
    CHECK(captions[0].id == "opening");
    CHECK(captions[0].start == "0s");
    CHECK(captions[0].firstLine == "First words");
    CHECK(captions[1].start == "10s");
    CHECK(storyboardInstant(*loaded.show, 1) == seconds(14));
}

}  // namespace vitrine::studio
