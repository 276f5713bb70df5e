// Memory over many loops of the Baku exhibit, run faster than real time: the real
// player (window, renderer, image cache, prefetch) at --speed N, with the resident set
// read at each loop boundary (issue: growth from loop 1 to loop 100 < 2 %).

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <string>
#include <vector>

#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "player/resident_memory.h"

namespace vitrine::bench {

int runSoakBench(int loops, double speed) {
    const std::filesystem::path source(VITRINE_SOURCE_DIR);
    CompileOptions compile;
    LoadedExhibit e = loadExhibit(source / "exhibits/baku-1990/exhibit.xml", compile);
    if (!e.show) {
        std::fprintf(stderr, "soak bench: cannot load the Baku exhibit\n");
        return 1;
    }
    render::RenderResources resources;
    std::stop_source stop;
    std::vector<double> rssAtLoop;   // MiB at the start of loop i+2 (after loop i+1)
    std::vector<double> heapAtLoop;  // MiB the C library's allocator had handed out then
    PlayerOptions options;
    options.window.fullscreen = false;
    options.window.width = 640;
    options.window.height = 360;
    options.speed = speed;
    options.audio = AudioDevice::Off;
    options.stop = stop.get_token();
    options.statsInterval = 3600LL * kMicrosPerSecond;  // quiet
    auto log = [&](const std::string& line) {
        if (line.rfind("loop ", 0) != 0) return;
        if (auto rss = residentBytes()) rssAtLoop.push_back(static_cast<double>(*rss) / (1024.0 * 1024.0));
        heapAtLoop.push_back(static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0));
        if (static_cast<int>(rssAtLoop.size()) >= loops) stop.request_stop();
    };
    const double started = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    Player player(std::make_shared<const Show>(*e.show), resources, options, log);
    player.run();
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count() - started;
    if (static_cast<int>(rssAtLoop.size()) < loops) {
        std::fprintf(stderr, "soak bench: only %zu loops completed\n", rssAtLoop.size());
        return 1;
    }
    const double first = rssAtLoop.front(), last = rssAtLoop.back();
    std::printf("soak: %d loops of the Baku exhibit (%.0f s each) at %.0fx speed in %.0f s, 640x360 window, sound off\n",
                loops, static_cast<double>(e.show->duration) / kMicrosPerSecond, speed, took);
    std::printf("  resident memory after loop 1: %.1f MiB, after loop %d: %.1f MiB; growth %+.2f %% (target < 2 %%)\n",
                first, loops, last, (last - first) / first * 100.0);
    // Resident memory that grows while the heap in use does not is the allocator's or the
    // GL driver's keeping, not objects the player forgot.
    for (std::size_t loop : {1u, 10u, 25u, 50u, 75u, 100u})
        if (loop <= rssAtLoop.size())
            std::printf("  after loop %3zu: resident %.1f MiB, heap in use %.1f MiB\n", loop, rssAtLoop[loop - 1],
                        heapAtLoop[loop - 1]);
    return 0;
}

}  // namespace vitrine::bench
