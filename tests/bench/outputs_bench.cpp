// Two projector outputs with keystone and edge blending against one plain output, in the
// same run: the cost of the last step before the projectors (issue: target ≤ 1.2×).
//  - plain: each Baku frame drawn straight onto a 1920x1080 surface (what `vitrine play`
//    does with no <output>);
//  - warped: the same frame drawn into the 1920x1080 canvas, then cut into two regions,
//    each drawn through its keystone mesh and the blend shader onto a 3840x1080 surface
//    (exhibits/installation.example.xml, with its corners pulled in as on a real wall);
//  - floor: the frame drawn plainly onto two 1920x1080 surfaces, no keystone, no blend:
//    the least any two projectors cost, whatever the last step does.

#include <GL/gl.h>
#include "support/build_paths.h"
#include <SFML/Graphics.hpp>

#include <cstdio>
#include <filesystem>

#include "bench/bench_timer.h"
#include "exhibit/exhibit_loader.h"
#include "installation/installation.h"
#include "output/warp_output.h"
#include "render/frame_renderer.h"
#include "render/image_draw_size.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"
#include "timeline/show_position.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;
constexpr int kFramesSampled = 120;  // spread evenly over the whole show
constexpr int kRounds = 3;

void finish(sf::RenderTexture& rt) {
    rt.display();
    glFinish();  // llvmpipe renders on flush: wait so a frame's time is its real cost
}

}  // namespace

int runOutputsBench() {
    const fs::path source = vitrine::test::sourceDir();
    LoadedExhibit e = loadExhibit(source / "exhibits/baku-1990/exhibit.xml");
    Diagnostics d;
    auto inst = installation::loadInstallation(source / "exhibits/installation.example.xml", d);
    if (!e.show || !inst || inst->outputs.size() != 2) {
        std::fprintf(stderr, "outputs bench: cannot load the Baku exhibit or the example installation\n");
        return 1;
    }
    // A real wall is never square to the projectors: pull every corner in a little.
    for (auto& o : inst->outputs) o.keystone = installation::Quad{{{24, 12}, {1900, 0}, {1920, 1068}, {0, 1080}}};
    const Show& show = *e.show;
    render::RenderResources resources;
    render::FrameRenderer renderer(show, resources.text(), resources.textures());
    render::prefetchImages(show, 0, show.duration, false, 1.0, resources.images());  // the canvas is drawn 1:1
    resources.images().waitUntilIdle(std::chrono::seconds(120));

    const sf::Vector2u canvasSize(static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height));
    sf::RenderTexture plain, second, canvas, wall;
    output::WarpOutput warp(inst->outputs, canvasSize);
    const auto wallSize = warp.targetSize();
    if (!plain.create(canvasSize.x, canvasSize.y) || !second.create(canvasSize.x, canvasSize.y) ||
        !canvas.create(canvasSize.x, canvasSize.y) ||
        !wall.create(wallSize.x, wallSize.y)) {
        std::fprintf(stderr, "outputs bench: cannot create the surfaces\n");
        return 1;
    }
    canvas.setSmooth(true);
    std::vector<Frame> frames;
    for (int i = 0; i < kFramesSampled; ++i) frames.push_back(evaluate(show, show.duration * i / kFramesSampled));
    // One unmeasured pass each: textures uploaded, shaders compiled, layouts cached.
    for (const auto& f : frames) {
        renderer.render(f, plain);
        finish(plain);
        renderer.render(f, canvas);
        canvas.display();
        warp.draw(canvas.getTexture(), wall);
        finish(wall);
    }
    std::vector<double> plainTimes, warpedTimes, warpOnlyTimes, twoPlainTimes;
    for (int round = 0; round < kRounds; ++round)
        for (const auto& f : frames) {
            double start = now();
            renderer.render(f, plain);
            finish(plain);
            plainTimes.push_back(now() - start);
            start = now();
            renderer.render(f, canvas);
            canvas.display();
            double drawn = now();
            warp.draw(canvas.getTexture(), wall);
            finish(wall);
            warpedTimes.push_back(now() - start);
            warpOnlyTimes.push_back(now() - drawn);
            start = now();
            renderer.render(f, plain);
            plain.display();
            renderer.render(f, second);
            finish(second);
            glFinish();
            twoPlainTimes.push_back(now() - start);
        }
    auto p = summarise(plainTimes), w = summarise(warpedTimes), o = summarise(warpOnlyTimes),
         two = summarise(twoPlainTimes);
    std::printf("outputs: %d Baku frames x %d rounds; shader %s\n", kFramesSampled, kRounds,
                warp.shaderReady() ? "on" : ("OFF: " + warp.problem()->message).c_str());
    std::printf("  one plain output %ux%u:                 median %.2f ms, p95 %.2f ms\n", canvasSize.x, canvasSize.y,
                p.median * 1e3, p.p95 * 1e3);
    std::printf("  two outputs, keystone + blend, %ux%u: median %.2f ms, p95 %.2f ms (of which warp+blend %.2f ms)\n",
                wallSize.x, wallSize.y, w.median * 1e3, w.p95 * 1e3, o.median * 1e3);
    std::printf("  ratio two/one: %.2fx median, %.2fx p95 (target <= 1.2x); per output pixel %.2fx\n", w.median / p.median,
                w.p95 / p.p95,
                w.median / p.median * canvasSize.x * canvasSize.y / (static_cast<double>(wallSize.x) * wallSize.y));
    std::printf("  floor, two plain outputs %ux%u each:    median %.2f ms, ratio %.2fx one output: twice the pixels,\n"
                "    and a renderer that draws pixels on the CPU pays for each of them\n",
                canvasSize.x, canvasSize.y, two.median * 1e3, two.median / p.median);
    return 0;
}

}  // namespace vitrine::bench
