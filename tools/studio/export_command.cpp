#include "export_command.h"

#include <signal.h>
#include <sys/prctl.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "player/compile_options.h"
#include "player/live_show.h"
#include "power/display_probe.h"
#include "player/video_exporter.h"
#include "render/render_resources.h"
#include "storyboard.h"
#include "studio/preview_languages.h"
#include "studio/studio_document.h"
#include "text/font_library.h"
#include "timeline/show_position.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

constexpr int kColumns = 4;
constexpr int kWritten = 0, kCancelled = 1, kUnreadable = 2, kNotWritten = 3, kUsage = 64;

std::atomic<bool> cancelled{false};

void onTerminate(int) { cancelled = true; }

// One progress line, flushed so the studio sees it at once; false once cancelled.
bool report(long long done, long long total) {
    std::printf("progress %lld %lld\n", done, total);
    std::fflush(stdout);
    return !cancelled;
}

int fail(const std::string& message, int status) {
    std::fprintf(stderr, "%s\n", message.c_str());
    return status;
}

// One string packed: its length, a newline, its bytes.
void pack(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += '\n';
    out += s;
}

// The string packed at `at`, moving past it; nullopt when the bytes there are not one.
std::optional<std::string> unpack(std::string_view bytes, std::size_t& at) {
    const std::size_t newline = bytes.find('\n', at);
    if (newline == std::string_view::npos || newline == at || newline - at > 12) return std::nullopt;
    std::size_t size = 0;
    for (char c : bytes.substr(at, newline - at)) {
        if (c < '0' || c > '9') return std::nullopt;
        size = size * 10 + static_cast<std::size_t>(c - '0');
    }
    if (size > bytes.size() - newline - 1) return std::nullopt;
    at = newline + 1 + size;
    return std::string(bytes.substr(newline + 1, size));
}

}  // namespace

std::string packExportTexts(const ExportTexts& texts) {
    std::string out;
    pack(out, texts.exhibit);
    for (const auto& [file, text] : texts.captions) {
        pack(out, file);
        pack(out, text);
    }
    return out;
}

std::optional<ExportTexts> unpackExportTexts(std::string_view bytes) {
    std::size_t at = 0;
    auto exhibit = unpack(bytes, at);
    if (!exhibit) return std::nullopt;
    ExportTexts texts{std::move(*exhibit), {}};
    while (at < bytes.size()) {
        auto file = unpack(bytes, at);
        auto text = file ? unpack(bytes, at) : std::nullopt;
        if (!text) return std::nullopt;
        texts.captions[std::move(*file)] = std::move(*text);
    }
    return texts;
}

int runExportCommand(const std::vector<std::string>& args) {
    std::string kind, exhibit, file, at, from, to, languages = "main";
    bool fromStdin = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool hasValue = i + 1 < args.size();
        if (a == "-o" && hasValue) file = args[++i];
        else if (a == "--at" && hasValue) at = args[++i];
        else if (a == "--from" && hasValue) from = args[++i];
        else if (a == "--to" && hasValue) to = args[++i];
        else if (a == "--languages" && hasValue) languages = args[++i];
        else if (a == "--stdin") fromStdin = true;
        else if (kind.empty()) kind = a;
        else if (exhibit.empty()) exhibit = a;
        else return fail("export: unexpected '" + a + "'", kUsage);
    }
    if ((kind != "still" && kind != "storyboard" && kind != "video") || exhibit.empty() || file.empty())
        return fail("usage: vitrine-studio export still|storyboard|video EXHIBIT.xml -o FILE [--at POS] [--from POS] "
                    "[--to POS] [--languages LANGUAGE|both|main] [--stdin]",
                    kUsage);
    if (!power::displayAnswers(power::displayName()))
        return fail("no display: drawing needs an X server (run under xvfb-run -a)", kNotWritten);
    struct sigaction action {};
    action.sa_handler = onTerminate;
    sigaction(SIGTERM, &action, nullptr);
    // Run by the studio (its text on standard input): the export stops when the studio does.
    if (fromStdin) prctl(PR_SET_PDEATHSIG, SIGTERM);

    // The studio's texts as edited (unsaved edits included), read as if they were the files.
    std::optional<ExportTexts> texts;
    if (fromStdin) texts = unpackExportTexts(std::string(std::istreambuf_iterator<char>(std::cin), {}));
    else if (auto text = readTextFile(exhibit)) texts = ExportTexts{std::move(*text), {}};
    if (!texts) return fail("cannot read " + exhibit, kUnreadable);
    LoadedExhibit loaded = loadExhibitFromText(texts->exhibit, exhibit, mediaAwareOptions());
    if (!loaded.show) return fail(exhibit + " has errors that stop it compiling; `vitrine check` lists them", kUnreadable);
    // Drawn as the preview draws it: in the languages it previews (the studio passes its
    // View ▸ Languages choice), by default the exhibit's main language, not every one stacked.
    const auto previewed = parsePreviewLanguages(languages, *loaded.show);
    if (!previewed) return fail("export: --languages '" + languages + "' is not a language of " + exhibit + ", both or main", kUsage);
    loaded.show = inPreviewLanguages(std::move(*loaded.show), *previewed);
    const Show& show = *loaded.show;
    std::optional<Micros> atTime, fromTime, toTime;  // as typed; none: 0 for a still and the start, the end for the end
    for (auto [words, out] : {std::pair{&at, &atTime}, std::pair{&from, &fromTime}, std::pair{&to, &toTime}}) {
        if (words->empty()) continue;
        auto t = resolvePosition(show, *words);
        if (!t) return fail(t.error().message, kUsage);
        *out = *t;
    }
    std::error_code ignored;
    if (fs::path(file).has_parent_path()) fs::create_directories(fs::path(file).parent_path(), ignored);

    render::RenderResources resources(text::bundledFontsDirectory(),
                                      render::RenderResources::maxImageDimensionFor(show.canvas));
    // The caption files' texts as edited are drawn, and written as subtitles, instead of the files.
    for (const auto& [captions, text] : texts->captions) resources.captionFiles().setText(captions, text);
    std::optional<Error> error;
    if (kind == "storyboard") {
        error = drawStoryboard(show, resources, fs::path(exhibit).filename().string(), file, kColumns,
                               [](int done, int total) { return report(done, total); });
    } else {
        if (kind == "still") {
            report(0, 1);
            LiveShow live(borrowedShow(show), resources, LiveShow::Options{});
            output::OffscreenRenderer still(live.renderer(), live.show(), {static_cast<unsigned>(show.canvas.width),
                                                                           static_cast<unsigned>(show.canvas.height)});
            if (!still.ok()) error = Error{"cannot create an off-screen surface to draw the still"};
            else if (cancelled) error = Error{"cancelled"};
            else error = output::savePngAtomically(still.renderAt(atTime.value_or(0)), file);
            if (!error) report(1, 1);
        } else {
            ExportOptions options;
            options.path = file;
            options.from = fromTime.value_or(0);
            options.to = toTime;
            error = exportShow(show, resources, options, [](const ExportProgress& p) {
                for (const auto& problem : p.problems) std::fprintf(stderr, "%s\n", problem.c_str());
                return report(p.frame, p.frames);
            });
        }
    }
    if (cancelled) return fail("cancelled", kCancelled);
    if (error) return fail(error->message, kNotWritten);
    return kWritten;
}

}  // namespace vitrine::studio
