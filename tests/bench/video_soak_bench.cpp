// A video-heavy exhibit played through several times, as the player draws it (frames drawn
// with MediaWait::BetweenFrames, uploadAhead() once each is shown, paced in real time):
// the resident memory and the decode threads after each pass, as ratios to what the
// process held before the first clip (the reference, measured in the same run), and the
// draw time of the frame where each clip begins against the median frame's, with how many
// of those frames showed the clip's first picture on time.
// It uses only the renderer's public interface, so it measures any version of it.

#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_timer.h"
#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "control/resident_memory.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine::bench {
namespace {

constexpr int kClips = 16;             // scenes, each one clip of a second
constexpr int kPasses = 4;             // times through the exhibit
constexpr Micros kStep = 40'000;       // show time per frame (25 fps)
constexpr double kSpeed = 2;           // frames are paced at kStep / kSpeed of real time
constexpr Micros kUploadAhead = 3 * kMicrosPerSecond;  // as the player asks

// Threads of this process: each open video has a decode thread.
int threadCount() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return -1;
}

double residentMiB() {
    auto memory = residentSet();
    return memory ? static_cast<double>(memory->bytes) / (1024.0 * 1024.0) : -1;
}

}  // namespace

int runVideoSoakBench() {
    test::TempDir dir;
    if (!test::runFfmpeg("-f lavfi -i testsrc2=size=640x360:rate=25 -t 1 -c:v libx264 -g 25 -pix_fmt yuv420p " +
                         test::quoted(dir / "clip.mp4"))) {
        std::fprintf(stderr, "video-soak bench: ffmpeg could not make a clip\n");
        return 1;
    }
    std::string xml = "<exhibit size=\"1280x720\">";
    for (int i = 0; i < kClips; ++i) {
        const std::string name = "clip" + std::to_string(i) + ".mp4";
        std::filesystem::copy_file(dir / "clip.mp4", dir / name);
        xml += "<scene id=\"c" + std::to_string(i) + "\" dur=\"1s\"><video src=\"" + name + "\" credit=\"test\"/></scene>";
    }
    xml += "</exhibit>";
    std::ofstream(dir / "exhibit.xml") << xml;
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
    if (!e.show) {
        std::fprintf(stderr, "video-soak bench: the exhibit does not load\n");
        return 1;
    }
    const Show& show = *e.show;
    render::RenderResources resources;
    sf::RenderTexture target;
    if (!target.create(640, 360)) {
        std::fprintf(stderr, "video-soak bench: no off-screen target (no display?)\n");
        return 1;
    }
    render::FrameRenderer renderer(show, resources.text(), resources.textures());
    releaseFreeMemory();
    const double referenceMiB = residentMiB();
    const int referenceThreads = threadCount();

    // Per pass: the draw times of frames where a clip begins, of the others, and how many
    // clips showed their first picture on their first frame.
    std::vector<std::vector<double>> startFrames(kPasses), otherFrames(kPasses);
    std::vector<int> onTime(kPasses, 0);
    std::vector<double> passMiB;
    std::vector<int> passThreads;
    const auto period = std::chrono::microseconds(static_cast<Micros>(kStep / kSpeed));
    auto deadline = std::chrono::steady_clock::now();
    const int framesPerPass = static_cast<int>(show.duration / kStep);
    const double started = now();
    for (int pass = 0; pass < kPasses; ++pass) {
        for (int f = 0; f < framesPerPass; ++f) {
            const Micros t = f * kStep;
            const Frame frame = evaluate(show, t);
            const double begin = now();
            renderer.render(frame, target, render::MediaWait::BetweenFrames);
            target.display();
            const double took = now() - begin;
            const bool clipStarts = t % kMicrosPerSecond == 0;
            (clipStarts ? startFrames : otherFrames)[pass].push_back(took);
            if (clipStarts && !renderer.waitingForMedia()) ++onTime[pass];
            deadline += period;
            renderer.uploadAhead(t, t + kUploadAhead, true, target.getSize(),
                                 std::chrono::duration_cast<std::chrono::microseconds>(
                                     std::clamp(deadline - std::chrono::steady_clock::now(),
                                                std::chrono::steady_clock::duration::zero(),
                                                std::chrono::steady_clock::duration(std::chrono::milliseconds(4)))));
            std::this_thread::sleep_until(deadline);
        }
        releaseFreeMemory();
        passMiB.push_back(residentMiB());
        passThreads.push_back(threadCount());
    }
    std::printf("video-soak: %d one-second 640x360 H.264 clips, %d passes at %.0fx speed in %.0f s, 1280x720 canvas "
                "drawn at 640x360\n",
                kClips, kPasses, kSpeed, now() - started);
    std::printf("  reference before the first clip: resident %.1f MiB, %d threads\n", referenceMiB, referenceThreads);
    for (int pass = 0; pass < kPasses; ++pass) {
        const Timing starts = summarise(startFrames[pass]), others = summarise(otherFrames[pass]);
        std::printf("  pass %d: resident %.1f MiB after it (%.2fx the reference), threads %+d; frame where a clip "
                    "begins: median %.2f ms (%.2fx the other frames' %.2f ms), worst %.2f ms (%.2fx); first picture on "
                    "time for %d of %zu clips\n",
                    pass + 1, passMiB[pass], passMiB[pass] / referenceMiB, passThreads[pass] - referenceThreads,
                    starts.median * 1e3, starts.median / others.median, others.median * 1e3, starts.worst * 1e3,
                    starts.worst / others.median, onTime[pass], startFrames[pass].size());
    }
    std::printf("  resident memory, last pass / first pass: %.3fx\n", passMiB.back() / passMiB.front());
    return 0;
}

}  // namespace vitrine::bench
