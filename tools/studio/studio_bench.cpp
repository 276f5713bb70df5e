#include "studio_bench.h"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <unistd.h>

#include "canvas_bench.h"
#include "player/language_choice.h"
#include "player/live_show.h"
#include "render/frame_renderer.h"
#include "render/image_draw_size.h"
#include "render/render_resources.h"
#include "files/atomic_save.h"
#include "studio/file_watcher.h"
#include "studio/item_insert.h"
#include "studio/studio_document.h"
#include "text/font_library.h"
#include "timeline/evaluate.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSeeks = 200;
constexpr int kReloads = 12;
constexpr int kEdits = 60;
constexpr double kEditTargetP95Ms = 50;  // the "edit to preview updated" target
constexpr unsigned kSeed = 1990;
const sf::Vector2u kPreviewSize{1120, 630};  // the preview panel of a 1600x900 window
constexpr double kFrameBudgetMs = 1000.0 / 60;
constexpr std::chrono::seconds kReloadPatience{5};

double millisSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Summary {
    double median = 0, p95 = 0, max = 0;
};

Summary summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), v.back()};
}

// What a frame costs to draw depends on its heaviest item: a scene is a video scene while a
// video is on screen, else a map scene while a map is, else an image scene, else text.
enum class SceneKind { Text, Image, Map, Video };
constexpr int kSceneKinds = 4;
const char* const kSceneKindNames[kSceneKinds] = {"text", "image", "map", "video"};
// The scrub targets (p95), per kind.
constexpr double kTargetP95Ms[kSceneKinds] = {100, 100, 100, 250};

SceneKind sceneKindAt(const Show& show, Micros t) {
    SceneKind kind = SceneKind::Text;
    for (const Item& item : show.items) {
        if (t < item.begin || t >= item.end) continue;
        SceneKind k = item.kind == ItemKind::Video ? SceneKind::Video
                      : item.kind == ItemKind::Map ? SceneKind::Map
                      : item.kind == ItemKind::Image ? SceneKind::Image
                                                     : SceneKind::Text;
        kind = std::max(kind, k);
    }
    return kind;
}

// Edit to preview updated, as the studio does it: an edit through the document (a minimal
// diff, compiled again), the live show replaced, the preview drawn at the edited text's
// time, finished on the GPU. Two kinds of edit: a text's fade set (alternating, so each one
// changes the show), and a new text inserted into that text's scene at that time (taken back
// after each measure, outside it, so the show does not grow).
enum class BenchEdit { Attribute, Insert };

bool benchEdits(const std::filesystem::path& exhibit, render::RenderResources& resources, sf::RenderTexture& target,
                BenchEdit kind) {
    StudioDocument doc(exhibit);
    int item = -1;
    // A text of the exhibit's own file; for inserts one in a <scene> (an advisory takes none).
    for (int i = 0; i < static_cast<int>(doc.show()->items.size()) && item < 0; ++i) {
        const Item& candidate = doc.show()->items[i];
        const Micros middle = (candidate.begin + candidate.end) / 2;
        if (candidate.kind != ItemKind::Text || candidate.where.file != exhibit.string()) continue;
        auto where = insertTarget(*doc.show(), {}, middle, std::nullopt, std::nullopt);
        const ScriptNode* scene = where ? doc.nodeOf({Selection::Kind::Scene, where->scene}) : nullptr;
        if (kind == BenchEdit::Attribute || (scene && scene->name == "scene")) item = i;
    }
    if (item < 0) return false;
    LiveShow::Options options;
    options.audio = AudioDevice::Off;
    LiveShow live(std::make_shared<const Show>(inMainLanguage(*doc.show())), resources, options);  // as the preview
    const Micros t = (doc.show()->items[item].begin + doc.show()->items[item].end) / 2;
    const int line = doc.show()->items[item].where.line;
    live.jump(t);
    std::vector<double> editMs, compileMs, replaceMs;
    for (int i = 0; i < kEdits; ++i) {
        doc.selectItem(item);
        auto start = Clock::now();
        std::optional<Error> error;
        if (kind == BenchEdit::Attribute) {
            error = doc.setAttribute(doc.selection(), "fade", i % 2 ? "1.2s" : "1.3s");
        } else {
            auto where = insertTarget(*doc.show(), {}, t, std::nullopt, std::nullopt);
            error = where ? insertItem(doc, *where, {InsertKind::Text, "Inserted words", "", std::nullopt})
                          : std::optional<Error>(where.error());
        }
        if (error) {
            std::fprintf(stderr, "vitrine-studio: bench: %s\n", error->message.c_str());
            return false;
        }
        compileMs.push_back(millisSince(start));
        auto replaceStart = Clock::now();
        live.replace(std::make_shared<const Show>(inMainLanguage(*doc.show())));
        live.jump(t);
        replaceMs.push_back(millisSince(replaceStart));
        const Show& show = live.show();
        render::prefetchImages(show, t, t + 10 * kMicrosPerSecond, false,
                               live.renderer().viewportFor(kPreviewSize).scale, resources.images());
        live.renderer().render(evaluate(show, t), target, render::MediaWait::Never);
        target.display();
        glFinish();
        editMs.push_back(millisSince(start));
        if (kind == BenchEdit::Insert) doc.undo();
    }
    Summary edit = summarise(editMs), compile = summarise(compileMs), replace = summarise(replaceMs);
    if (kind == BenchEdit::Attribute)
        std::printf("edit: %d attribute changes (fade of the <text> at line %d), edit → preview redrawn\n", kEdits, line);
    else
        std::printf("insert: %d texts inserted into the scene of the <text> at line %d, insert → preview redrawn\n",
                    kEdits, line);
    std::printf("  p50 %.1f ms, p95 %.1f ms, max %.1f ms (p95 / target %.0f ms: %.2f×)\n", edit.median, edit.p95,
                edit.max, kEditTargetP95Ms, edit.p95 / kEditTargetP95Ms);
    std::printf("  of which the edit (diff + parse + check + compile): p50 %.1f ms, p95 %.1f ms\n", compile.median,
                compile.p95);
    std::printf("  of which the live show replaced (renderer and sound made again): p50 %.1f ms, p95 %.1f ms\n",
                replace.median, replace.p95);
    return true;
}

}  // namespace

int runStudioBench(const std::filesystem::path& exhibit) {
    StudioDocument doc(exhibit);
    if (!doc.show()) {
        std::fprintf(stderr, "vitrine-studio: bench: %s does not compile\n", exhibit.c_str());
        return 2;
    }
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr, "vitrine-studio: bench needs an X display (xvfb-run -a)\n");
        return 3;
    }
    const Show& show = *doc.show();
    render::RenderResources resources(text::bundledFontsDirectory(),
                                      render::RenderResources::maxImageDimensionFor(show.canvas));
    sf::RenderTexture target;
    if (!target.create(kPreviewSize.x, kPreviewSize.y)) return 3;
    if (target.setActive(true)) {
        const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        std::printf("renderer: %s\n", name ? name : "unknown");
    }

    // Warm up: every scene once with its images, as a designer's first pass would, through
    // the renderer that is then measured (it caches text layouts and map geometry).
    render::FrameRenderer renderer(show, resources);
    for (const auto& s : show.scenes) {
        renderer.render(evaluate(show, (s.begin + s.end) / 2), target, render::MediaWait::Always);
        target.display();
    }
    glFinish();

    // Scrub: seek to a random time, evaluate, draw the preview as the studio does, finish.
    std::mt19937 random(kSeed);
    std::uniform_int_distribution<Micros> anywhere(0, show.duration - 1);
    std::vector<double> seekMs, evaluateMs;
    std::vector<double> seekMsByKind[kSceneKinds];
    std::vector<std::pair<double, Micros>> slowest;
    for (int i = 0; i < kSeeks; ++i) {
        Micros t = anywhere(random);
        auto start = Clock::now();
        Frame frame = evaluate(show, t);
        evaluateMs.push_back(millisSince(start));
        renderer.render(frame, target, render::MediaWait::Never);
        target.display();
        glFinish();
        seekMs.push_back(millisSince(start));
        seekMsByKind[static_cast<int>(sceneKindAt(show, t))].push_back(seekMs.back());
        slowest.emplace_back(seekMs.back(), t);
    }
    std::sort(slowest.rbegin(), slowest.rend());
    Summary seek = summarise(seekMs), eval = summarise(evaluateMs);
    std::printf("scrub: %d random seeks in %s at %ux%u\n", kSeeks, exhibit.filename().c_str(), kPreviewSize.x,
                kPreviewSize.y);
    std::printf("  seek → frame finished: median %.2f ms, p95 %.2f ms, max %.2f ms (%.2f× / %.2f× a 60 Hz frame)\n",
                seek.median, seek.p95, seek.max, seek.median / kFrameBudgetMs, seek.p95 / kFrameBudgetMs);
    std::printf("  of which evaluate(): median %.3f ms, p95 %.3f ms\n", eval.median, eval.p95);
    for (int k = 0; k < kSceneKinds; ++k) {
        if (seekMsByKind[k].empty()) continue;
        Summary byKind = summarise(seekMsByKind[k]);
        std::printf("  %-5s scenes: %3zu seeks, median %.2f ms, p95 %.2f ms, max %.2f ms (p95 / target %.0f ms: %.2f×)\n",
                    kSceneKindNames[k], seekMsByKind[k].size(), byKind.median, byKind.p95, byKind.max, kTargetP95Ms[k],
                    byKind.p95 / kTargetP95Ms[k]);
    }
    std::printf("  slowest:");
    for (std::size_t i = 0; i < 5 && i < slowest.size(); ++i) {
        int scene = show.sceneAt(slowest[i].second);
        std::printf(" %.1f ms at %s (%s);", slowest[i].first, formatTime(slowest[i].second).c_str(),
                    scene >= 0 ? show.scenes[scene].id.c_str() : "-");
    }
    std::printf("\n");

    // A video seek above shows the frame the decoder has until it catches up; the frame that
    // belongs at t costs a keyframe and decoding forward. Measure that too: the same seeks
    // drawn exactly (waiting for every picture and video frame), as a still is.
    std::mt19937 sameSeeks(kSeed);
    std::vector<double> exactMsByKind[kSceneKinds];
    for (int i = 0; i < kSeeks; ++i) {
        Micros t = anywhere(sameSeeks);
        auto start = Clock::now();
        renderer.render(evaluate(show, t), target, render::MediaWait::Always);
        target.display();
        glFinish();
        exactMsByKind[static_cast<int>(sceneKindAt(show, t))].push_back(millisSince(start));
    }
    std::printf("  exact frames (every picture and video frame that belongs at t):\n");
    for (int k = 0; k < kSceneKinds; ++k) {
        if (exactMsByKind[k].empty()) continue;
        Summary byKind = summarise(exactMsByKind[k]);
        std::printf("  %-5s scenes: %3zu seeks, median %.2f ms, p95 %.2f ms, max %.2f ms (p95 / target %.0f ms: %.2f×)\n",
                    kSceneKindNames[k], exactMsByKind[k].size(), byKind.median, byKind.p95, byKind.max,
                    kTargetP95Ms[k], byKind.p95 / kTargetP95Ms[k]);
    }

    benchCanvasDrag(exhibit, resources, target);

    // Reload: a copy beside the exhibit (so its relative media paths hold) is saved with a
    // changed duration; timed from the save's start to the new show's frame finished.
    std::filesystem::path copy =
        exhibit.parent_path() / (".studio-bench-" + std::to_string(::getpid()) + ".xml");
    if (auto error = saveFileAtomically(copy, doc.text())) {
        std::fprintf(stderr, "vitrine-studio: bench: %s\n", error->message.c_str());
        return 3;
    }
    std::vector<double> reloadMs, compileMs;
    {
        StudioDocument live(copy);
        FileWatcher watcher(copy);
        Micros playhead = show.duration / 3;
        std::shared_ptr<const Show> liveShow = live.sharedShow();
        auto liveRenderer = std::make_unique<render::FrameRenderer>(*liveShow, resources);
        live.selectScene(0);
        for (int i = 0; i < kReloads && watcher.ok(); ++i) {
            // Another program's edit: the first scene's duration, alternately longer and back.
            StudioDocument editor(copy);
            editor.selectScene(0);
            Micros d = show.scenes[0].end - show.scenes[0].begin + (i % 2 ? 0 : kMicrosPerSecond);
            editor.setDuration(editor.selection(), d);
            PlayheadPosition position = live.positionOf(playhead);
            auto start = Clock::now();
            editor.save();
            if (!watcher.waitForChange(kReloadPatience)) break;
            auto compileStart = Clock::now();
            if (live.reloadFromDisk() != ReloadOutcome::Reloaded) break;
            compileMs.push_back(millisSince(compileStart));
            playhead = live.timeOf(position);
            liveRenderer.reset();
            liveShow = live.sharedShow();
            liveRenderer = std::make_unique<render::FrameRenderer>(*liveShow, resources);
            liveRenderer->render(evaluate(*liveShow, playhead), target, render::MediaWait::Never);
            target.display();
            glFinish();
            reloadMs.push_back(millisSince(start));
        }
    }
    std::error_code ignored;
    std::filesystem::remove(copy, ignored);
    Summary reload = summarise(reloadMs), compile = summarise(compileMs);
    std::printf("reload: %zu saves of a changed duration\n", reloadMs.size());
    std::printf("  save → new show's frame finished: median %.1f ms, max %.1f ms (target 200 ms: %.2f×)\n",
                reload.median, reload.max, reload.median / 200.0);
    std::printf("  of which read + parse + check + compile: median %.1f ms\n", compile.median);

    const bool edited = benchEdits(exhibit, resources, target, BenchEdit::Attribute) &&
                        benchEdits(exhibit, resources, target, BenchEdit::Insert);
    return reloadMs.size() == static_cast<std::size_t>(kReloads) && edited ? 0 : 1;
}

}  // namespace vitrine::studio
