// Benchmark of audio-to-show drift: a show with sound played for ten minutes of show time
// through the real player loop (window under Xvfb, the null audio output), reporting the
// largest and 99th-percentile |show clock − audio clock| for each minute and overall.
// Target: never more than 20 ms.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "render/render_resources.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

constexpr Micros kMinute = 60 * kMicrosPerSecond;
constexpr Micros kTarget = millis(20);

bool ffmpegQuiet(const std::string& args) {
    return std::system(("ffmpeg -nostdin -hide_banner -loglevel error -y " + args).c_str()) == 0;
}

// |drift| at the given fraction of the sorted samples.
Micros percentile(std::vector<Micros> samples, double fraction) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(fraction * static_cast<double>(samples.size())))];
}

}  // namespace

int runDriftBench(int minutes) {
    const fs::path dir = fs::temp_directory_path() / "vitrine-drift-bench";
    fs::create_directories(dir);
    if (minutes < 1) return 2;
    const Micros length = minutes * kMinute;
    // A soft tone under a paragraph: sound for the whole run, and a frame worth drawing.
    const std::string seconds = std::to_string(minutes * 60 + 5);
    if (!ffmpegQuiet("-f lavfi -i sine=frequency=220:sample_rate=48000:duration=" + seconds +
                     " -ac 2 -c:a flac '" + (dir / "tone.flac").string() + "'")) {
        std::fprintf(stderr, "bench: ffmpeg could not make the tone\n");
        return 1;
    }
    std::ofstream(dir / "drift.xml") << "<exhibit size=\"1920x1080\"><scene dur=\"" << seconds << "s\">"
                                     << "<text x=\"10%\" y=\"40%\" width=\"80%\">The show clock follows the sound.</text>"
                                     << "<audio src=\"tone.flac\" role=\"effect\" volume=\"0.2\" credit=\"bench\"/>"
                                     << "</scene></exhibit>";
    LoadedExhibit exhibit = loadExhibit(dir / "drift.xml");
    if (!exhibit.show) {
        std::fprintf(stderr, "bench: the drift exhibit did not load\n");
        return 1;
    }
    auto show = std::make_shared<const Show>(std::move(*exhibit.show));
    render::RenderResources resources;

    std::vector<std::vector<Micros>> perMinute(static_cast<std::size_t>(minutes));
    std::vector<Micros> worstInMinute(static_cast<std::size_t>(minutes), -1), worstAtInMinute(worstInMinute.size(), 0);
    Micros worst = 0, worstAt = 0;
    PlayerOptions options;
    options.window.fullscreen = false;
    options.window.width = 960;
    options.window.height = 540;
    options.loop = false;
    options.audio = AudioDevice::Null;
    options.quitAfter = length;
    options.driftObserver = [&](Micros position, Micros drift) {
        const Micros magnitude = drift < 0 ? -drift : drift;
        auto minute = static_cast<std::size_t>(std::clamp<Micros>(position / kMinute, 0, minutes - 1));
        if (magnitude > worstInMinute[minute]) {
            worstInMinute[minute] = magnitude;
            worstAtInMinute[minute] = position;
        }
        perMinute[minute].push_back(magnitude);
        if (magnitude > worst) {
            worst = magnitude;
            worstAt = position;
        }
    };
    std::vector<std::string> log;
    {
        Player player(show, resources, options, [&](const std::string& line) { log.push_back(line); });
        player.run();
    }

    std::printf("audio-to-show drift, %d min of show time through the player loop, null audio output\n", minutes);
    std::vector<Micros> all;
    for (int m = 0; m < minutes; ++m) {
        const auto& samples = perMinute[static_cast<std::size_t>(m)];
        all.insert(all.end(), samples.begin(), samples.end());
        std::printf("  minute %2d  %6zu samples  max %5.1f ms (at %7.3f s)  p99 %5.1f ms\n", m + 1, samples.size(),
                    samples.empty() ? 0.0 : *std::max_element(samples.begin(), samples.end()) / 1000.0,
                    worstAtInMinute[static_cast<std::size_t>(m)] / 1e6, percentile(samples, 0.99) / 1000.0);
    }
    std::printf("  overall    %6zu samples  max %5.1f ms (at %.3f s)  p99 %5.1f ms   (target max <= %.0f ms)\n", all.size(),
                worst / 1000.0, worstAt / 1e6, percentile(all, 0.99) / 1000.0, kTarget / 1000.0);
    for (const auto& line : log)
        if (line.rfind("stats:", 0) == 0) std::printf("  player %s\n", line.c_str());
    fs::remove_all(dir);
    return 0;
}

}  // namespace vitrine::bench
