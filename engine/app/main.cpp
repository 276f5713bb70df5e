// vitrine: the exhibit engine's command-line program. Thin: every command is a few
// calls into the engine library.

#include <cstdio>
#include <string>

#include "app/commands.h"

namespace {

constexpr const char* kHelp = R"(vitrine — an exhibit engine for projection installations

Usage:
  vitrine check EXHIBIT.xml [--json] [--installation FILE]
                                       report every problem in an exhibit; with an installation,
                                       also as that site shows it (languages, sign-language inset)
  vitrine check INSTALLATION.xml [--json]
                                       the same for an installation file (told by <installation>)
  vitrine check CAPTIONS.vtt|.srt [--json]
                                       the same for a caption file
  vitrine scenes EXHIBIT.xml           list scenes with start times and durations
  vitrine play EXHIBIT.xml [--windowed [WxH]] [--once] [--start SCENE|TIME] [--display :N]
                                       [--quit-after TIME] [--audio device|null|off]
                                       [--capture-audio FILE.wav] [--installation FILE.xml]
                                       [--calibrate] [--speed N]
                                       play on a projector (fullscreen, looping); --calibrate
                                       opens keystone calibration (needs --installation);
                                       --speed N runs the show N times faster (soak tests, no sound)
  vitrine still EXHIBIT.xml --at TIME|SCENE[+TIME] -o frame.png [--size WxH] [--reduced-motion]
                                       [--languages "fr"] [--language-mode one|both|all] [--installation FILE]
                                       write the frame shown at that instant, in the exhibit's
                                       main language or in those given (as <languages text show>);
                                       --installation: with that site's visitor-page code and motion
  vitrine render EXHIBIT.xml --frames DIR [--per-scene] | -o FILE.mp4 [--fps N] [--from POS] [--to POS] [--size WxH]
                                       [--reduced-motion] [--languages "fr"] [--language-mode one|both|all]
                                       write numbered PNG frames (or one per scene), or an MP4 video;
                                       POS is a time (1:30, 95s), a scene (lens: its start), or a
                                       scene and an offset (lens+3s), as for still --at;
                                       --reduced-motion draws them as an installation with
                                       <motion reduced="true"> shows them (no pan-zoom, slide, flight, roll)
  vitrine --help | --version

check prints problems as file:line:col: error|warning: message, then a summary.
Exit status: 0 clean, 1 warnings only, 2 errors (or a wrong command line).

While playing in a window: space pauses, left/right go to the previous/next scene,
F toggles fullscreen, Esc quits. In fullscreen, quitting needs Ctrl+Shift+Q so a
visitor cannot close the show. Ctrl+Shift+C toggles calibration: drag corners with the
mouse, or 1-4 and the arrows (Shift: fine), P next pattern, S saves.

Format reference: exhibits/README.md
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace vitrine::app;
    if (argc < 2) {
        std::fputs(kHelp, stderr);
        return kUsageError;
    }
    std::string command = argv[1];
    Arguments rest(argv + 2, argv + argc);
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (command == "--version") {
        std::printf("vitrine %s\n", VITRINE_VERSION);
        return 0;
    }
    if (command == "check") return runCheck(rest);
    if (command == "scenes") return runScenes(rest);
    if (command == "still") return runStill(rest);
    if (command == "render") return runRender(rest);
    if (command == "play") return runPlay(rest);
    return usageError("unknown command '" + command + "'");
}
