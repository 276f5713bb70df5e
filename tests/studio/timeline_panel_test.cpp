// The timeline and the cue list driven as a designer drives them: through the studio's
// --script verbs, and with the real mouse (xdotool) dragging a chip, checked in the saved file.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "studio/timeline_layout.h"
#include "support/private_display.h"

namespace vitrine::studio {
namespace {

using testing::kStudioFixture;
using testing::StudioFixture;

using testing::replaced;

bool shell(const std::string& command) { return std::system(command.c_str()) == 0; }

// Where the timeline's ruler lies in a screenshot: its top row is one long run of the ruler's
// colour from the first lane's left edge to the panel's right (the playhead kept at the end).
struct RulerPlace {
    int left = -1, right = -1, top = -1;
};
RulerPlace findRuler(const sf::Image& shot) {
    const sf::Color ruler(44, 48, 55);
    for (unsigned y = shot.getSize().y / 2; y < shot.getSize().y; ++y) {
        int runStart = -1, bestStart = -1, bestLength = 0, last = -1;
        for (unsigned x = 0; x < shot.getSize().x; ++x) {
            if (shot.getPixel(x, y) != ruler) {
                runStart = -1;
                continue;
            }
            if (runStart < 0) runStart = static_cast<int>(x);
            last = static_cast<int>(x);
            if (static_cast<int>(x) - runStart + 1 > bestLength) bestLength = static_cast<int>(x) - runStart + 1, bestStart = runStart;
        }
        if (bestLength > 300) return {bestStart, last + 1, static_cast<int>(y)};
    }
    return {};
}

}  // namespace

TEST_CASE("studio timeline: move-begin, trim-start, trim-end and nudge-frames write the saved file in the designer's units") {
    requireStudio();
    StudioFixture f;
    const auto shot = f.folder / "cue-list.png";
    Run r = runStudio(quoted(f.file) + " --size 1600x900 --script 'move-begin line 6 2.5s; trim-end line 6 +1s; "
                                       "trim-start line 8 +1s; select line 12; nudge-frames 2; nudge-frames -1; "
                                       "cue-list on; wait 2; screenshot " + shot.string() + "; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string expected = replaced(kStudioFixture, R"(begin="1s"  dur = '4s')", R"(begin="2.5s"  dur = '5s')");
    expected = replaced(expected, R"(begin="5s">Second)", R"(begin="6s">Second)");
    expected = replaced(expected, R"(<text x="100" y="100")", R"(<text begin="0.04s" x="100" y="100")");
    CHECK(f.read() == expected);
    CHECK(std::filesystem::exists(shot));

    // A length typed as a change, on a scene; then undo takes the last edit back.
    r = runStudio(quoted(f.file) + " --size 1600x900 --script 'trim-end closing -2s; trim-end line 6 3s; undo; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == replaced(expected, R"(<scene id="closing" dur="8s">)", R"(<scene id="closing" dur="6s">)"));
}

TEST_CASE("studio timeline: what cannot be moved is refused with the reason, and nothing is saved") {
    requireStudio();
    StudioFixture f;
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'move-begin nowhere 2s; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("no item or scene with id 'nowhere'") != std::string::npos);
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'trim-end line 6 -4s; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("would last no time at all") != std::string::npos);
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'move-begin opening 2s; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("a scene follows the one before it") != std::string::npos);
    CHECK(f.read() == kStudioFixture);
}

TEST_CASE("studio timeline: a chip dragged with the mouse snaps to the next text's start, . nudges it a frame, Ctrl+S saves") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
    requireStudio();
    StudioFixture f;
    const auto shot = f.folder / "before.png", log = f.folder / "studio.log", pid = f.folder / "studio.pid";
    // The studio stays open (a long wait) while the mouse works; the playhead at the end keeps
    // the ruler's top row clear.
    REQUIRE(shell("ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) + " --size 1280x720 --script 'scrub 17.5s; wait 3; screenshot " +
                  shot.string() + "; wait 100000' > " + quoted(log) + " 2>&1 & echo $! > " + quoted(pid)));
    int studio = 0;
    std::ifstream(pid) >> studio;
    REQUIRE(studio > 0);
    struct Stop {
        int pid;
        ~Stop() { kill(pid, SIGTERM); }
    } stop{studio};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!std::filesystem::exists(shot) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(std::filesystem::exists(shot));
    sf::Image before;
    REQUIRE(before.loadFromFile(shot.string()));
    const RulerPlace ruler = findRuler(before);
    REQUIRE(ruler.left > 0);
    // The fixture lasts 18 s, fitted to the ruler's width. The first <text> (1 s to 5 s) is on
    // the first lane under the scenes; grabbed at 3 s and let go 4.1 s later, its start comes
    // 0.1 s past the second text's start (5 s) and snaps there.
    const double pixelsPerSecond = (ruler.right - ruler.left) / 18.0;
    const int y = ruler.top + static_cast<int>(kRulerHeight + kSceneLaneHeight + kLaneGap + kLaneHeight / 2);
    auto xAt = [&](double s) { return std::to_string(static_cast<int>(ruler.left + s * pixelsPerSecond)); };
    const std::string window = "$(xdotool search --sync --name '^Vitrine Studio' | head -1)";
    // Without a window manager the window may hang below the screen's edge: put it on screen.
    REQUIRE(shell("xdotool windowmove " + window + " 0 0 && sleep 0.5"));
    REQUIRE(shell("xdotool mousemove --window " + window + " " + xAt(3) + " " + std::to_string(y) + " && sleep 0.5"));
    REQUIRE(shell("xdotool mousedown 1 && sleep 0.3 && xdotool mousemove_relative 20 0 && sleep 0.3 && "
                  "xdotool mousemove --window " + window + " " + xAt(5) + " " + std::to_string(y) + " && sleep 0.3 && "
                  "xdotool mousemove --window " + window + " " + xAt(7.1) + " " + std::to_string(y) + " && sleep 0.5 && "
                  "xdotool mouseup 1 && sleep 0.5 && xdotool key period && sleep 0.3 && xdotool key ctrl+s"));
    // Then "." nudges it one frame (1/25 s) later.
    const std::string expected = replaced(kStudioFixture, R"(begin="1s"  dur = '4s')", R"(begin="5.04s"  dur = '4s')");
    while (f.read() == kStudioFixture && std::chrono::steady_clock::now() < deadline + std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::ifstream in(log);
    INFO(std::string(std::istreambuf_iterator<char>(in), {}));
    CHECK(f.read() == expected);
}

}  // namespace vitrine::studio

namespace vitrine::studio {
namespace {

using testing::CaptionedFixture;
using testing::kCaptionedExhibit;
using testing::kCues;

}  // namespace

TEST_CASE("studio timeline: move-cue, trim-cue-start and trim-cue-end retime caption cues, undo takes one back, save writes them") {
    requireStudio();
    CaptionedFixture f;
    Run help = runStudio("--help");
    CHECK(help.output.find("move-cue FILE N TIME") != std::string::npos);
    CHECK(help.output.find("trim-cue-start FILE N TIME") != std::string::npos);
    CHECK(help.output.find("trim-cue-end FILE N TIME") != std::string::npos);
    // Cue 1 ends at 2.5 s; cue 2 moves to 3.5 s; cue 3's start comes half a second earlier,
    // then undo takes that back.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'trim-cue-end voice.vtt 1 2.5s; move-cue voice.vtt 2 3.5s; "
                                       "trim-cue-start voice.vtt 3 -0.5s; undo; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string expected = replaced(kCues, "00:01.000 --> 00:02.000", "00:01.000 --> 00:02.500");
    expected = replaced(expected, "00:03.000 --> 00:04.000", "00:03.500 --> 00:04.500");
    CHECK(f.readCues() == expected);
    CHECK(f.read() == kCaptionedExhibit);  // the exhibit is untouched

    // A cue that does not exist is refused with the reason, and nothing is saved.
    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'move-cue voice.vtt 9 1s; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("N from 1 to 3") != std::string::npos);
    CHECK(f.readCues() == expected);
}

TEST_CASE("studio timeline: caption cues dragged with the mouse snap to the sound's start and the next cue, Ctrl+S saves the vtt") {
    test::PrivateDisplay privateDisplay;
    requireStudio();
    CaptionedFixture f;
    const auto shot = f.folder / "before.png", log = f.folder / "studio.log", pid = f.folder / "studio.pid";
    REQUIRE(shell("ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(f.file) +
                  " --size 1280x720 --script 'scrub 11.99s; wait 3; screenshot " + shot.string() + "; wait 100000' > " +
                  quoted(log) + " 2>&1 & echo $! > " + quoted(pid)));
    int studio = 0;
    std::ifstream(pid) >> studio;
    REQUIRE(studio > 0);
    struct Stop {
        int pid;
        ~Stop() { kill(pid, SIGTERM); }
    } stop{studio};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!std::filesystem::exists(shot) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(std::filesystem::exists(shot));
    sf::Image before;
    REQUIRE(before.loadFromFile(shot.string()));
    const RulerPlace ruler = findRuler(before);
    REQUIRE(ruler.left > 0);
    // 12 s fitted to the ruler. Its run of colour starts at the lanes' border, a pixel left of
    // 0 s, and ends at the playhead's marker, 6 pixels left of it (at 11.99 s): an edge is grabbed
    // within a few pixels. The sound's lane is under the scenes'; its cues are a strip along
    // the foot of its chip. The sound starts at 1 s: its cues lie at 2-3, 4-5 and 6-7 s.
    const double left = ruler.left + 1, pixelsPerSecond = (ruler.right + 6 - left) / 11.99;
    const float soundTop = kRulerHeight + kSceneLaneHeight + kLaneGap;
    const int y = ruler.top + static_cast<int>(soundTop + kSoundLaneHeight - 2 - kCueHeight / 2);
    auto xAt = [&](double s, int dx = 0) { return std::to_string(static_cast<int>(left + s * pixelsPerSecond) + dx); };
    const std::string window = "$(xdotool search --sync --name '^Vitrine Studio' | head -1)";
    const std::string at = " " + std::to_string(y);
    REQUIRE(shell("xdotool windowmove " + window + " 0 0 && sleep 0.5"));
    // Cue 1's body, grabbed at 2.5 s and let go 0.95 s earlier: its start comes 50 ms after
    // the sound's start and snaps to it (the file's 0 s).
    REQUIRE(shell("xdotool mousemove --window " + window + " " + xAt(2.5) + at + " && sleep 0.5 && xdotool mousedown 1 && "
                  "sleep 0.3 && xdotool mousemove_relative -- -20 0 && sleep 0.3 && xdotool mousemove --window " + window +
                  " " + xAt(1.55) + at + " && sleep 0.5 && xdotool mouseup 1 && sleep 0.5"));
    // Cue 2's right edge, grabbed just inside it at 5 s and let go 0.9 s later: its end
    // snaps to cue 3's start (6 s, the file's 5 s).
    REQUIRE(shell("xdotool mousemove --window " + window + " " + xAt(5, -2) + at + " && sleep 0.5 && xdotool mousedown 1 && "
                  "sleep 0.3 && xdotool mousemove --window " + window + " " + xAt(5.9, -2) + at + " && sleep 0.5 && "
                  "xdotool mouseup 1 && sleep 0.5 && xdotool key ctrl+s"));
    std::string expected = replaced(kCues, "00:01.000 --> 00:02.000", "00:00.000 --> 00:01.000");
    expected = replaced(expected, "00:03.000 --> 00:04.000", "00:03.000 --> 00:05.000");
    while (f.readCues() == kCues && std::chrono::steady_clock::now() < deadline + std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::ifstream in(log);
    INFO(std::string(std::istreambuf_iterator<char>(in), {}));
    CHECK(f.readCues() == expected);
    CHECK(f.read() == kCaptionedExhibit);
}

}  // namespace vitrine::studio
