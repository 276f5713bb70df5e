// vitrine play: the exhibit on a projector.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "app/commands.h"
#include "app/exhibit_session.h"
#include "app/options.h"
#include "control/operations.h"
#include "control/running_installation.h"
#include "installation/installation.h"
#include "installation/saved_keystones.h"
#include "visitor/visitor_companion.h"
#include "power/display_probe.h"
#include "player/advisory_scene.h"
#include "player/language_choice.h"
#include "player/sign_language_inset.h"
#include "player/show_loading.h"
#include "player/player.h"
#include "timeline/show_position.h"

namespace vitrine::app {

namespace {

// At boot the player can start before the X server answers (a display manager still
// starting). SFML would abort then, and under Restart=always that is a core dump a second:
// wait for the display instead, saying so once, and again every minute.
constexpr auto kDisplayRetry = std::chrono::seconds(1);
constexpr int kRetriesBetweenReminders = 60;

void waitForDisplay(const std::string& name) {
    if (power::displayAnswers(name)) return;
    const auto since = std::chrono::steady_clock::now();
    auto waited = [&] {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - since).count();
    };
    std::fprintf(stderr, "vitrine: the display %s does not answer yet; waiting for its X server\n", name.c_str());
    for (int tries = 1; !power::displayAnswers(name); ++tries) {
        std::this_thread::sleep_for(kDisplayRetry);
        if (tries % kRetriesBetweenReminders == 0)
            std::fprintf(stderr, "vitrine: still waiting for the display %s (%llds)\n", name.c_str(),
                         static_cast<long long>(waited()));
    }
    std::fprintf(stderr, "vitrine: the display %s answers, after %llds\n", name.c_str(),
                 static_cast<long long>(waited()));
}

// Beyond this a frame would skip whole scenes even at 60 fps.
constexpr double kMaxSpeed = 1000;
}  // namespace

int runPlay(const Arguments& args) {
    const auto launchedAt = std::chrono::steady_clock::now();
    auto o = Options::parse(args, "play",
                            {"--start", "--display", "--quit-after", "--audio", "--capture-audio", "--installation", "--speed"},
                            {"--once", "--calibrate"}, {"--windowed"});
    if (!o) return kUsageError;
    if (auto display = o->value("--display")) setenv("DISPLAY", display->c_str(), 1);
    if (power::displayName().empty()) {
        std::fprintf(stderr, "vitrine: no display to play on. Use 'vitrine still' or 'vitrine render' to see frames "
                             "without one.\n");
        return 3;
    }
    waitForDisplay(power::displayName());
    // The installation first: it says how the exhibit is compiled (reduced motion).
    const std::optional<std::string> installationFile = o->value("--installation");
    std::optional<installation::Installation> inst;
    Diagnostics installationProblems;
    if (installationFile) {
        // A broken installation file is reported, never fatal: the show plays with defaults.
        inst = installation::loadInstallation(*installationFile, installationProblems);
        // Corners saved by calibration (where the player's user can write) replace the file's own.
        if (inst) installation::applySavedKeystones(*inst, installation::keystoneSaveFile(*installationFile), installationProblems);
        for (const auto& d : installationProblems.all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    }
    const bool reducedMotion = inst && inst->reducedMotion;
    const std::string visitorAddress = inst && inst->visitorPage ? inst->visitorPage->address : std::string();
    // Every language as compiled: the player applies the site's (and the visitors' page shows all).
    ExhibitSession session(o->file(), reducedMotion, std::nullopt, visitorAddress);
    if (!session.show()) return 2;
    const Show& show = *session.show();
    PlayerOptions options;
    if (auto speed = o->value("--speed")) {
        char* end = nullptr;
        double v = std::strtod(speed->c_str(), &end);
        if (end == speed->c_str() || *end != '\0' || !(v > 0) || v > kMaxSpeed)
            return usageError("--speed: '" + *speed + "' is not a number between 0 and " + std::to_string(static_cast<int>(kMaxSpeed)));
        options.speed = v;
    }
    options.launchedAt = launchedAt;
    options.loop = !o->has("--once");
    if (auto q = o->value("--quit-after")) {
        auto t = parseTimeValue(*q);
        if (!t || *t < 0) return usageError("--quit-after: '" + *q + "' is not a time");
        options.quitAfter = *t;
    }
    if (auto start = o->value("--start")) {
        auto t = resolvePosition(show, *start);
        if (!t) return usageError("--start: " + t.error().message);
        options.start = *t;
    }
    // With no sound card (CI, a test rig) OpenAL is told ALSOFT_DRIVERS=null: mix at real-time
    // pace without it, which keeps the audio clock honest and the log quiet.
    const char* drivers = std::getenv("ALSOFT_DRIVERS");
    options.audio = drivers && std::string(drivers) == "null" ? AudioDevice::Null : AudioDevice::SoundCard;
    if (auto a = o->value("--audio")) {
        if (*a == "device") options.audio = AudioDevice::SoundCard;
        else if (*a == "null") options.audio = AudioDevice::Null;
        else if (*a == "off") options.audio = AudioDevice::Off;
        else return usageError("--audio: '" + *a + "' is not one of device, null, off");
    }
    if (auto c = o->value("--capture-audio")) options.audioCapture = *c;
    if (o->has("--windowed")) {
        options.window.fullscreen = false;
        if (auto size = parseOutputSize(*o->value("--windowed"))) {
            options.window.width = size->first;
            options.window.height = size->second;
        } else if (!o->value("--windowed")->empty()) {
            return usageError("--windowed: '" + *o->value("--windowed") + "' is not a size like 1280x720");
        }
    }
    // stdio writes whole lines atomically, so the control servers' threads may log too.
    auto log = [](const std::string& line) { std::fprintf(stderr, "vitrine: %s\n", line.c_str()); };
    std::unique_ptr<control::Operations> operations;
    if (installationFile) {
        if (!inst || installationProblems.hasErrors()) log("installation file has errors; playing with its defaults where they apply");
        operations = std::make_unique<control::Operations>(
            control::runningInstallation(*installationFile, std::move(inst), installationProblems), log);
        for (const auto& problem : operations->startServers()) log(problem);
        options.operations = operations.get();
        options.volume = operations->installation().volume;
        if (session.exhibit().script) operations->setAdvisoryStart(advisoryStart(*session.exhibit().script, show));
    } else if (o->has("--calibrate")) {
        return usageError("--calibrate needs --installation FILE: it says which outputs there are to calibrate");
    }
    options.calibrate = o->has("--calibrate");
    // The visitors' phone page (<visitor-page>), with every language the exhibit has.
    std::unique_ptr<visitor::VisitorCompanion> companion;
    if (operations && operations->installation().visitorPage) {
        const auto& page = *operations->installation().visitorPage;
        companion = std::make_unique<visitor::VisitorCompanion>(show, log);
        if (auto e = companion->start(page)) {
            log("visitor page: " + e->message);
            operations->setProblems("visitor page", {"visitor page: " + e->message});
            companion.reset();
        } else {
            log("visitor page on " + page.bindAddress + ":" + std::to_string(companion->port()));
            operations->onFrame([c = companion.get()](const control::PlayerStatus& s, std::int64_t at) { c->follow(s, at); });
        }
    }
    if (operations) {
        options.languages.text = operations->installation().languages;
        options.languages.captions = operations->installation().captionLanguages;
        options.languages.mode = operations->installation().languageMode;
    }
    // Reload reads the exhibit again with one set of compile options, so media durations
    // and map data unchanged on disk are not read again (the player applies the languages).
    const std::filesystem::path exhibitFile = o->file();
    CompileOptions compile = mediaAwareOptions();
    compile.reducedMotion = reducedMotion;
    compile.visitorAddress = visitorAddress;
    // The sign-language inset is the site's: drawn in its region, or not at all.
    std::optional<installation::SignLanguageInset> signLanguage;
    if (operations) signLanguage = operations->installation().signLanguage;
    // The reloaded show has every language (the player applies the site's): the visitors'
    // page publishes them all.
    options.reload = [exhibitFile, signLanguage, compile = std::move(compile),
                      c = companion.get()]() -> Result<ReloadedShow> {
        auto reloaded = reloadShow(exhibitFile, compile, signLanguage);
        if (reloaded && c) c->showChanged(*reloaded->show);
        return reloaded;
    };
    Player player(std::make_shared<const Show>(placeSignLanguage(show, signLanguage)),
                  session.resources(), std::move(options), log);
    player.run();
    return 0;
}

}  // namespace vitrine::app
