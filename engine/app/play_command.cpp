// vitrine play: the exhibit on a projector.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/commands.h"
#include "app/exhibit_session.h"
#include "app/options.h"
#include "control/operations.h"
#include "installation/installation.h"
#include "player/player.h"
#include "timeline/show_position.h"

namespace vitrine::app {

int runPlay(const Arguments& args) {
    const auto launchedAt = std::chrono::steady_clock::now();
    auto o = Options::parse(args, "play", {"--start", "--display", "--quit-after", "--audio", "--capture-audio", "--installation"}, {"--once"}, {"--windowed"});
    if (!o) return kUsageError;
    if (auto display = o->value("--display")) setenv("DISPLAY", display->c_str(), 1);
    if (!haveDisplay()) {
        std::fprintf(stderr, "vitrine: no display to play on. Use 'vitrine still' or 'vitrine render' to see frames "
                             "without one.\n");
        return 3;
    }
    ExhibitSession session(o->file());
    if (!session.show()) return 2;
    const Show& show = *session.show();
    PlayerOptions options;
    options.launchedAt = launchedAt;
    options.loop = !o->has("--once");
    if (auto q = o->value("--quit-after")) {
        auto t = parseTimeValue(*q);
        if (!t || *t < 0) return usageError("--quit-after: '" + *q + "' is not a time");
        options.quitAfter = *t;
    }
    if (auto start = o->value("--start")) {
        std::string why;
        auto t = resolvePosition(show, *start, &why);
        if (!t) return usageError("--start: " + why);
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
    if (auto file = o->value("--installation")) {
        // A broken installation file is reported, never fatal: the show plays with defaults.
        Diagnostics diagnostics;
        auto inst = installation::loadInstallation(*file, diagnostics);
        for (const auto& d : diagnostics.all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        if (!inst || diagnostics.hasErrors()) log("installation file has errors; playing with its defaults where they apply");
        operations = std::make_unique<control::Operations>(inst.value_or(installation::Installation{}), log);
        for (const auto& problem : operations->startServers()) log(problem);
        options.operations = operations.get();
    }
    Player player(show, session.resources(), options, log);
    player.run();
    return 0;
}

}  // namespace vitrine::app
