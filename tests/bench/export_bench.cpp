// Benchmark of `vitrine render -o`: a 60-second slideshow of six 1080p images with pan-zoom
// and crossfades exported to a 1080p MP4, against what a user would otherwise do: ffmpeg
// baking the same slideshow with zoompan + xfade at the same encoder settings.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/bench_timer.h"
#include "exhibit/exhibit_loader.h"
#include "player/video_exporter.h"
#include "render/render_resources.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kImages = 6;
constexpr int kSceneSeconds = 10;
constexpr int kFadeSeconds = 1;
constexpr int kFps = 25;
// The pictures: ffmpeg's test sources with the kind of detail photographs and paintings
// have (soft gradients, a fractal's fine edges, a few flat graphics), not noise: random
// cells make x264 spend most of its time on detail no exhibit has.
const char* kSources[kImages] = {"gradients=n=5:seed=3:type=linear", "mandelbrot", "testsrc2",
                                 "gradients=n=3:seed=11:type=radial", "smptehdbars", "rgbtestsrc"};

bool ffmpegQuiet(const std::string& args) {
    return std::system(("ffmpeg -nostdin -hide_banner -loglevel error -y " + args).c_str()) == 0;
}

std::string imageName(int i) { return "slide" + std::to_string(i) + ".png"; }

bool makeImages(const fs::path& dir) {
    for (int i = 0; i < kImages; ++i) {
        const std::string source = kSources[i];
        const char* separator = source.find('=') == std::string::npos ? "=" : ":";
        if (!ffmpegQuiet("-f lavfi -i '" + source + separator + "size=1920x1080' -frames:v 1 '" +
                         (dir / imageName(i)).string() + "'"))
            return false;
    }
    return true;
}

// Six scenes; each image zooms from the whole picture to its middle 80 %, and each scene
// after the first fades in over the previous one.
fs::path writeSlideshow(const fs::path& dir) {
    std::string xml = "<exhibit size=\"1920x1080\">";
    for (int i = 0; i < kImages; ++i) {
        xml += "<scene id=\"s" + std::to_string(i) + "\" dur=\"" + std::to_string(kSceneSeconds) + "s\"" +
               (i > 0 ? " transition=\"fade " + std::to_string(kFadeSeconds) + "s\"" : "") + "><image src=\"" +
               imageName(i) +
               "\" fit=\"cover\" credit=\"ffmpeg test source\" panzoom=\"0,0,100%,100% -> 10%,10%,80%,80%\"/></scene>";
    }
    xml += "</exhibit>";
    const fs::path path = dir / "slideshow.xml";
    std::ofstream(path) << xml;
    return path;
}

// The same slideshow as one ffmpeg command: each image looped for its scene plus the fade,
// zoompan over it, xfade chained so each fade starts where the scene does.
std::string ffmpegSlideshow(const fs::path& dir, const fs::path& out) {
    std::string inputs, filters;
    for (int i = 0; i < kImages; ++i) {
        const int seconds = kSceneSeconds + (i + 1 < kImages ? kFadeSeconds : 0);
        const int frames = seconds * kFps;
        inputs += "-loop 1 -framerate " + std::to_string(kFps) + " -t " + std::to_string(seconds) + " -i '" +
                  (dir / imageName(i)).string() + "' ";
        const std::string progress = "on/" + std::to_string(frames - 1);
        filters += "[" + std::to_string(i) + ":v]zoompan=z='1+0.25*" + progress + "':x='iw*0.1*" + progress +
                   "':y='ih*0.1*" + progress + "':d=1:s=1920x1080:fps=" + std::to_string(kFps) +
                   ",format=yuv420p[v" + std::to_string(i) + "];";
    }
    std::string last = "v0";
    for (int i = 1; i < kImages; ++i) {
        const std::string next = "x" + std::to_string(i);
        filters += "[" + last + "][v" + std::to_string(i) + "]xfade=transition=fade:duration=" +
                   std::to_string(kFadeSeconds) + ":offset=" + std::to_string(i * kSceneSeconds) + "[" + next + "]" +
                   (i + 1 < kImages ? ";" : "");
        last = next;
    }
    return inputs + "-f lavfi -i anullsrc=r=48000:cl=stereo -filter_complex \"" + filters + "\" -map '[" + last +
           "]' -map " + std::to_string(kImages) + ":a -t " + std::to_string(kImages * kSceneSeconds) +
           " -c:v libx264 -preset medium -crf 20 -pix_fmt yuv420p -c:a aac -b:a 160k -movflags +faststart '" +
           out.string() + "'";
}

}  // namespace

int runExportBench() {
    const fs::path dir = fs::temp_directory_path() / "vitrine-export-bench";
    fs::create_directories(dir);
    if (!makeImages(dir)) {
        std::fprintf(stderr, "bench: ffmpeg could not make the slideshow images\n");
        return 1;
    }

    double start = now();
    if (!ffmpegQuiet(ffmpegSlideshow(dir, dir / "ffmpeg.mp4"))) {
        std::fprintf(stderr, "bench: ffmpeg could not bake the slideshow\n");
        return 1;
    }
    const double reference = now() - start;

    LoadedExhibit exhibit = loadExhibit(writeSlideshow(dir));
    if (!exhibit.show) {
        std::fprintf(stderr, "bench: the slideshow exhibit did not load\n");
        return 1;
    }
    start = now();
    render::RenderResources resources(text::bundledFontsDirectory(),
                                      render::RenderResources::maxImageDimensionFor(exhibit.show->canvas));
    ExportOptions options;
    options.path = dir / "vitrine.mp4";
    options.fps = kFps;
    if (auto error = exportShow(*exhibit.show, resources, options)) {
        std::fprintf(stderr, "bench: export failed: %s\n", error->message.c_str());
        return 1;
    }
    const double ours = now() - start;

    std::printf("export 60 s slideshow, six 1080p images, pan-zoom + crossfades, x264 medium crf 20 + AAC\n");
    std::printf("  ffmpeg zoompan + xfade   %7.1f s\n", reference);
    std::printf("  vitrine render -o        %7.1f s   ratio %.2fx (target < 1.0x)\n", ours, ours / reference);
    fs::remove_all(dir);
    return 0;
}

}  // namespace vitrine::bench
