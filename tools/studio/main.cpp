// vitrine-studio: author and preview exhibits.
//   vitrine-studio EXHIBIT.xml [--at POS] [--size WxH] [--script "ACTIONS"] [--screenshot OUT.png [--frames N]]
//   vitrine-studio new NAME
//   vitrine-studio storyboard EXHIBIT.xml -o SHEET.png [--columns N]
//   vitrine-studio export still|storyboard|video EXHIBIT.xml -o FILE [--at POS] [--from POS] [--to POS]
//                  [--languages LANGUAGE|both|main] [--stdin]
//   vitrine-studio bench EXHIBIT.xml

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "export_command.h"
#include "script_actions.h"
#include "storyboard.h"
#include "studio/exhibit_template.h"
#include "studio_app.h"
#include "studio_bench.h"

namespace {

constexpr int kUsageError = 64;
constexpr int kDefaultScreenshotFrames = 30;
constexpr int kDefaultColumns = 4;

const char* kUsage =
    "usage: vitrine-studio EXHIBIT.xml [--at POS] [--size WxH] [--script ACTIONS] [--screenshot OUT.png [--frames N]]\n"
    "       vitrine-studio new NAME\n"
    "       vitrine-studio storyboard EXHIBIT.xml -o SHEET.png [--columns N]\n"
    "       vitrine-studio export still|storyboard|video EXHIBIT.xml -o FILE [--at POS] [--from POS] [--to POS]\n"
    "                      [--languages LANGUAGE|both|main]\n"
    "       vitrine-studio bench EXHIBIT.xml\n"
    "ACTIONS, separated by ';', each as a menu or key would do it:\n";

std::string fullUsage() { return kUsage + vitrine::studio::scriptActionsHelp(); }

int usage(const std::string& message) {
    std::fprintf(stderr, "vitrine-studio: %s\n%s", message.c_str(), fullUsage().c_str());
    return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("needs an exhibit file");
    if (args[0] == "--help" || args[0] == "-h") {
        std::fputs(fullUsage().c_str(), stdout);
        return 0;
    }
    if (args[0] == "new") {
        if (args.size() != 2) return usage("new needs one NAME");
        auto file = vitrine::studio::createExhibit(args[1]);
        if (!file) {
            std::fprintf(stderr, "vitrine-studio: %s\n", file.error().message.c_str());
            return 3;
        }
        std::printf("created %s\n", file->c_str());
        return 0;
    }
    if (args[0] == "storyboard") {
        std::string file, out;
        int columns = kDefaultColumns;
        for (std::size_t i = 1; i < args.size(); ++i) {
            if (args[i] == "-o" && i + 1 < args.size()) out = args[++i];
            else if (args[i] == "--columns" && i + 1 < args.size()) columns = std::atoi(args[++i].c_str());
            else if (file.empty() && args[i][0] != '-') file = args[i];
            else return usage("storyboard: unexpected '" + args[i] + "'");
        }
        if (file.empty() || out.empty()) return usage("storyboard needs EXHIBIT.xml and -o SHEET.png");
        if (columns < 1) return usage("--columns must be 1 or more");
        return vitrine::studio::writeStoryboard(file, out, columns);
    }
    if (args[0] == "export") return vitrine::studio::runExportCommand({args.begin() + 1, args.end()});
    if (args[0] == "bench") {
        if (args.size() != 2) return usage("bench needs one EXHIBIT.xml");
        return vitrine::studio::runStudioBench(args[1]);
    }

    vitrine::studio::StudioOptions options;
    std::string screenshot;
    int frames = kDefaultScreenshotFrames;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool hasValue = i + 1 < args.size();
        if (a == "--script" && hasValue) options.script = args[++i];
        else if (a == "--at" && hasValue) options.at = args[++i];
        else if (a == "--screenshot" && hasValue) screenshot = args[++i];
        else if (a == "--frames" && hasValue) frames = std::atoi(args[++i].c_str());
        else if (a == "--size" && hasValue) {
            unsigned w = 0, h = 0;
            if (std::sscanf(args[++i].c_str(), "%ux%u", &w, &h) != 2 || w < 640 || h < 400)
                return usage("--size: '" + args[i] + "' is not a window size like 1600x900 (at least 640x400)");
            options.windowSize = {w, h};
        } else if (!a.empty() && a[0] != '-' && options.file.empty()) options.file = a;
        else return usage("unexpected '" + a + "'");
    }
    if (options.file.empty()) return usage("needs an exhibit file");
    if (!screenshot.empty())
        options.script += "; wait " + std::to_string(frames) + "; screenshot " + screenshot + "; quit";
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr, "vitrine-studio: no display: the studio needs an X server\n");
        return 3;
    }
    vitrine::studio::StudioApp app(options);
    return app.run();
}
