// End to end (issue #17): the real studio under Xvfb builds a three-scene exhibit from
// `vitrine-studio new`, driven by its --script actions and, for the picture's move and the
// map's marker, by the real pointer (xdotool); then the saved file is what was asked,
// `vitrine check` is clean and `vitrine still` shows what the preview showed. Needs an X
// display, the studio built, xdotool and ffmpeg (tools/setup installs them).
// VITRINE_KEEP_GRABS=FOLDER keeps the window at each step and the compared pictures.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "audio/audio_test_media.h"
#include "media/media_test_files.h"
#include "studio/map_edits.h"
#include "studio/studio_document.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"
#include "support/line_break_comparison.h"
#include "timeline/show_position.h"
#include "support/private_display.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

// With VITRINE_KEEP_GRABS=FOLDER, the pictures of `shots` are copied there when the test
// ends, passed or failed, to look at.
struct KeepGrabs {
    fs::path shots;
    ~KeepGrabs() {
        const char* keep = std::getenv("VITRINE_KEEP_GRABS");
        std::error_code ignored;
        if (keep)
            for (const auto& entry : fs::directory_iterator(shots, ignored))
                fs::copy_file(entry.path(), fs::path(keep) / ("end-to-end-" + entry.path().filename().string()),
                              fs::copy_options::overwrite_existing, ignored);
    }
};

// Polls `done` every 100 ms for up to 30 s: a loaded machine may take seconds to start
// the studio, draw the first frames or write the file.
bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 300; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

// Runs a shell command that must succeed.
void shell(const std::string& command) {
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

// The studio open on `exhibit` for the real pointer: the script brings it where the input
// goes (and prints where the picture is shown), then it waits for the pointer and the keys
// until it is closed.
class InteractiveStudio {
public:
    InteractiveStudio(const fs::path& exhibit, const fs::path& folder, const std::string& script) : log_(folder / "studio.log") {
        const fs::path pid = folder / "studio.pid";
        fs::remove(pid);
        shell("ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(exhibit) + " --size 1280x720 --script '" + script +
              "; wait 5; preview-rect; wait 1000000' > " + quoted(log_) + " 2>&1 & echo $! > " + quoted(pid));
        pid_ = test::readTextFile(pid);
        pid_.erase(pid_.find_last_not_of("\n ") + 1);
        REQUIRE_FALSE(pid_.empty());
        const bool shown = waitFor([&] {
            const std::string text = test::readTextFile(log_);
            if (auto at = text.find("preview at "); at != std::string::npos)
                std::istringstream(text.substr(at + 11)) >> left_ >> top_ >> width_;
            return width_ > 0;
        });
        INFO(test::readTextFile(log_));
        REQUIRE(shown);
        FILE* search = popen("xdotool search --sync --name 'Vitrine Studio' | head -1", "r");
        REQUIRE(search);
        char buffer[64] = {};
        if (std::fgets(buffer, sizeof buffer, search)) window_ = buffer;
        pclose(search);
        window_.erase(window_.find_last_not_of("\n ") + 1);
        REQUIRE_FALSE(window_.empty());
    }
    // Closed, and gone before the next studio opens (its window would be found instead).
    ~InteractiveStudio() {
        std::system(("kill " + pid_).c_str());
        waitFor([&] { return std::system(("kill -0 " + pid_ + " 2>/dev/null").c_str()) != 0; });
    }
    // "xdotool mousemove" to canvas pixel (x, y), in window pixels; the canvas is 1920 wide.
    std::string moveTo(double x, double y) const {
        const double scale = width_ / 1920.0;
        return "xdotool mousemove --window " + window_ + " " + std::to_string(static_cast<int>(left_ + x * scale + 0.5)) + " " +
               std::to_string(static_cast<int>(top_ + y * scale + 0.5));
    }
    std::string log() const { return test::readTextFile(log_); }

private:
    fs::path log_;
    std::string pid_, window_;
    int left_ = 0, top_ = 0, width_ = 0;
};

// The one line of `text` holding `needle`, without its line break ("" when none).
std::string lineWith(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    if (at == std::string::npos) return {};
    auto begin = text.rfind('\n', at) + 1;
    return text.substr(begin, text.find('\n', at) - begin);
}

// The number `attribute` holds in `line` (its % dropped), or -1.
double attribute(const std::string& line, const std::string& name) {
    std::smatch m;
    if (!std::regex_search(line, m, std::regex(" " + name + "=\"(-?[0-9.]+)%?\""))) return -1;
    return std::stod(m[1].str());
}

const char* kCaptions = R"(WEBVTT

00:00:00.500 --> 00:00:02.500
The harbour at dawn.

00:00:03.000 --> 00:00:05.500
Boats leave for the sea.
)";

}  // namespace

TEST_CASE("studio end to end: a three-scene exhibit built with scripts and the real pointer saves, checks clean and stills as previewed") {
    // The real pointer and keys on an X server of the test's own: no other test's window
    // over the studio's, none taking its focus or found by its name.
    test::PrivateDisplay privateDisplay;
    requireStudio();
    REQUIRE_MESSAGE(std::system("command -v xdotool >/dev/null") == 0, "xdotool is needed (tools/setup installs it)");
    test::TempDir dir;
    // The designer's files, outside the exhibit: the studio's import brings them in.
    const fs::path outside = dir / "from-the-archive";
    fs::create_directories(outside);
    REQUIRE(test::makeTestPattern(outside / "harbour.png", 640, 360));
    REQUIRE(test::makeTone(outside / "voice.wav", 440, 0.3, 0, 6));
    std::ofstream(outside / "voice.vtt") << kCaptions;
    const fs::path maps = test::sourceDir() / "assets/maps/caucasus.geojson";

    shell("cd " + test::quoted(dir.path()) + " && ALSOFT_DRIVERS=null " + studioBinary() + " new harbour-of-baku > /dev/null");
    const fs::path exhibit = dir / "harbour-of-baku/exhibit.xml";
    REQUIRE(fs::exists(exhibit));
    const fs::path shots = dir / "shots";
    fs::create_directories(shots);
    const KeepGrabs keep{shots};
    auto shot = [&](const std::string& name) { return (shots / (name + ".png")).string(); };

    // 1. By script: the template's title scene kept, its second scene replaced by the
    // picture's and the map's. The picture is made a quarter of the canvas (top left) and
    // given a pan-zoom; each medium gets its credit in the inspector's way ("set"), as a
    // designer must for the check to be clean.
    Run built = runStudio(
        quoted(exhibit) + " --size 1280x720 --script 'select scene title; scene-title Harbour of Baku; "
        "select scene first; delete; select scene title; new-scene 10s; rename-scene harbour; scene-title The harbour; "
        "import " + (outside / "harbour.png").string() + "; insert-image images/harbour.png; set credit Test pattern by ffmpeg; "
        "scrub harbour+2s; resize bottom-right -960 -540 free; panzoom start 0% 0% 100% 100%; panzoom end 25% 25% 50% 50%; "
        "wait 10; screenshot " + shot("1-picture") + "; "
        "new-scene 10s; rename-scene where; scene-title Where; insert-map " + maps.string() + "; "
        "set credit Natural Earth (public domain); import " + (outside / "voice.wav").string() + "; import " +
        (outside / "voice.vtt").string() + "; insert-audio audio/voice.wav at 1s; set credit A test tone; "
        "scrub where+2s; wait 10; screenshot " + shot("2-map") + "; save; quit'");
    INFO(built.output);
    REQUIRE(built.status == 0);
    // Imported: copied into the exhibit's folder.
    CHECK(fs::exists(dir / "harbour-of-baku/images/harbour.png"));
    CHECK(fs::exists(dir / "harbour-of-baku/audio/voice.wav"));
    CHECK(fs::exists(dir / "harbour-of-baku/audio/voice.vtt"));
    CHECK(fs::exists(dir / "harbour-of-baku/maps/caucasus.geojson"));

    // 2. The real pointer moves the picture: pressed on it, moved in steps, released
    // 600,300 canvas px on (clear of every snapping guide), then Ctrl+S.
    {
        InteractiveStudio studio(exhibit, dir.path(), "scrub harbour+2s");
        const std::string before = test::readTextFile(exhibit);
        std::string input = studio.moveTo(480, 270) + " sleep 0.3 mousedown 1 sleep 0.2";
        for (int step = 1; step <= 10; ++step) input += "; " + studio.moveTo(480 + 60 * step, 270 + 30 * step) + " sleep 0.05";
        shell(input + "; sleep 0.15; xdotool mouseup 1 sleep 0.3 key ctrl+s");
        INFO(studio.log());
        CHECK(waitFor([&] { return test::readTextFile(exhibit) != before; }));
    }
    // 3. A real click on the map, at Baku as the studio draws it at where+2s, then Ctrl+S.
    {
        StudioDocument doc(exhibit);
        REQUIRE(doc.show());
        const auto at = resolvePosition(*doc.show(), "where+2s");
        REQUIRE(at);
        auto m = mapInPreview(*doc.show(), *at);
        REQUIRE(m);
        const map::Point2 baku = map::canvasAt(m->map->scene, m->state, {49.87, 40.41});
        InteractiveStudio studio(exhibit, dir.path(), "scrub where+2s");
        const std::string before = test::readTextFile(exhibit);
        shell(studio.moveTo(baku.x, baku.y) + " sleep 0.3 mousedown 1 sleep 0.15 mouseup 1 sleep 0.3 key ctrl+s");
        INFO(studio.log());
        CHECK(waitFor([&] { return test::readTextFile(exhibit) != before; }));
    }

    // The saved exhibit: three scenes with what each was given.
    const std::string saved = test::readTextFile(exhibit);
    INFO(saved);
    CHECK(std::regex_search(saved, std::regex(R"(<scene id="title" title="Harbour of Baku"[^>]*>\s*<text style="title"[^>]*>harbour-of-baku</text>\s*</scene>)")));
    const std::string image = lineWith(saved, "<image");
    CHECK(saved.find("<scene id=\"harbour\" title=\"The harbour\" dur=\"10s\">\n    <image") != std::string::npos);
    CHECK(image.find("panzoom=\"0%,0%,100%,100% → 25%,25%,50%,50%\"") != std::string::npos);
    CHECK(image.find("src=\"images/harbour.png\"") != std::string::npos);
    // Resized by script to half the canvas each way, moved by the pointer 600,300 of 1920x1080
    // (31.25%, 27.8%), to within the pointer's rounding: a screen pixel is about 2.3 canvas px.
    CHECK(attribute(image, "width") == doctest::Approx(50));
    CHECK(attribute(image, "height") == doctest::Approx(50));
    CHECK(attribute(image, "x") == doctest::Approx(31.25).epsilon(0.03));
    CHECK(attribute(image, "y") == doctest::Approx(27.78).epsilon(0.03));
    CHECK(saved.find("<scene id=\"where\" title=\"Where\" dur=\"10s\">\n    <map credit=\"Natural Earth (public domain)\" src=\"maps/caucasus.geojson\">") != std::string::npos);
    // Clicked at Baku: written by its name, from the playhead's instant.
    CHECK(lineWith(saved, "<marker") == "      <marker at=\"Baku\" label=\"Baku\" begin=\"2s\"/>");
    CHECK(lineWith(saved, "<audio") == "    <audio credit=\"A test tone\" src=\"audio/voice.wav\" captions=\"audio/voice.vtt\" begin=\"1s\"/>");

    // Clean: no error, no warning (each medium has its credit).
    Run check = runProgram("vitrine", "check " + quoted(exhibit));
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(check.output.find("0 errors, 0 warnings") != std::string::npos);

    // 4. The preview at one instant in each scene is the still at that instant: the title
    // faded in, the picture midway through its pan-zoom, the map with its marker and the
    // sound's first caption.
    const char* instants[] = {"title+3s", "harbour+5s", "where+2.5s"};
    std::string script;
    for (const char* at : instants)
        script += std::string("scrub ") + at + "; wait 60; screenshot-preview " + shot(std::string("preview-") + at) +
                  "; wait 2; screenshot " + shot(std::string("window-") + at) + "; wait 2; ";
    Run previews = runStudio(quoted(exhibit) + " --size 1280x720 --script '" + script + "quit'");
    INFO(previews.output);
    REQUIRE(previews.status == 0);
    for (const char* at : instants) {
        const fs::path still = shot(std::string("still-") + at);
        Run drawn = runProgram("vitrine", "still " + quoted(exhibit) + " --at " + at + " -o " + quoted(still));
        INFO(drawn.output);
        REQUIRE(drawn.status == 0);
        sf::Image p, s;
        REQUIRE(p.loadFromFile(shot(std::string("preview-") + at)));
        REQUIRE(s.loadFromFile(still.string()));
        const test::BlockComparison c = test::compareBlocks(p, s);
        MESSAGE(std::string(at) << ": preview " << p.getSize().x << "x" << p.getSize().y << ", worst block " << c.worstBlock
                   << " levels, " << c.differingShare * 100 << "% of blocks over " << test::kInkDifference);
        CHECK(c.differingShare < 0.002);  // as the preview test's: scaling, not a changed picture
    }
}

}  // namespace vitrine::studio
