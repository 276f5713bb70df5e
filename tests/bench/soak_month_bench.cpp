// A month of an installation, run at speed: the real player (window, renderer, image cache,
// prefetch) plays the Baku exhibit from 30 days into its loop, as an installation with daily
// opening hours in America/Toronto, through the change from daylight saving time and a step
// of the wall clock, with the process's resident memory, threads and file descriptors
// sampled every simulated day. A player that runs for months must end the month as it
// began: each figure is printed at the start and the end (flat is the target).
//
// At a speed above 1 the player runs its show clock at that pace and leaves the wall clock
// alone (it would pull the show back); the wall clock given to the installation runs at the
// same pace, so the opening hours, the schedule and the status the player publishes every
// frame go through the month's days, the DST change and the step.

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "control/operations.h"
#include "exhibit/exhibit_loader.h"
#include "installation/civil_time.h"
#include "player/player.h"
#include "control/resident_memory.h"
#include "support/build_paths.h"

namespace vitrine::bench {
namespace {

constexpr std::int64_t kDay = 86'400LL * kMicrosPerSecond;

/// Threads of this process (the "Threads:" line of /proc/self/status), or -1.
int processThreads() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Threads:", 0) == 0) return std::atoi(line.c_str() + 8);
    return -1;
}

/// Open file descriptors of this process (entries of /proc/self/fd), or -1.
int openDescriptors() {
    std::error_code ec;
    int count = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++count;
    return ec ? -1 : count;
}

struct Sample {
    double residentMiB = 0;
    double heapMiB = 0;  // what the C library's allocator has handed out
    int threads = 0;
    int descriptors = 0;
};

Sample sample() {
    Sample s;
    if (auto memory = residentSet()) s.residentMiB = static_cast<double>(memory->bytes) / (1024.0 * 1024.0);
    s.heapMiB = static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0);
    s.threads = processThreads();
    s.descriptors = openDescriptors();
    return s;
}

}  // namespace

int runSoakMonthBench(int days, double speed) {
    // The civil-time code reads the machine's zone through localtime_r.
    setenv("TZ", "America/Toronto", 1);
    tzset();
    const std::filesystem::path source = vitrine::test::sourceDir();
    CompileOptions compile;
    LoadedExhibit e = loadExhibit(source / "exhibits/baku-1990/exhibit.xml", compile);
    if (!e.show) {
        std::fprintf(stderr, "soak-month bench: cannot load the Baku exhibit\n");
        return 1;
    }

    // From 2026-10-15 00:00 in Toronto (04:00 UTC, daylight time) for `days` days: daylight
    // saving time ends on 2026-11-01 at 02:00. Halfway through, the wall clock steps back
    // 90 s, as a time server's correction would.
    const std::int64_t simulatedStart = installation::daysFromCivil({2026, 10, 15}) * kDay + 4LL * 3600 * kMicrosPerSecond;
    const std::int64_t stepAt = simulatedStart + days * kDay / 2;
    constexpr std::int64_t kStep = -90LL * kMicrosPerSecond;
    const auto realStart = std::chrono::steady_clock::now();
    auto simulatedNow = [=] {
        const auto real = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - realStart).count();
        const std::int64_t now = simulatedStart + static_cast<std::int64_t>(static_cast<double>(real) * speed);
        return now >= stepAt ? now + kStep : now;
    };

    installation::Installation inst;
    inst.hours.always = false;
    for (auto& day : inst.hours.weekly) day = {installation::DaySpan{10 * 3600, 18 * 3600}};
    inst.startEpoch = simulatedStart - 30 * kDay;  // the show has been looping for 30 days
    std::mutex logMutex;
    int loops = 0;
    control::Operations operations(inst, [](const std::string&) {}, simulatedNow);

    render::RenderResources resources;
    std::stop_source stop;
    PlayerOptions options;
    options.window.fullscreen = false;
    options.window.width = 640;
    options.window.height = 360;
    options.speed = speed;
    options.start = 30 * kDay;  // the show clock 30 days in
    options.audio = AudioDevice::Off;
    options.operations = &operations;
    options.stop = stop.get_token();
    options.statsInterval = 3600LL * kMicrosPerSecond;  // quiet
    auto log = [&](const std::string& line) {
        if (line.rfind("loop ", 0) != 0) return;
        std::lock_guard lock(logMutex);
        ++loops;
    };
    Player player(std::make_shared<const Show>(*e.show), resources, options, log);

    std::vector<Sample> samples;
    std::printf("soak-month: %d days of the Baku exhibit (%.0f s a loop) at %.0fx, 640x360 window, sound off,\n"
                "  opening hours 10:00-18:00 daily in America/Toronto from 2026-10-15 (DST ends 2026-11-01),\n"
                "  the wall clock stepped back 90 s on day %d; show clock from 30 days in\n",
                days, static_cast<double>(e.show->duration) / kMicrosPerSecond, speed, days / 2 + 1);
    std::jthread sampler([&](std::stop_token) {
        // Each simulated hour: whether the hours say open; each simulated day: the figures.
        int openHours = 0;
        for (int hour = 0; hour <= days * 24 && !stop.stop_requested(); ++hour) {
            const auto due = realStart + std::chrono::microseconds(static_cast<std::int64_t>(hour * 3600.0 * kMicrosPerSecond / speed));
            std::this_thread::sleep_until(due);
            if (hour % 24 == 0) {
                const Sample s = sample();
                samples.push_back(s);
                const std::int64_t now = simulatedNow() / kMicrosPerSecond;
                const installation::LocalTime local = control::localTimeAt(now);
                const installation::CivilDate date = installation::civilFromDays(local.day);
                int loopsNow;
                {
                    std::lock_guard lock(logMutex);
                    loopsNow = loops;
                }
                std::printf("  day %2d  %04d-%02d-%02d %02d:%02d local  open %2d h the day before  loops %6d  "
                            "resident %6.1f MiB  heap %6.1f MiB  threads %3d  fds %3d\n",
                            hour / 24, date.year, date.month, date.day, local.second / 3600, local.second / 60 % 60,
                            openHours, loopsNow, s.residentMiB, s.heapMiB, s.threads, s.descriptors);
                std::fflush(stdout);
                openHours = 0;
            }
            if (operations.openNow()) ++openHours;
        }
        stop.request_stop();
    });
    player.run();
    sampler.request_stop();
    sampler.join();
    if (samples.size() < 2) {
        std::fprintf(stderr, "soak-month bench: the player stopped before a day had passed\n");
        return 1;
    }
    // Day 0 is sampled as the player opens its window; from day 1 it has played a day.
    const Sample& first = samples[1];
    const Sample& last = samples.back();
    std::printf("  day 1 -> day %zu: resident %.1f -> %.1f MiB (%+.2f %%), heap in use %.1f -> %.1f MiB (%+.2f %%), "
                "threads %d -> %d, file descriptors %d -> %d\n",
                samples.size() - 1, first.residentMiB, last.residentMiB, (last.residentMiB - first.residentMiB) / first.residentMiB * 100.0,
                first.heapMiB, last.heapMiB, (last.heapMiB - first.heapMiB) / first.heapMiB * 100.0, first.threads, last.threads,
                first.descriptors, last.descriptors);
    // The heap in use swings with the pictures cached at the sampled instant (which scene it
    // falls on); what is resident beside the heap (code, GL driver, stacks) should not move.
    std::printf("  resident less heap: day 1 %.1f MiB, day %zu %.1f MiB (%+.2f MiB)\n", first.residentMiB - first.heapMiB,
                samples.size() - 1, last.residentMiB - last.heapMiB,
                (last.residentMiB - last.heapMiB) - (first.residentMiB - first.heapMiB));
    // A leak moves the lowest and the highest of a week alike.
    const std::size_t week = std::min<std::size_t>(7, (samples.size() - 1) / 2);
    auto range = [&](std::size_t from) {
        double low = samples[from].residentMiB, high = low;
        for (std::size_t i = from; i < from + week; ++i) {
            low = std::min(low, samples[i].residentMiB);
            high = std::max(high, samples[i].residentMiB);
        }
        return std::pair{low, high};
    };
    const auto [earlyLow, earlyHigh] = range(1);
    const auto [lateLow, lateHigh] = range(samples.size() - week);
    std::printf("  resident, days 1-%zu: %.1f-%.1f MiB; days %zu-%zu: %.1f-%.1f MiB\n", week, earlyLow, earlyHigh,
                samples.size() - week, samples.size() - 1, lateLow, lateHigh);
    return 0;
}

}  // namespace vitrine::bench
