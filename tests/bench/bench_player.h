#pragma once
// Benchmark support for runs of the real player against a side effect (the status page
// watching it, phones asking its clock): the same show and window every run, so the only
// difference between the sides is what the bench adds.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"

namespace vitrine::bench {

/// Two 4 s scenes of text fading over coloured backgrounds, 1920x1080: a frame worth
/// drawing, every frame alike. Written as `dir/NAME.xml`; nullptr (said on stderr) if it
/// does not load.
inline std::shared_ptr<const Show> twoSceneShow(const std::filesystem::path& dir, const std::string& name,
                                                const std::string& first, const std::string& second) {
    std::filesystem::create_directories(dir);
    const auto file = dir / (name + ".xml");
    std::ofstream(file) << "<exhibit size=\"1920x1080\" default-transition=\"fade 1s\">"
                           "<style id=\"default\" font=\"serif\" size=\"56\" color=\"#efe6d6\"/>"
                           "<scene id=\"one\" dur=\"4s\" background=\"#202840\"><text x=\"10%\" y=\"40%\" width=\"80%\" fade=\"1s\">"
                        << first
                        << "</text></scene>"
                           "<scene id=\"two\" dur=\"4s\" background=\"#402820\"><text x=\"10%\" y=\"30%\" width=\"80%\" fade=\"1s\">"
                        << second << "</text></scene></exhibit>";
    LoadedExhibit exhibit = loadExhibit(file);
    if (!exhibit.show) {
        std::fprintf(stderr, "bench: %s did not load\n", file.c_str());
        return nullptr;
    }
    return std::make_shared<const Show>(std::move(*exhibit.show));
}

/// A 1920x1080 window, no sound, for `run`, as the installation `operations` runs it.
inline PlayerOptions benchPlayerOptions(control::Operations& operations, Micros run) {
    PlayerOptions options;
    options.window.fullscreen = false;
    options.window.width = 1920;
    options.window.height = 1080;
    options.audio = AudioDevice::Off;
    options.quitAfter = run;
    options.statsInterval = 10 * run;
    options.operations = &operations;
    return options;
}

inline Micros median(std::vector<Micros> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace vitrine::bench
