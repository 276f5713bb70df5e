#include <cstdio>
#include <optional>

#include "app/commands.h"
#include "exhibit/check_report.h"
#include "app/exhibit_session.h"
#include "captions/caption_check.h"
#include "captions/caption_loader.h"
#include "diag/json_writer.h"
#include "exhibit/exhibit_loader.h"
#include "files/bounded_read.h"
#include "installation/installation_check.h"
#include "player/site_check.h"
#include "text/layout_check.h"

namespace vitrine::app {

int usageError(const std::string& message) {
    std::fprintf(stderr, "vitrine: %s\nTry 'vitrine --help'.\n", message.c_str());
    return kUsageError;
}

namespace {

struct FileAndFlags {
    std::string file;
    bool json = false;
    std::string installation;  // check: the site the exhibit is checked for
};

std::optional<FileAndFlags> parse(const Arguments& args, const char* command, bool allowJson) {
    FileAndFlags out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (allowJson && a == "--json") {
            out.json = true;
        } else if (allowJson && a == "--installation") {
            if (i + 1 >= args.size()) {
                usageError("--installation needs an installation file");
                return std::nullopt;
            }
            out.installation = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            usageError(std::string("unknown option '") + a + "' for " + command);
            return std::nullopt;
        } else if (out.file.empty()) {
            out.file = a;
        } else {
            usageError(std::string(command) + " takes one file, got also '" + a + "'");
            return std::nullopt;
        }
    }
    if (out.file.empty()) {
        usageError(std::string(command) + " needs an exhibit file");
        return std::nullopt;
    }
    return out;
}

bool isCaptionFile(const std::string& file) {
    return captionFormatFor(file, "") != CaptionFormat::Unknown;  // .vtt or .srt, any case
}

// `vitrine check voice.vtt`: what the exhibit's check says about a caption file, except
// what needs its sound (cues past its end).
int runCaptionCheck(const FileAndFlags& parsed) {
    Diagnostics d;
    CaptionTrack track = loadCaptions(parsed.file, d);
    checkCaptionCues(track, std::nullopt, d);
    d.sortByLocation();
    auto plural = [](std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
    const auto errors = static_cast<std::size_t>(d.errorCount()), warnings = static_cast<std::size_t>(d.warningCount());
    std::string report;
    if (parsed.json) {
        report = "{\n  \"file\": " + jsonString(parsed.file) + ",\n  \"diagnostics\": [";
        for (std::size_t i = 0; i < d.all().size(); ++i) report += (i ? ",\n    " : "\n    ") + diagnosticJson(d.all()[i]);
        report += d.empty() ? "],\n" : "\n  ],\n";
        report += "  \"summary\": {\"cues\": " + std::to_string(track.cues.size()) + ", \"errors\": " +
                  std::to_string(errors) + ", \"warnings\": " + std::to_string(warnings) + "}\n}\n";
    } else {
        for (const auto& problem : d.all()) report += formatDiagnostic(problem) + "\n";
        report += plural(track.cues.size(), "cue") + "; " + plural(errors, "error") + ", " + plural(warnings, "warning") + "\n";
    }
    std::fputs(report.c_str(), stdout);
    return errors > 0 ? 2 : warnings > 0 ? 1 : 0;
}

}  // namespace

int runCheck(const Arguments& args) {
    auto parsed = parse(args, "check", true);
    if (!parsed) return kUsageError;
    // An installation file is told by its root element, so one command checks both kinds.
    if (auto head = readFileUpTo(parsed->file, installation::kMaxInstallationBytes);
        head && installation::isInstallationText(*head)) {
        auto check = installation::checkInstallationFile(parsed->file);
        std::string report = parsed->json ? installation::checkReportJson(check) : installation::checkReportText(check);
        std::fputs(report.c_str(), stdout);
        return installation::checkExitCode(check);
    }
    if (isCaptionFile(parsed->file)) return runCaptionCheck(*parsed);
    // Every picture, sound and clip is decoded: "0 errors" must mean every one of them plays.
    LoadedExhibit exhibit = loadExhibit(parsed->file, mediaCheckingOptions());
    // Laid out as the player lays it out, with the fonts it draws with.
    const text::FontLibrary fonts(text::bundledFontsDirectory());
    text::addLayoutProblems(exhibit, fonts);
    if (!parsed->installation.empty()) {
        // As that site shows it: its languages and mode, its sign-language inset.
        Diagnostics siteProblems;
        auto site = installation::loadInstallation(parsed->installation, siteProblems);
        if (!site) {
            for (const auto& d : siteProblems.all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
            return usageError("--installation: " + parsed->installation + " cannot be used (vitrine check it alone)");
        }
        addSiteProblems(exhibit, *site, fonts);
    }
    std::string report = parsed->json ? checkReportJson(exhibit, parsed->file) : checkReportText(exhibit);
    std::fputs(report.c_str(), stdout);
    return checkExitCode(exhibit);
}

int runScenes(const Arguments& args) {
    auto parsed = parse(args, "scenes", false);
    if (!parsed) return kUsageError;
    LoadedExhibit exhibit = loadExhibit(parsed->file, mediaAwareOptions());
    // A timeline of a script with errors would be a wrong answer: report them as check does.
    if (checkExitCode(exhibit) == 2) {
        std::fputs(checkReportText(exhibit).c_str(), stderr);
        return 2;
    }
    std::fputs(sceneTable(*exhibit.show).c_str(), stdout);
    return 0;
}

}  // namespace vitrine::app
