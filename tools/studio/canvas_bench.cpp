#include "canvas_bench.h"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include "render/frame_renderer.h"
#include "studio/canvas_drag.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kRounds = 6;             // playing and dragging alternate, so the machine's moods fall on both
constexpr int kFramesPerRound = 60;    // a second at 60 Hz
constexpr Micros kFrameStep = kMicrosPerSecond / 60;
constexpr int kReleases = 40;
constexpr double kFrameRatioTarget = 1.2;
constexpr double kReleaseTargetMs = 50;

double millisSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile95(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(0.95 * (v.size() - 1) + 0.5))];
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The middle of the first scene with a map on screen, and the topmost item drawn there; nullopt without one.
std::optional<std::pair<Micros, CanvasItem>> mapSceneItem(const Show& show) {
    for (const Scene& scene : show.scenes) {
        const Micros t = (scene.begin + scene.end) / 2;
        auto visible = visibleItems(show, evaluate(show, t));
        const bool hasMap = std::any_of(visible.begin(), visible.end(), [&](const CanvasItem& c) {
            return show.items[static_cast<std::size_t>(c.item)].kind == ItemKind::Map;
        });
        if (hasMap && !visible.empty()) return std::pair{t, visible.back()};
    }
    return std::nullopt;
}

void draw(render::FrameRenderer& renderer, const Frame& frame, sf::RenderTexture& target) {
    renderer.render(frame, target, render::MediaWait::Never);
    target.display();
    glFinish();
}

void benchMapSceneDrag(const Show& show, render::FrameRenderer& renderer, sf::RenderTexture& target) {
    auto found = mapSceneItem(show);
    if (!found) {
        std::printf("canvas drag on a map scene: the exhibit has no map scene\n");
        return;
    }
    const auto [t0, item] = *found;
    const auto visible = visibleItems(show, evaluate(show, t0));
    const SnapGuides guides = snapGuides(show.canvas, regionsInUse(show), visible, item.item);
    const CanvasPoint from{item.box.x + item.box.width / 2, item.box.y + item.box.height / 2};
    std::vector<double> playingMs, draggingMs;
    for (int round = 0; round < kRounds; ++round) {
        // Playing: the clock moves a frame at a time.
        for (int i = 0; i < kFramesPerRound; ++i) {
            auto start = Clock::now();
            draw(renderer, evaluate(show, t0 + i * kFrameStep), target);
            playingMs.push_back(millisSince(start));
        }
        // Dragging: the playhead holds; the pointer moves a few pixels a frame and the frame
        // is drawn with the dragged box, as the preview does.
        CanvasPress press = pressCanvas(show, visible, item.item, from, 6, false);
        if (!press.drag) press.drag = pressCanvas(show, visible, -1, from, 6, false).drag;
        if (!press.drag) return;
        for (int i = 0; i < kFramesPerRound; ++i) {
            auto start = Clock::now();
            dragTo(*press.drag, {from.x + 3.0 * i, from.y + 1.5 * i}, guides, {});
            Frame frame = evaluate(show, t0);
            applyDrag(*press.drag, frame);
            draw(renderer, frame, target);
            draggingMs.push_back(millisSince(start));
        }
    }
    const double play = percentile95(playingMs), drag = percentile95(draggingMs);
    const int scene = show.sceneAt(t0);
    std::printf("canvas drag on the map scene '%s' (<%s> dragged), %d frames each, alternating:\n",
                scene >= 0 ? show.scenes[scene].id.c_str() : "-",
                show.items[static_cast<std::size_t>(item.item)].kind == ItemKind::Map ? "map" : "item",
                kRounds * kFramesPerRound);
    std::printf("  frame time p95: dragging %.2f ms, playing %.2f ms: %.2f× (target at most %.1f×); medians %.2f / %.2f ms\n",
                drag, play, play > 0 ? drag / play : 0, kFrameRatioTarget, median(draggingMs), median(playingMs));
}

void benchRelease(StudioDocument& doc, render::RenderResources& resources, sf::RenderTexture& target) {
    // Items to drag: one on screen in the middle of each scene, in turn.
    std::vector<std::pair<Micros, int>> targets;
    for (const Scene& scene : doc.show()->scenes) {
        const Micros t = (scene.begin + scene.end) / 2;
        auto visible = visibleItems(*doc.show(), evaluate(*doc.show(), t));
        if (!visible.empty()) targets.emplace_back(t, visible.back().item);
    }
    if (targets.empty()) return;
    std::vector<double> releaseMs, editMs, rendererMs;
    std::vector<std::pair<double, int>> slowest;  // a release's time and the item dragged
    auto renderer = std::make_unique<render::FrameRenderer>(*doc.show(), resources);
    for (int i = 0; i < kReleases; ++i) {
        const auto [t, index] = targets[static_cast<std::size_t>(i) % targets.size()];
        const Show& show = *doc.show();
        const auto visible = visibleItems(show, evaluate(show, t));
        auto drawn = findVisible(visible, index);
        if (!drawn) continue;
        const CanvasPoint from{drawn->box.x + drawn->box.width / 2, drawn->box.y + drawn->box.height / 2};
        CanvasPress press = pressCanvas(show, visible, index, from, 0, false);
        if (!press.drag) continue;
        dragTo(*press.drag, {from.x + 37, from.y + 23}, {}, {.snap = false});
        // Released: the edit is made (the text changed, compiled), and the preview drawn.
        auto start = Clock::now();
        auto edit = releaseEdit(*press.drag, doc);
        if (!edit || doc.edit(edit->description, edit->recipe)) continue;
        editMs.push_back(millisSince(start));
        // As LiveShow::replace does for the studio: the new show gets a new renderer.
        auto made = Clock::now();
        renderer.reset();
        renderer = std::make_unique<render::FrameRenderer>(*doc.show(), resources);
        rendererMs.push_back(millisSince(made));
        draw(*renderer, evaluate(*doc.show(), t), target);
        releaseMs.push_back(millisSince(start));
        slowest.emplace_back(releaseMs.back(), index);
        doc.undo();
        renderer = std::make_unique<render::FrameRenderer>(*doc.show(), resources);
    }
    const double p95 = percentile95(releaseMs);
    std::printf("canvas drag released → preview updated: %zu drags in %zu scenes\n", releaseMs.size(), targets.size());
    std::printf("  p95 %.1f ms, median %.1f ms (target p95 < %.0f ms: %.2f×)\n", p95, median(releaseMs), kReleaseTargetMs,
                p95 / kReleaseTargetMs);
    std::printf("  of which the edit and compile: median %.1f ms, p95 %.1f ms; making the new show's renderer: median "
                "%.1f ms, p95 %.1f ms; the rest is its first frame (text laid out, map drawn afresh)\n",
                median(editMs), percentile95(editMs), median(rendererMs), percentile95(rendererMs));
    // What the tail is made of: the slowest releases, with the item dragged and its scene.
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("  slowest:");
    for (std::size_t i = 0; i < 4 && i < slowest.size(); ++i) {
        const Item& item = doc.show()->items[static_cast<std::size_t>(slowest[i].second)];
        const char* kinds[] = {"text", "image", "video", "audio", "map"};
        std::printf(" %.1f ms (<%s> at line %d, scene '%s');", slowest[i].first, kinds[static_cast<int>(item.kind)],
                    item.where.line, item.scene >= 0 ? doc.show()->scenes[item.scene].id.c_str() : "-");
    }
    std::printf("\n");
}

}  // namespace

void benchCanvasDrag(const std::filesystem::path& exhibit, render::RenderResources& resources,
                     sf::RenderTexture& target) {
    // A document of its own: its edits replace its show, which nothing else holds.
    StudioDocument doc(exhibit);
    if (!doc.show()) return;
    {
        render::FrameRenderer renderer(*doc.show(), resources);
        benchMapSceneDrag(*doc.show(), renderer, target);
    }
    benchRelease(doc, resources, target);
}

}  // namespace vitrine::studio
