// vitrine still / vitrine render: frames without a projector, drawn by the player's renderer.

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
#include "app/exhibit_session.h"
#include "app/options.h"
#include "output/offscreen.h"
#include "installation/installation.h"
#include "output/progress_printer.h"
#include "player/language_choice.h"
#include "player/video_exporter.h"
#include "script/values.h"
#include "timeline/show_position.h"

#include <unistd.h>

namespace vitrine::app {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultFps = 25;
constexpr int kMaxFps = 240;

// A position in the show, or a time past its end: the show loops, as the player plays it,
// so a time past the end is in a later pass (where the last scene fades into the first).
Result<Micros> loopingPosition(const Show& show, const std::string& text) {
    Result<Micros> t = resolvePosition(show, text);
    if (t) return t;
    if (auto past = parseTimeValue(text); past && *past >= show.duration) return *past;
    return t;
}

// --languages "fr" [--language-mode one|both|all]: the languages a site would choose (as
// <languages text captions show> does), the text and its captions alike; none given is the
// exhibit's main language. nullopt (with a message) when either is not understood.
std::optional<LanguageChoice> languagesOption(const Options& o) {
    LanguageChoice choice;
    if (auto list = o.value("--languages")) {
        auto languages = parseLanguages(*list);
        if (!languages || languages->empty()) {
            usageError("--languages: '" + *list + "' is not a list of language codes (e.g. \"fr\" or \"en fr\")");
            return std::nullopt;
        }
        choice.text = choice.captions = *languages;
        choice.mode = installation::LanguageMode::One;
    }
    if (auto mode = o.value("--language-mode")) {
        auto parsed = installation::parseLanguageMode(*mode);
        if (!parsed || *parsed == installation::LanguageMode::Alternate || choice.text.empty()) {
            usageError("--language-mode: '" + *mode + "' is not one, both or all, after --languages");
            return std::nullopt;
        }
        choice.mode = *parsed;
    }
    return choice;
}

std::optional<Micros> positionOption(const Show& show, const Options& o, const std::string& name, Micros fallback) {
    auto v = o.value(name);
    if (!v) return fallback;
    auto t = loopingPosition(show, *v);
    if (!t) {
        usageError(name + ": " + t.error().message);
        return std::nullopt;
    }
    return *t;
}

sf::Vector2u outputSize(const Show& show, const Options& o, bool& ok) {
    ok = true;
    if (auto v = o.value("--size")) {
        auto s = parseOutputSize(*v);
        if (!s) {
            usageError("--size: '" + *v + "' is not a size like 1920x1080");
            ok = false;
            return {};
        }
        return {s->first, s->second};
    }
    return {static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height)};
}

// render -o FILE.mp4: the range as one video file, with progress on stderr.
int exportVideo(ExhibitSession& session, const fs::path& file, Micros from, Micros to, int fps, sf::Vector2u size) {
    if (auto problem = displayProblem()) {
        std::fprintf(stderr, "vitrine: %s\n", problem->message.c_str());
        return 3;
    }
    ExportOptions options;
    options.path = file;
    options.from = from;
    options.to = to;
    options.fps = fps;
    options.size = size;
    output::ProgressPrinter printer(stderr, ::isatty(STDERR_FILENO) != 0, file.filename().string());
    auto error = exportShow(*session.show(), session.resources(), options, std::ref(printer));
    printer.finish();
    session.reportMediaProblems();
    if (error) {
        std::fprintf(stderr, "vitrine: %s\n", error->message.c_str());
        return 3;
    }
    std::printf("%s: %s from %s to %s at %d fps, %ux%u\n", file.c_str(), fs::path(session.show()->file).filename().c_str(),
                formatClock(from).c_str(), formatClock(to).c_str(), fps, size.x, size.y);
    return 0;
}

}  // namespace

int runStill(const Arguments& args) {
    auto o = Options::parse(args, "still", {"--at", "-o", "--size", "--languages", "--language-mode", "--installation"},
                            {"--reduced-motion"});
    if (!o) return kUsageError;
    if (!o->has("--at") || !o->has("-o")) return usageError("still needs --at TIME|SCENE[+TIME] and -o FILE.png");
    auto languages = languagesOption(*o);
    if (!languages) return kUsageError;
    // --installation FILE: the site's visitors' page, shown by each <visitor-code>, and its
    // reduced motion; a broken file is reported and drawn without (as the player plays it).
    std::string visitorAddress;
    bool reducedMotion = o->has("--reduced-motion");
    if (auto file = o->value("--installation")) {
        Diagnostics problems;
        auto inst = installation::loadInstallation(*file, problems);
        for (const auto& d : problems.all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        if (inst && inst->visitorPage) visitorAddress = inst->visitorPage->address;
        reducedMotion = reducedMotion || (inst && inst->reducedMotion);
    }
    ExhibitSession session(o->file(), reducedMotion, *languages, visitorAddress);
    if (!session.show()) return 2;
    const Show& show = *session.show();
    auto t = loopingPosition(show, *o->value("--at"));
    if (!t) return usageError("--at: " + t.error().message);
    bool sizeOk = false;
    sf::Vector2u size = outputSize(show, *o, sizeOk);
    if (!sizeOk) return kUsageError;
    auto offscreen = session.offscreen(size);
    if (!offscreen) return 3;
    sf::Image image = offscreen->renderAt(*t);
    session.reportMediaProblems(offscreen.get());
    if (auto error = output::savePngAtomically(image, *o->value("-o"))) {
        std::fprintf(stderr, "vitrine: %s\n", error->message.c_str());
        return 3;
    }
    std::printf("%s: %s at %s (scene %s)\n", o->value("-o")->c_str(), fs::path(o->file()).filename().c_str(),
                formatClock(*t).c_str(), show.sceneAt(wrapTime(show, *t)) >= 0 ? show.scenes[show.sceneAt(wrapTime(show, *t))].id.c_str() : "-");
    return 0;
}

int runRender(const Arguments& args) {
    auto o = Options::parse(args, "render", {"--frames", "-o", "--fps", "--from", "--to", "--size", "--languages", "--language-mode"},
                            {"--per-scene", "--reduced-motion"});
    if (!o) return kUsageError;
    if (o->has("--frames") == o->has("-o")) return usageError("render needs one of --frames DIR or -o FILE.mp4");
    if (o->has("-o") && o->has("--per-scene")) return usageError("--per-scene goes with --frames, not -o");
    auto languages = languagesOption(*o);
    if (!languages) return kUsageError;
    ExhibitSession session(o->file(), o->has("--reduced-motion"), *languages);
    if (!session.show()) return 2;
    const Show& show = *session.show();
    int fps = kDefaultFps;
    if (auto v = o->value("--fps")) {
        auto n = parseNumber(*v);
        if (!n || *n < 1 || *n > kMaxFps || *n != std::floor(*n)) return usageError("--fps: '" + *v + "' is not a frame rate from 1 to 240");
        fps = static_cast<int>(*n);
    }
    auto from = positionOption(show, *o, "--from", 0);
    auto to = positionOption(show, *o, "--to", show.duration);
    if (!from || !to) return kUsageError;
    if (*to <= *from) return usageError("--to must be after --from");
    bool sizeOk = false;
    sf::Vector2u size = outputSize(show, *o, sizeOk);
    if (!sizeOk) return kUsageError;
    if (o->has("-o")) return exportVideo(session, *o->value("-o"), *from, *to, fps, size);

    fs::path dir = *o->value("--frames");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "vitrine: cannot create %s: %s\n", dir.c_str(), ec.message().c_str());
        return 3;
    }
    auto offscreen = session.offscreen(size);
    if (!offscreen) return 3;

    std::vector<std::pair<Micros, std::string>> frames;
    if (o->has("--per-scene")) {
        // One still per scene, at its middle: past the transition, before anything leaves.
        for (const auto& s : show.scenes)
            if (s.begin < *to && s.end > *from) frames.emplace_back((s.begin + s.end) / 2, s.id);
    } else {
        auto count = static_cast<std::int64_t>((*to - *from) * fps / kMicrosPerSecond);
        for (std::int64_t i = 0; i < count; ++i) frames.emplace_back(*from + i * kMicrosPerSecond / fps, "");
    }
    int index = 0;
    for (const auto& [t, label] : frames) {
        char name[64];
        std::snprintf(name, sizeof name, "%06d", index++);
        std::string file = std::string(name) + (label.empty() ? "" : "-" + label) + ".png";
        if (auto error = output::savePngAtomically(offscreen->renderAt(t), dir / file)) {
            std::fprintf(stderr, "vitrine: %s\n", error->message.c_str());
            return 3;
        }
        session.reportMediaProblems(offscreen.get());
    }
    std::printf("%d frames written to %s\n", index, dir.c_str());
    return 0;
}

}  // namespace vitrine::app
