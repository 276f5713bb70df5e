// Benchmark of playing a 1080p H.264 clip headless: decode + RGBA conversion + texture
// upload per frame, as a ratio to the floor, `ffmpeg -benchmark -i CLIP -an -f null -` on
// the same file in the same run (target <= 1.3x). Also where the time goes: decoding,
// swscale's conversion to RGBA, and the upload; and whether converting the YUV planes in a
// fragment shader instead would be cheaper (the issue asks which: measured, not assumed).

#include <SFML/Graphics/Texture.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <string>

#include "bench/bench_timer.h"
#include "bench/video_conversion_bench.h"
#include "media/video_decoder.h"
#include "media/video_source.h"

namespace vitrine::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kWidth = 1920, kHeight = 1080, kFps = 30, kSeconds = 10;

// Seconds of real time ffmpeg reports for decoding the clip (its "rtime"), or a negative
// number when it could not run.
double ffmpegDecodeSeconds(const fs::path& clip) {
    const std::string command = "ffmpeg -nostdin -hide_banner -benchmark -i '" + clip.string() + "' -an -f null - 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return -1;
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe.get())) output += buffer;
    std::smatch match;
    static const std::regex rtime("rtime=([0-9.]+)s");
    if (!std::regex_search(output, match, rtime)) return -1;
    return std::stod(match[1].str());
}

struct Played {
    double seconds = 0;
    int frames = 0;
    double uploadSeconds = 0;
    VideoDecodeStats decoder;
};

// As the player does it: the decode thread decodes and converts ahead into its queue; this
// thread takes each frame in turn and uploads it to a texture.
Played playThroughSource(const fs::path& clip) {
    Played p;
    auto opened = VideoSource::open(clip);
    if (!opened.ok()) return p;
    VideoSource& source = **opened;
    sf::Texture texture;
    texture.create(static_cast<unsigned>(source.width()), static_cast<unsigned>(source.height()));
    const Micros period = kMicrosPerSecond / kFps;
    std::shared_ptr<const VideoFrame> shown;
    const double start = now();
    for (int i = 0; i < kFps * kSeconds; ++i) {
        source.waitForQueued(static_cast<std::size_t>(i) + 1);
        auto frame = source.frameAt(i * period + period / 2);
        if (!frame || frame == shown) continue;
        const double uploadStart = now();
        texture.update(frame->image.pixels.data());
        p.uploadSeconds += now() - uploadStart;
        shown = frame;
        ++p.frames;
    }
    p.seconds = now() - start;
    p.decoder = source.stats().decoder;
    return p;
}

// Everything on one thread, to see each step's share without overlap.
Played playSerially(const fs::path& clip) {
    Played p;
    auto opened = VideoDecoder::open(clip);
    if (!opened.ok()) return p;
    VideoDecoder& decoder = **opened;
    sf::Texture texture;
    texture.create(static_cast<unsigned>(decoder.width()), static_cast<unsigned>(decoder.height()));
    const double start = now();
    while (auto frame = decoder.next()) {
        const double uploadStart = now();
        texture.update(frame->image.pixels.data());
        p.uploadSeconds += now() - uploadStart;
        ++p.frames;
    }
    p.seconds = now() - start;
    p.decoder = decoder.stats();
    return p;
}

}  // namespace

int runVideoBench() {
    const fs::path dir = fs::temp_directory_path() / "vitrine-video-bench";
    fs::create_directories(dir);
    const fs::path clip = dir / "clip-1080p.mp4";
    const std::string make = "ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=" +
                             std::to_string(kWidth) + "x" + std::to_string(kHeight) + ":rate=" + std::to_string(kFps) +
                             " -t " + std::to_string(kSeconds) + " -c:v libx264 -pix_fmt yuv420p '" + clip.string() + "'";
    if (std::system(make.c_str()) != 0) {
        std::fprintf(stderr, "bench: ffmpeg could not make the clip\n");
        return 1;
    }
    ffmpegDecodeSeconds(clip);  // warm the file cache and the libraries
    const double floor = ffmpegDecodeSeconds(clip);
    const Played pipelined = playThroughSource(clip);
    const Played serial = playSerially(clip);
    if (floor <= 0 || pipelined.frames == 0 || serial.frames == 0) {
        std::fprintf(stderr, "bench: the clip could not be decoded\n");
        return 1;
    }
    const int frames = kFps * kSeconds;
    auto perFrame = [](double seconds, int n) { return seconds * 1000 / n; };
    std::printf("video: %dx%d H.264 %d fps, %d frames, decode + RGBA conversion + texture upload\n", kWidth, kHeight,
                kFps, frames);
    std::printf("  ffmpeg -benchmark -f null (floor)   %6.2f ms/frame\n", perFrame(floor, frames));
    std::printf("  vitrine, as played (decode thread)  %6.2f ms/frame   ratio %.2fx (target <= 1.3x)\n",
                perFrame(pipelined.seconds, pipelined.frames), pipelined.seconds / pipelined.frames / (floor / frames));
    const double decode = serial.decoder.decodeTime / 1e6, convert = serial.decoder.convertTime / 1e6;
    const double total = serial.seconds;
    std::printf("  vitrine, one thread                 %6.2f ms/frame   ratio %.2fx\n", perFrame(total, serial.frames),
                total / serial.frames / (floor / frames));
    std::printf("    decode  %5.2f ms/frame (%4.1f%%)\n", perFrame(decode, serial.frames), 100 * decode / total);
    std::printf("    swscale YUV420P -> RGBA %5.2f ms/frame (%4.1f%%)\n",
                perFrame(convert, serial.frames), 100 * convert / total);
    std::printf("    upload  %5.2f ms/frame (%4.1f%%)\n", perFrame(serial.uploadSeconds, serial.frames),
                100 * serial.uploadSeconds / total);
    const ConversionCosts paths = measureConversionPaths();
    std::printf("  a 1080p frame to the screen (convert, upload, draw, finish), median:\n");
    std::printf("    swscale to RGBA, RGBA upload, plain draw      %6.2f ms\n", paths.swscaleMs);
    if (paths.shaderAvailable)
        std::printf("    Y, U, V planes uploaded, shader converts      %6.2f ms   (%.2fx the swscale path: %s)\n",
                    paths.shaderMs, paths.shaderMs / paths.swscaleMs,
                    paths.shaderMs < paths.swscaleMs ? "the shader is cheaper here" : "swscale is cheaper here");
    else
        std::printf("    Y, U, V planes with a shader: no shaders on this OpenGL\n");
    fs::remove_all(dir);
    return 0;
}

}  // namespace vitrine::bench
