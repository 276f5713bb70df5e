// Benchmark, not a test: the frame time of a 1080p map of the South Caucasus while the
// camera flies out, with routes, markers and labels, as a ratio to a static full-canvas
// image scene drawn by the same renderer in the same run (the machine is shared and
// noisy, so only the ratio means something). Target: at most 1.5x.
//
// Run with tools/bench map (part of vitrine_bench).

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "exhibit/exhibit_loader.h"
#include "map/map_scene.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"

using namespace vitrine;

namespace {

constexpr unsigned kWidth = 1920, kHeight = 1080;
constexpr Micros kFrame = 16'667;
constexpr int kRounds = 7;

void writeText(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string mapExhibit() {
    std::string maps = map::bundledMapsDirectory().string();
    return "<exhibit title=\"bench\" size=\"1920x1080\"><scene id=\"m\" dur=\"60s\">\n"
           "<map src=\"" + maps + "/caucasus.geojson\" view=\"40,37.5 → 51,43.5\" projection=\"lambert\" credit=\"Natural Earth\">\n"
           "  <highlight feature=\"Armenia\"/>\n"
           "  <marker at=\"Baku\" label=\"Baku\" shape=\"pulse\"/>\n"
           "  <marker at=\"Sumgait\" label=\"Sumgait\"/>\n"
           "  <marker at=\"Kirovabad\" label=\"Kirovabad\"/>\n"
           "  <marker at=\"Stepanakert\" label=\"Nagorno-Karabakh (Stepanakert)\" shape=\"ring\"/>\n"
           "  <marker at=\"Yerevan\" label=\"Yerevan\"/>\n"
           "  <label at=\"armenia\" text=\"ARMENIA\"/>\n"
           "  <route from=\"Baku\" to=\"Yerevan;Moscow;Europe;North America\" label=\"Yerevan;Moscow;Europe;North America\" dur=\"1s\"/>\n"
           "  <fly to=\"20,50\" zoom=\"0.15\" begin=\"1s\" dur=\"12s\"/>\n"
           "</map></scene></exhibit>\n";
}

std::string imageExhibit(const std::filesystem::path& image) {
    return "<exhibit title=\"bench\" size=\"1920x1080\"><scene id=\"i\" dur=\"60s\">\n"
           "<image src=\"" + image.string() + "\" fit=\"cover\"/>\n</scene></exhibit>\n";
}

// Milliseconds per frame for `frames` frames from `from`, finished on the GPU.
double timeFrames(render::FrameRenderer& renderer, const Show& show, sf::RenderTexture& target, Micros from, int frames) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        renderer.render(evaluate(show, from + i * kFrame), target, render::MediaWait::Always);
        target.display();
    }
    glFinish();
    std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - start;
    return spent.count() / frames;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

namespace vitrine::bench {

/// The map benchmark; prints its figures and returns 0, or 1 when it cannot run.
int runMapBench(int frames = 120) {
    auto dir = std::filesystem::temp_directory_path() / "vitrine-map-bench";
    std::filesystem::create_directories(dir);
    // A photograph-like image: smooth gradients with fine texture, the full canvas.
    sf::Image photo;
    photo.create(kWidth, kHeight);
    for (unsigned y = 0; y < kHeight; ++y)
        for (unsigned x = 0; x < kWidth; ++x)
            photo.setPixel(x, y, sf::Color(sf::Uint8(x * 255 / kWidth), sf::Uint8(y * 255 / kHeight), sf::Uint8((x ^ y) & 0xff)));
    photo.saveToFile((dir / "photo.png").string());
    writeText(dir / "map.xml", mapExhibit());
    writeText(dir / "image.xml", imageExhibit(dir / "photo.png"));

    LoadedExhibit mapShow = loadExhibit(dir / "map.xml"), imageShow = loadExhibit(dir / "image.xml");
    if (!mapShow.show || !imageShow.show) {
        std::cerr << "map_bench: could not load the bench exhibits\n";
        return 1;
    }
    render::RenderResources resources;
    sf::RenderTexture target;
    if (!target.create(kWidth, kHeight)) {
        std::cerr << "map_bench: no off-screen surface (run under xvfb-run)\n";
        return 1;
    }
    render::FrameRenderer mapRenderer(*mapShow.show, resources.text(), resources.textures());
    render::FrameRenderer imageRenderer(*imageShow.show, resources.text(), resources.textures());
    // Warm up: map data loaded and triangulated, the image decoded and uploaded, glyphs cached.
    timeFrames(mapRenderer, *mapShow.show, target, 0, 10);
    timeFrames(imageRenderer, *imageShow.show, target, 0, 10);

    std::vector<double> mapTimes, imageTimes, ratios;
    const Micros flying = 1 * kMicrosPerSecond;  // the flight runs from 1 s to 13 s
    for (int round = 0; round < kRounds; ++round) {
        Micros from = flying + Micros(round) * frames * kFrame % (12 * kMicrosPerSecond);
        double m = timeFrames(mapRenderer, *mapShow.show, target, from, frames);
        double i = timeFrames(imageRenderer, *imageShow.show, target, from, frames);
        mapTimes.push_back(m);
        imageTimes.push_back(i);
        ratios.push_back(m / i);
    }
    std::cout << "map_bench: 1920x1080, " << frames << " frames x " << kRounds << " rounds, interleaved\n"
              << "  flying map (routes, markers, labels): " << median(mapTimes) << " ms/frame (median)\n"
              << "  static full-canvas image:             " << median(imageTimes) << " ms/frame (median)\n"
              << "  ratio map / image: " << median(ratios) << " (target <= 1.5)\n";
    std::filesystem::remove_all(dir);
    return 0;
}

}  // namespace vitrine::bench

#ifdef VITRINE_MAP_BENCH_MAIN
int main(int argc, char** argv) { return vitrine::bench::runMapBench(argc > 1 ? std::max(1, std::atoi(argv[1])) : 120); }
#endif
