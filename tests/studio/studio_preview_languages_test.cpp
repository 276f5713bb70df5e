// View ▸ Languages in the real studio (issue #20): a designer preparing a French or bilingual
// site previews the Baku exhibit as that site shows it. By script: the export follows the
// preview's languages at the playhead kept, and the file is not touched. By the real pointer
// (xdotool, on an X server of the test's own): French chosen from the menu is named in the
// window and drawn, the file still unchanged. Needs an X display, the studio built, xdotool
// and ffmpeg (tools/setup installs them). VITRINE_KEEP_GRABS=FOLDER keeps the screen grabbed.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "media/media_test_files.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"
#include "support/line_break_comparison.h"
#include "support/private_display.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

// Where the menu bar draws, in a 1280x720 studio window (window pixels, "X Y"): the View menu,
// its Languages row (the fifth of View's), and French, the second row of its submenu, which
// opens at the right of the View menu. Read off a screenshot of the studio with View open.
constexpr const char* kViewMenu = "239 13";
constexpr const char* kLanguagesItem = "300 141";
constexpr const char* kFrenchItem = "622 165";

// A copy of the Baku exhibit in `dir` (a failing studio must not leave a recovery file in
// the source tree), beside a link to the project's assets its maps name; its exhibit.xml.
fs::path copyOfBaku(const fs::path& dir) {
    fs::create_directories(dir / "exhibits");
    fs::copy(test::sourceDir() / "exhibits/baku-1990", dir / "exhibits/baku-1990", fs::copy_options::recursive);
    fs::create_directory_symlink(test::sourceDir() / "assets", dir / "assets");
    return dir / "exhibits/baku-1990/exhibit.xml";
}

// The share of blocks that differ between two pictures (scaled to the smaller one's size).
double differingShare(const fs::path& a, const fs::path& b) {
    sf::Image first, second;
    REQUIRE(first.loadFromFile(a.string()));
    REQUIRE(second.loadFromFile(b.string()));
    return test::compareBlocks(first, second).differingShare;
}

// Polls `done` every 100 ms for up to 30 s: a loaded machine may take seconds to start the
// studio and draw its first frames.
bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 300; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

// What a shell command printed, its last line break dropped.
std::string output(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        pclose(pipe);
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("studio preview languages: the export follows the preview's languages at the playhead and the file is untouched") {
    requireStudio();
    test::TempDir dir;
    const fs::path exhibit = copyOfBaku(dir.path());
    const std::string before = test::readTextFile(exhibit);
    const fs::path french = dir / "french.png", main = dir / "main.png", still = dir / "still-fr.png";
    Run studio = runStudio(quoted(exhibit) + " --size 1280x720 --script 'scrub introduction+8s; preview-languages fr; "
                           "wait 3; export-still " + french.string() + "; preview-languages main; wait 3; export-still " +
                           main.string() + "; quit'");
    INFO(studio.output);
    REQUIRE(studio.status == 0);

    // The still exported in French is `vitrine still`'s French frame at the playhead kept
    // (a playhead gone back to 0 would export the title), and not the English one.
    Run drawn = runProgram("vitrine", "still " + quoted(exhibit) + " --at introduction+8s --languages fr -o " + quoted(still));
    INFO(drawn.output);
    REQUIRE(drawn.status == 0);
    CHECK(differingShare(french, still) < 0.002);
    CHECK(differingShare(main, still) > 0.01);
    // Not an edit: the file as it was, and no unsaved edits kept for recovery.
    CHECK(test::readTextFile(exhibit) == before);
    CHECK_FALSE(fs::exists(exhibit.parent_path() / ".exhibit.xml.recovery"));
}

TEST_CASE("studio preview languages: a language the exhibit does not have is refused in plain words") {
    requireStudio();
    test::TempDir dir;
    const fs::path exhibit = copyOfBaku(dir.path());
    Run studio = runStudio(quoted(exhibit) + " --size 1280x720 --script 'preview-languages hy; quit'");
    CHECK(studio.status == 2);
    CHECK(studio.output.find("'hy' is not one of this exhibit's: en, fr, both or main") != std::string::npos);
}

TEST_CASE("studio preview languages: French chosen from the View menu with the real pointer is shown and named") {
    // The real pointer on an X server of the test's own, the size of the studio's window, so
    // the window lies at 0,0 and the menu is where a designer sees it.
    test::PrivateDisplay privateDisplay("1280x720x24");
    requireStudio();
    REQUIRE_MESSAGE(std::system("command -v xdotool >/dev/null") == 0, "xdotool is needed (tools/setup installs it)");
    test::TempDir dir;
    const fs::path exhibit = copyOfBaku(dir.path());
    const std::string before = test::readTextFile(exhibit);
    const fs::path log = dir / "studio.log", pid = dir / "studio.pid";
    REQUIRE(std::system(("ALSOFT_DRIVERS=null " + studioBinary() + " " + quoted(exhibit) +
                         " --size 1280x720 --script 'scrub introduction+8s; wait 1000000' > " + quoted(log) +
                         " 2>&1 & echo $! > " + quoted(pid))
                            .c_str()) == 0);
    std::string studio = test::readTextFile(pid);
    studio.erase(studio.find_last_not_of("\n ") + 1);
    REQUIRE_FALSE(studio.empty());
    struct Closed {
        std::string pid;
        ~Closed() { std::system(("kill " + pid + " 2>/dev/null").c_str()); }
    } closed{studio};
    std::string window;
    REQUIRE(waitFor([&] { return !(window = output("xdotool search --name 'Vitrine Studio' | head -1")).empty(); }));
    // At the screen's corner, so the whole window is on the screen grabbed.
    REQUIRE(std::system(("xdotool windowmove " + window + " 0 0").c_str()) == 0);
    const auto title = [&] { return output("xdotool getwindowname " + window); };
    INFO(test::readTextFile(log));
    REQUIRE(waitFor([&] { return title().find("Preview: English (main language)") != std::string::npos; }));

    // View (the fifth menu), then Languages in it, then French in its submenu: each a press of
    // the pointer where the menu bar draws it in a 1280x720 window.
    const std::string move = " mousemove --window " + window + " ";
    REQUIRE(std::system(("xdotool" + move + kViewMenu + " sleep 0.3 click 1 sleep 0.5" + move + kLanguagesItem +
                         " sleep 0.6" + move + kFrenchItem + " sleep 0.3 click 1")
                            .c_str()) == 0);
    CHECK(waitFor([&] { return title().find("Preview: French") != std::string::npos; }));
    CHECK(title().find("Vitrine Studio") != std::string::npos);

    // The screen as the designer sees it, kept to look at.
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    const fs::path grab = dir / "studio-french.png";
    REQUIRE(std::system(("ffmpeg -loglevel error -y -f x11grab -i \"$DISPLAY\" -frames:v 1 " + quoted(grab)).c_str()) == 0);
    if (const char* keep = std::getenv("VITRINE_KEEP_GRABS"))
        fs::copy_file(grab, fs::path(keep) / "studio-preview-french.png", fs::copy_options::overwrite_existing);
    sf::Image screen;
    REQUIRE(screen.loadFromFile(grab.string()));
    CHECK(screen.getSize() == sf::Vector2u(1280, 720));
    CHECK(test::readTextFile(exhibit) == before);
}

}  // namespace vitrine::studio
