// Benchmark: parse + validate + compile of a 10,000-element script against TinyXML-2's
// bare DOM parse of the same bytes; evaluate() per frame for a 200-element scene.

#include <sys/resource.h>
#include <tinyxml2.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_timer.h"
#include "script/script_loader.h"
#include "script/validate.h"
#include "script/vocabulary.h"
#include "timeline/compile.h"
#include "timeline/evaluate.h"

namespace vitrine::bench {
namespace {

// A script shaped like a real exhibit: scenes of texts and images with timing and styles.
std::string generateScript(int elements, int perScene) {
    std::string xml = "<exhibit title=\"Bench\" size=\"1920x1080\" default-transition=\"fade 1s\">\n"
                      "  <style id=\"body\" font=\"serif\" size=\"44\" color=\"#efe6d6\" max-width=\"70%\"/>\n"
                      "  <region id=\"lower\" x=\"10%\" y=\"70%\" width=\"80%\" height=\"20%\"/>\n";
    int made = 0, scene = 0;
    while (made < elements) {
        xml += "  <scene id=\"s" + std::to_string(scene++) + "\" dur=\"60s\">\n";
        for (int i = 0; i < perScene && made < elements; ++i, ++made) {
            if (i % 4 == 0)
                xml += "    <image placeholder=\"Photograph " + std::to_string(made) +
                       "\" fit=\"cover\" begin=\"" + std::to_string(i % 20) + "s\" dur=\"10s\" panzoom=\"0,0,100%,100% -> 10%,5%,80%,80%\"/>\n";
            else
                xml += "    <text style=\"body\" region=\"lower\" begin=\"" + std::to_string(i % 30) +
                       "s\" dur=\"25s\" fade=\"1s\">Words number " + std::to_string(made) + " on screen.</text>\n";
        }
        xml += "  </scene>\n";
    }
    return xml + "</exhibit>\n";
}

// Pages this process has faulted in so far: memory the allocator had to ask the system for
// again (on this machine a fault costs microseconds, so thousands show in the times).
long pageFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

}  // namespace

int runScriptBench() {
    constexpr int kElements = 10'000;
    std::string xml = generateScript(kElements, 50);
    FileReader noFiles = [](const std::filesystem::path&) -> std::optional<std::string> { return std::nullopt; };
    Vocabulary vocabulary;

    auto bareParse = [&] {
        tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
        doc.Parse(xml.data(), xml.size());
    };
    std::size_t items = 0;
    auto loadValidateCompile = [&] {
        Diagnostics d;
        auto script = loadScriptFromText(xml, "bench.xml", d, noFiles);
        validateScript(*script, vocabulary, d);
        Show show = compileShow(*script, d);
        items = show.items.size();
    };
    // The two alternate, so a busy moment on a shared machine falls on both alike; each
    // pair also gives a ratio of its own.
    constexpr int kWarmups = 2, kRounds = 31;
    for (int i = 0; i < kWarmups; ++i) bareParse(), loadValidateCompile();
    std::vector<double> bareTimes, fullTimes, pairRatios;
    long bareFaults = 0, fullFaults = 0;
    for (int i = 0; i < kRounds; ++i) {
        long faults = pageFaults();
        double start = now();
        bareParse();
        bareTimes.push_back(now() - start);
        bareFaults += pageFaults() - faults;
        faults = pageFaults();
        start = now();
        loadValidateCompile();
        fullTimes.push_back(now() - start);
        fullFaults += pageFaults() - faults;
        pairRatios.push_back(fullTimes.back() / bareTimes.back());
    }
    Timing bare = summarise(bareTimes), full = summarise(fullTimes), paired = summarise(pairRatios);
    // Where the time goes, stage by stage.
    Diagnostics stageDiagnostics;
    std::optional<Script> staged;
    Timing load = measure(9, [&] { staged = loadScriptFromText(xml, "bench.xml", stageDiagnostics, noFiles); });
    Timing validate = measure(9, [&] { validateScript(*staged, vocabulary, stageDiagnostics); });
    Timing compile = measure(9, [&] { (void)compileShow(*staged, stageDiagnostics); });
    std::printf("script: %d elements (%zu KiB), %zu items compiled\n", kElements, xml.size() / 1024, items);
    std::printf("  TinyXML-2 bare parse      median %8.2f ms\n", bare.median * 1e3);
    std::printf("  load+validate+compile     median %8.2f ms   ratio %.2fx (target <= 3x); median of %d paired "
                "ratios %.2fx\n",
                full.median * 1e3, full.median / bare.median, kRounds, paired.median);
    std::printf("    stages: load %.2f ms, validate %.2f ms, compile %.2f ms\n", load.median * 1e3,
                validate.median * 1e3, compile.median * 1e3);
    std::printf("    page faults a round: bare %ld, load+validate+compile %ld (memory the C library gave back to\n"
                "    the system and asked for again)\n",
                bareFaults / kRounds, fullFaults / kRounds);

    // One scene of 200 elements, evaluated at random instants in it.
    std::string sceneXml = generateScript(200, 200);
    Diagnostics d;
    auto script = loadScriptFromText(sceneXml, "scene.xml", d, noFiles);
    Show show = compileShow(*script, d);
    std::mt19937_64 random(13);
    std::uniform_int_distribution<Micros> anyTime(0, show.duration - 1);
    std::vector<Micros> times(20'000);
    for (auto& t : times) t = anyTime(random);
    std::vector<double> perCall;
    std::size_t sink = 0;
    constexpr int kBatch = 100;
    for (size_t i = 0; i + kBatch <= times.size(); i += kBatch) {
        double start = now();
        for (int j = 0; j < kBatch; ++j) sink += evaluate(show, times[i + j]).layers.size();
        perCall.push_back((now() - start) / kBatch);
    }
    Timing eval = summarise(perCall);
    std::printf("evaluate: scene of %zu items  median %6.2f us  p95 %6.2f us (target median <= 20 us)  [%zu]\n",
                show.items.size(), eval.median * 1e6, eval.p95 * 1e6, sink % 10);
    return 0;
}

}  // namespace vitrine::bench
