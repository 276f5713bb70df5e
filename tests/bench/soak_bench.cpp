// Memory over many loops of the Baku exhibit, run faster than real time: the real
// player (window, renderer, image cache, prefetch) at --speed N, with the resident set
// read at each loop boundary and its peak over each loop (issue: growth from loop 1 to
// loop 100 < 2 %).

#include <malloc.h>
#include "support/build_paths.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <string>
#include <vector>

#include "bench/bench_timer.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "control/resident_memory.h"

namespace vitrine::bench {

int runSoakBench(int loops, double speed) {
    const std::filesystem::path source = vitrine::test::sourceDir();
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
    std::vector<double> peakOfLoop;  // MiB, the most held during loop i+1
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
        // The player resets the peak after logging this line, so it is still this loop's.
        if (auto memory = residentSet()) {
            rssAtLoop.push_back(static_cast<double>(memory->bytes) / (1024.0 * 1024.0));
            peakOfLoop.push_back(static_cast<double>(memory->peakBytes) / (1024.0 * 1024.0));
        }
        heapAtLoop.push_back(static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0));
        if (static_cast<int>(rssAtLoop.size()) >= loops) stop.request_stop();
    };
    const double started = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    Player player(std::make_shared<const Show>(*e.show), resources, options, log);
    if (!resetPeakResident()) {  // loop 1's peak, not the loading's
        std::fprintf(stderr, "soak bench: this system cannot reset the resident peak (/proc/self/clear_refs)\n");
        return 1;
    }
    player.run();
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count() - started;
    if (static_cast<int>(rssAtLoop.size()) < loops) {
        std::fprintf(stderr, "soak bench: only %zu loops completed\n", rssAtLoop.size());
        return 1;
    }
    std::printf("soak: %d loops of the Baku exhibit (%.0f s each) at %.0fx speed in %.0f s, 640x360 window, sound off\n",
                loops, static_cast<double>(e.show->duration) / kMicrosPerSecond, speed, took);
    // What is resident at one instant includes what the GL driver holds for the frames in
    // flight: with llvmpipe that swings by 7-8 MiB from one loop boundary to the next, in
    // two states, while everything the player allocates stays the same. So each figure
    // compares the first ten loops with the last ten: the median of each loop's peak, and
    // the lowest and highest of the samples as loops ended. A leak moves all of them.
    const std::size_t n = rssAtLoop.size(), window = std::min<std::size_t>(10, n / 2);
    auto early = [&](const std::vector<double>& v) { return std::vector<double>(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(window)); };
    auto late = [&](const std::vector<double>& v) { return std::vector<double>(v.end() - static_cast<std::ptrdiff_t>(window), v.end()); };
    auto growth = [](double from, double to) { return (to - from) / from * 100.0; };
    auto line = [&](const char* what, double from, double to, const char* target) {
        std::printf("  %-44s loops 1-%zu: %.1f MiB, loops %zu-%zu: %.1f MiB; growth %+.2f %%%s\n", what, window, from,
                    n - window + 1, n, to, growth(from, to), target);
    };
    line("peak resident memory of a loop, median,", summarise(early(peakOfLoop)).median, summarise(late(peakOfLoop)).median,
         " (target < 2 %)");
    auto lowest = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    auto highest = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
    line("resident memory as a loop ended, lowest,", lowest(early(rssAtLoop)), lowest(late(rssAtLoop)), "");
    line("resident memory as a loop ended, highest,", highest(early(rssAtLoop)), highest(late(rssAtLoop)), "");
    std::printf("  loop 1 alone -> loop %zu alone: peak %+.2f %%, resident as it ended %+.2f %%\n", n,
                growth(peakOfLoop.front(), peakOfLoop.back()), growth(rssAtLoop.front(), rssAtLoop.back()));
    for (std::size_t loop : {1u, 10u, 25u, 50u, 75u, 100u})
        if (loop <= rssAtLoop.size())
            std::printf("  loop %3zu: peak %.1f MiB; as it ended: resident %.1f MiB, heap in use %.1f MiB\n", loop,
                        peakOfLoop[loop - 1], rssAtLoop[loop - 1], heapAtLoop[loop - 1]);
    return 0;
}

}  // namespace vitrine::bench
