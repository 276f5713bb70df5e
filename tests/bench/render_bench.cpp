// Benchmarks of drawing, each a ratio to a reference measured in the same run:
//  - a crossfade of two full-canvas images with pan-zoom plus a paragraph, against a
//    minimal SFML program drawing the same sprites and text;
//  - the worst frame while a 6000x4000 JPEG arrives, against the median frame.

#include <GL/gl.h>
#include "support/build_paths.h"
#include <SFML/Graphics.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "bench/bench_timer.h"
#include "exhibit/exhibit_loader.h"
#include "player/player.h"
#include "render/frame_renderer.h"
#include "render/image_draw_size.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

const char* kParagraph =
    "The Baku Pogroms refer to a week-long wave of organized violence, looting, and killings carried out against "
    "the Armenian population of Baku, the capital of Soviet Azerbaijan, from January 13 to 19, 1990.";

bool ffmpeg(const std::string& args) {
    return std::system(("ffmpeg -nostdin -loglevel error -y " + args).c_str()) == 0;
}

void writeFile(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// Waits for the GPU (llvmpipe renders on flush) so a frame's time is its real cost.
void finish(sf::RenderTexture& rt) {
    rt.display();
    glFinish();
}

// The exhibit the crossfade is measured on, and the same picture drawn by hand.
struct CrossfadeOurs {
    LoadedExhibit exhibit;
    render::RenderResources resources;
    std::unique_ptr<render::FrameRenderer> renderer;
    sf::RenderTexture rt;

    explicit CrossfadeOurs(const fs::path& dir) {
        writeFile(dir / "crossfade.xml",
                  std::string("<exhibit size=\"1920x1080\">"
                              "<style id=\"default\" font=\"serif\" size=\"44\" color=\"#efe6d6\"/>"
                              "<scene id=\"a\" dur=\"20s\"><image src=\"a.png\" credit=\"b\" fit=\"cover\" panzoom=\"0,0,100%,100% -> 10%,10%,80%,80%\"/></scene>"
                              "<scene id=\"b\" dur=\"20s\" transition=\"fade 15s\"><image src=\"b.png\" credit=\"b\" fit=\"cover\" panzoom=\"0,0,100%,100% -> 10%,10%,80%,80%\"/>"
                              "<text x=\"10%\" y=\"60%\" width=\"60%\">") + kParagraph + "</text></scene></exhibit>");
        exhibit = loadExhibit(dir / "crossfade.xml");
        renderer = std::make_unique<render::FrameRenderer>(*exhibit.show, resources.text(), resources.textures());
        rt.create(1920, 1080);
        // Warm: decode and upload both images.
        renderer->render(evaluate(*exhibit.show, seconds(21)), rt, render::MediaWait::Always);
        finish(rt);
    }
    void frame(int i) {
        renderer->render(evaluate(*exhibit.show, seconds(21) + i * 16'667), rt);
        finish(rt);
    }
};

struct CrossfadeMinimalSfml {
    sf::Texture a, b;
    sf::Font font;
    sf::Text text;
    sf::RenderTexture rt;

    explicit CrossfadeMinimalSfml(const fs::path& dir) {
        a.loadFromFile((dir / "a.png").string());
        b.loadFromFile((dir / "b.png").string());
        a.setSmooth(true);
        b.setSmooth(true);
        font.loadFromFile((vitrine::test::sourceDir() / "assets/fonts/NotoSerif-Regular.ttf").string());
        text = sf::Text(kParagraph, font, 44);
        text.setPosition(192, 648);
        rt.create(1920, 1080);
        frame(0);
    }
    void frame(int i) {
        double p = (i * 16'667.0) / 15e6;
        double zoom = 1 - 0.2 * p;
        sf::Sprite sa(a), sb(b);
        for (sf::Sprite* s : {&sa, &sb}) {
            s->setTextureRect(sf::IntRect(int(192 * p), int(108 * p), int(1920 * zoom), int(1080 * zoom)));
            s->setScale(float(1 / zoom), float(1 / zoom));
        }
        sb.setColor(sf::Color(255, 255, 255, sf::Uint8(255 * p)));
        text.setFillColor(sf::Color(0xef, 0xe6, 0xd6, sf::Uint8(255 * p)));
        rt.clear();
        rt.draw(sa);
        rt.draw(sb);
        rt.draw(text);
        finish(rt);
    }
};

// Frames of the two are interleaved, so a change in the shared machine's load while
// the benchmark runs weighs on both alike.
void crossfade(const fs::path& dir, int frames) {
    CrossfadeMinimalSfml reference(dir);
    CrossfadeOurs ours(dir);
    std::vector<double> referenceSamples, ourSamples;
    auto timed = [](auto& program, int i) {
        double start = now();
        program.frame(i);
        return now() - start;
    };
    for (int i = 0; i < frames; ++i) {
        // Alternating which goes first, so neither always finds the other's work in the caches.
        if (i % 2 == 0) {
            referenceSamples.push_back(timed(reference, i));
            ourSamples.push_back(timed(ours, i));
        } else {
            ourSamples.push_back(timed(ours, i));
            referenceSamples.push_back(timed(reference, i));
        }
    }
    double r = summarise(referenceSamples).median, o = summarise(ourSamples).median;
    std::printf("crossfade 1080p: two pan-zoomed images + paragraph (frames interleaved)\n");
    std::printf("  minimal SFML program     median %6.2f ms\n", r * 1e3);
    std::printf("  vitrine FrameRenderer    median %6.2f ms   ratio %.2fx (target <= 1.15x)\n", o * 1e3, o / r);
}

// What each frame of one arrival was doing, and how long it took, by its index: the
// picture is asked for at the same frame in every run.
enum class ArrivalPhase { Before, Arriving, Shown };
struct ArrivalFrame {
    ArrivalPhase phase;
    double seconds;
};
struct ArrivalRun {
    bool failed = false;
    std::vector<ArrivalFrame> frames;  // frames[i] is frame i + 1

    std::vector<double> timesIn(ArrivalPhase phase) const {
        std::vector<double> times;
        for (const ArrivalFrame& f : frames)
            if (f.phase == phase) times.push_back(f.seconds);
        return times;
    }
    bool measured() const {
        return !failed && !timesIn(ArrivalPhase::Before).empty() && !timesIn(ArrivalPhase::Arriving).empty();
    }
};

ArrivalRun imageArrival(const fs::path& dir, bool details) {
    writeFile(dir / "arrival.xml",
              std::string("<exhibit size=\"1920x1080\"><style id=\"default\" size=\"44\"/>"
                          "<scene dur=\"60s\"><text x=\"10%\" y=\"10%\" width=\"60%\">") + kParagraph +
                  "</text><image src=\"big.jpg\" credit=\"b\" begin=\"1s\" fit=\"cover\" "
                  "panzoom=\"0,0,100%,100% -> 10%,10%,80%,80%\"/></scene></exhibit>");
    LoadedExhibit e = loadExhibit(dir / "arrival.xml");
    const Item* image = nullptr;
    for (const Item& item : e.show->items)
        if (item.kind == ItemKind::Image) image = &item;
    const std::string src = image->src;
    render::RenderResources resources(text::bundledFontsDirectory(),
                                      render::RenderResources::maxImageDimensionFor(e.show->canvas));
    render::FrameRenderer renderer(*e.show, resources.text(), resources.textures());
    sf::RenderTexture rt;
    rt.create(1920, 1080);
    // Warm: the first frame loads fonts and compiles shaders, which is launch, not arrival.
    renderer.render(evaluate(*e.show, 0), rt);
    finish(rt);
    ArrivalRun run;
    std::vector<double> all, uploads, busy;
    std::size_t framesShown = 0;
    // VITRINE_BENCH_TRACE=1 prints each frame: drawing calls, then the GPU finishing them.
    const bool trace = std::getenv("VITRINE_BENCH_TRACE") != nullptr;
    constexpr Micros kImageBegins = 1'000'000;
    constexpr std::size_t kFramesShown = 60;
    constexpr double kPeriod = 1.0 / 60;
    for (int i = 1; i < 900 && framesShown < kFramesShown; ++i) {
        Micros t = i * 16'667;
        // As the player draws: no decode begun while the frame is drawn...
        resources.images().holdNewDecodes();
        // Whether this frame draws the picture whole (untimed, and a lookup uploads nothing).
        bool complete = false;
        if (t >= kImageBegins) {
            render::TextureLookup lookup =
                resources.textures().lookup(src, render::imageDrawSize(*image, renderer.viewportFor(rt.getSize()).scale));
            if (lookup.failed()) {
                std::fprintf(stderr, "bench: %s: %s\n", src.c_str(), lookup.error->message.c_str());
                run.failed = true;
                return run;
            }
            complete = lookup.texture != nullptr;
        }
        double start = now();
        // ...and only what is on the GPU, no upload in the frame.
        renderer.render(evaluate(*e.show, t), rt, render::MediaWait::BetweenFrames);
        double drawn = now();
        finish(rt);
        double took = now() - start;
        all.push_back(took);
        resources.images().startHeldDecodes();
        // As the player uploads once the frame is shown: in the time left before the next.
        // Only what is on screen, not the player's 3 s ahead: the picture is asked for when
        // it is due, as after a jump, so its whole decode and upload run beside frames.
        const double uploadStart = now();
        const auto untilNext = std::chrono::duration<double>(start + kPeriod - uploadStart);
        renderer.uploadAhead(t, t, false, rt.getSize(),
                             uploadTimeBetweenFrames(std::chrono::duration_cast<std::chrono::steady_clock::duration>(untilNext)));
        uploads.push_back(now() - uploadStart);
        busy.push_back(now() - start);
        run.frames.push_back({t < kImageBegins ? ArrivalPhase::Before : complete ? ArrivalPhase::Shown : ArrivalPhase::Arriving, took});
        if (complete) ++framesShown;
        if (trace)
            std::printf("frame %3d  calls %6.2f ms  gpu %6.2f ms  upload after %6.2f ms  textures %4zu MB  decoding %zu%s\n",
                        i, (drawn - start) * 1e3, (took - (drawn - start)) * 1e3, uploads.back() * 1e3,
                        resources.textures().bytesHeld() >> 20, resources.images().pendingCount(),
                        complete ? "  shown" : "");
        // The frame loop runs at the display's pace; the decoder runs meanwhile.
        sf::sleep(sf::microseconds(std::max(0, static_cast<int>((start + kPeriod - now()) * 1e6))));
    }
    if (!details) return run;
    const std::vector<double> before = run.timesIn(ArrivalPhase::Before), arriving = run.timesIn(ArrivalPhase::Arriving),
                              shown = run.timesIn(ArrivalPhase::Shown);
    Timing t = summarise(all), a = summarise(arriving), s = summarise(shown), b = summarise(before);
    // Each frame is judged against the median of frames doing the same drawing: a frame that
    // uploads against frames before the picture began, a frame showing the picture against
    // frames showing it. (All frames mixed are no yardstick: on a software renderer a
    // full-screen picture costs several text-only frames.)
    std::printf("image arrival: 6000x4000 JPEG decoded and uploaded while %zu frames ran\n", all.size());
    std::printf("  before it began (%zu frames):   median %6.2f ms, worst %6.2f ms (this machine's jitter %.2fx)\n",
                before.size(), b.median * 1e3, b.worst * 1e3, b.worst / b.median);
    std::printf("  while it arrived (%zu frames):  median %6.2f ms, worst %6.2f ms, p95 %6.2f ms\n", arriving.size(),
                a.median * 1e3, a.worst * 1e3, a.p95 * 1e3);
    std::printf("  showing it (%zu frames):        median %6.2f ms, worst %6.2f ms\n", shown.size(), s.median * 1e3,
                s.worst * 1e3);
    std::printf("  worst arriving / median before %.2fx, worst shown / median shown %.2fx (target <= 1.5x); "
                "p95 arriving / median before %.2fx\n",
                a.worst / b.median, s.worst / s.median, a.p95 / b.median);
    std::printf("  (all frames mixed: median %.2f ms, worst %.2f ms)\n", t.median * 1e3, t.worst * 1e3);
    // The uploads are work too: they must fit in the frame period with the frame.
    const Timing u = summarise(uploads), w = summarise(busy);
    const auto over = std::count_if(busy.begin(), busy.end(), [&](double b) { return b > kPeriod; });
    const auto overAlone = std::count_if(all.begin(), all.end(), [&](double b) { return b > kPeriod; });
    std::printf("  uploads once each frame was shown: median %.2f ms, worst %.2f ms; frame + upload worst %.2f ms, "
                "%td of %zu over the %.1f ms period (%td by the frame alone)\n",
                u.median * 1e3, u.worst * 1e3, w.worst * 1e3, over, busy.size(), kPeriod * 1e3, overAlone);
    return run;
}

// The median, at each frame index, of that frame's time in the runs where it was in the
// given phase (the upper median for an even count); indices where fewer than half the runs
// were in it are left out.
struct FrameMedian {
    std::size_t frame;  // its index, the same in every run
    double seconds;
};
std::vector<FrameMedian> medianFramesAcrossRuns(const std::vector<ArrivalRun>& runs, ArrivalPhase phase) {
    std::size_t length = 0;
    for (const ArrivalRun& run : runs) length = std::max(length, run.frames.size());
    std::vector<FrameMedian> medians;
    for (std::size_t i = 0; i < length; ++i) {
        std::vector<double> samples;
        for (const ArrivalRun& run : runs)
            if (i < run.frames.size() && run.frames[i].phase == phase) samples.push_back(run.frames[i].seconds);
        // Near the end of the arrival only the slower runs are still arriving, so the last
        // indices lean slow: this errs against us.
        if (2 * samples.size() >= runs.size()) medians.push_back({i, summarise(samples).median});
    }
    return medians;
}

double medianOf(const std::vector<FrameMedian>& frames) {
    std::vector<double> seconds;
    for (const FrameMedian& f : frames) seconds.push_back(f.seconds);
    return summarise(seconds).median;
}

FrameMedian slowest(const std::vector<FrameMedian>& frames) {
    return *std::max_element(frames.begin(), frames.end(),
                             [](const FrameMedian& a, const FrameMedian& b) { return a.seconds < b.seconds; });
}

// A worst frame is one sample of this machine's jitter as much as of the arrival. A plain
// loop of 2 ms of arithmetic, with no GL, no files and no threads of ours, has a worst frame
// 1.05-3.6x its median in windows of 60 frames on this two-core virtual machine. So the
// arrival is repeated, each time with fresh caches, and two measures are given:
//  - each run's worst arriving frame, over the median frame before the picture was asked
//    for; the median of the runs;
//  - the same ratio with each frame's time the median of its times across the runs: the
//    picture is asked for at the same frame in every run, so a cost the arrival brings
//    falls on about the same frames every time and stays in the per-frame median, while
//    the machine's hiccups, which fall on any frame, drop out. The same measure over the
//    frames before the picture shows what is left of the jitter.
void imageArrivals(const fs::path& dir) {
    constexpr int kRuns = 9;
    std::vector<ArrivalRun> runs;
    std::vector<double> worst, p95, jitter;
    for (int r = 0; r < kRuns; ++r) {
        runs.push_back(imageArrival(dir, r == 0));
        if (!runs.back().measured()) return;
        const Timing b = summarise(runs.back().timesIn(ArrivalPhase::Before)),
                     a = summarise(runs.back().timesIn(ArrivalPhase::Arriving));
        worst.push_back(a.worst / b.median);
        p95.push_back(a.p95 / b.median);
        jitter.push_back(b.worst / b.median);
    }
    auto range = [](const std::vector<double>& v) {
        const Timing t = summarise(v);
        char text[64];
        std::snprintf(text, sizeof text, "%.2fx (runs %.2f-%.2fx)", t.median, *std::min_element(v.begin(), v.end()), t.worst);
        return std::string(text);
    };
    std::printf("image arrival, %d runs, median of the runs:\n", kRuns);
    std::printf("  worst arriving / median before %s (target <= 1.5x)\n", range(worst).c_str());
    std::printf("  p95 arriving / median before   %s\n", range(p95).c_str());
    std::printf("  worst before / median before   %s: this machine's jitter, no picture involved\n", range(jitter).c_str());
    const std::vector<FrameMedian> before = medianFramesAcrossRuns(runs, ArrivalPhase::Before);
    const std::vector<FrameMedian> arriving = medianFramesAcrossRuns(runs, ArrivalPhase::Arriving);
    if (before.empty() || arriving.empty()) return;  // no frame in the same phase in half the runs
    const double beforeMedian = medianOf(before);
    const FrameMedian worstArriving = slowest(arriving), worstBefore = slowest(before);
    std::printf("image arrival, each frame the median of its times across the runs (%zu frames arriving in at least half of them):\n",
                arriving.size());
    std::printf("  worst arriving / median before %.2fx (target <= 1.5x), at frame %zu of the arrival; "
                "arriving median / median before %.2fx\n",
                worstArriving.seconds / beforeMedian, worstArriving.frame - arriving.front().frame + 1,
                medianOf(arriving) / beforeMedian);
    std::printf("  worst before / median before   %.2fx: what is left of the machine's jitter\n",
                worstBefore.seconds / beforeMedian);
}

}  // namespace

int runRenderBench() {
    fs::path dir = fs::temp_directory_path() / "vitrine-bench";
    fs::create_directories(dir);
    if (!ffmpeg("-f lavfi -i testsrc2=size=1920x1080 -frames:v 1 " + (dir / "a.png").string()) ||
        !ffmpeg("-f lavfi -i smptehdbars=size=1920x1080 -frames:v 1 " + (dir / "b.png").string()) ||
        !ffmpeg("-f lavfi -i testsrc2=size=6000x4000 -frames:v 1 -q:v 3 " + (dir / "big.jpg").string())) {
        std::fprintf(stderr, "bench: ffmpeg could not make the test images\n");
        return 1;
    }
    constexpr int kFrames = 120;
    // VITRINE_BENCH_CASE=crossfade|arrival runs one case (for a profiler).
    const char* only = std::getenv("VITRINE_BENCH_CASE");
    if (!only || std::string(only) == "crossfade") crossfade(dir, kFrames);
    if (!only || std::string(only) == "arrival") imageArrivals(dir);
    fs::remove_all(dir);
    return 0;
}

}  // namespace vitrine::bench
