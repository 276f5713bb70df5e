// Exports checked from the outside: ffprobe reads the streams, the ffmpeg CLI decodes the
// pictures and the sound back, and a flash and a beep scripted together must stay together.

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "audio/audio_test_media.h"
#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "player/video_exporter.h"
#include "render/render_resources.h"

using namespace vitrine;
using namespace vitrine::test;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 180;
constexpr int kFps = 25;
constexpr Micros kFlashAt = seconds(2);

// Runs a shell command and returns what it wrote to stdout.
std::string capture(const std::string& command) {
    std::string out;
    if (std::FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[65536];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
        ::pclose(pipe);
    }
    return out;
}

// The value of "key" in a flat JSON object's text (quotes removed), or "".
std::string jsonField(const std::string& object, const std::string& key) {
    const std::string tag = "\"" + key + "\": ";
    auto at = object.find(tag);
    if (at == std::string::npos) return "";
    at += tag.size();
    if (object[at] == '"') {
        const auto end = object.find('"', at + 1);
        return object.substr(at + 1, end - at - 1);
    }
    const auto end = object.find_first_of(",\n}", at);
    return object.substr(at, end - at);
}

struct Probe {
    std::vector<std::string> streams;  // each stream's JSON text
    std::string format;

    const std::string* stream(const std::string& type) const {
        for (const auto& s : streams)
            if (jsonField(s, "codec_type") == type) return &s;
        return nullptr;
    }
    int count(const std::string& type) const {
        int n = 0;
        for (const auto& s : streams) n += jsonField(s, "codec_type") == type;
        return n;
    }
};

Probe probe(const std::filesystem::path& file) {
    const std::string json = capture("ffprobe -v error -show_streams -show_format -of json " + quoted(file));
    Probe p;
    const auto formatAt = json.find("\"format\":");
    const std::string streams = json.substr(0, formatAt);
    // Each stream object starts with its "index" field.
    for (auto at = streams.find("\"index\":"); at != std::string::npos;) {
        const auto next = streams.find("\"index\":", at + 1);
        p.streams.push_back(streams.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    if (formatAt != std::string::npos) p.format = json.substr(formatAt);
    return p;
}

std::filesystem::path writeText(const TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
    return path;
}

// A 3-second show: two dark seconds, then a white picture for one frame period together
// with a beep (captioned), then dark again.
std::filesystem::path writeFlashBeepShow(const TempDir& dir, bool captions = true) {
    REQUIRE(makeSolidImage(dir / "white.png", {255, 255, 255}, kWidth, kHeight, "rgb24"));
    REQUIRE(makeTone(dir / "beep.wav", 1000, 0.5, 0, 0.5, kMixSampleRate));
    writeText(dir, "beep.vtt", "WEBVTT\n\n00:00.000 --> 00:00.400\nA beep.\n");
    return writeText(dir, "exhibit.xml",
                     "<exhibit size=\"320x180\">"
                     "<scene id=\"dark\" dur=\"2s\"/>"
                     "<scene id=\"flash\" dur=\"1s\">"
                     "<image src=\"white.png\" fit=\"fill\" dur=\"40ms\" credit=\"test\"/>"
                     "<audio src=\"beep.wav\" role=\"effect\" credit=\"test\"" +
                         std::string(captions ? " captions=\"beep.vtt\"" : "") +
                         "/>"
                         "</scene></exhibit>");
}

struct Exported {
    LoadedExhibit exhibit;
    std::optional<Error> error;
};

Exported exportTo(const std::filesystem::path& xml, const std::filesystem::path& out,
                  const ExportProgressCallback& progress = {}) {
    Exported e{loadExhibit(xml), std::nullopt};
    REQUIRE(e.exhibit.show);
    render::RenderResources resources;
    ExportOptions options;  // no `to`: to the show's end (the 75 frames of 3 s checked below)
    options.path = out;
    options.fps = kFps;
    options.size = {kWidth, kHeight};
    e.error = exportShow(*e.exhibit.show, resources, options, progress);
    return e;
}

}  // namespace

TEST_CASE("An export is one H.264 320x180 25 fps stream, one 48 kHz AAC stream and captions, 3.0 s long") {
    TempDir dir;
    const auto out = dir / "show.mp4";
    std::int64_t lastFrame = 0, frames = 0;
    auto e = exportTo(writeFlashBeepShow(dir), out, [&](const ExportProgress& p) {
        CHECK(p.frame == lastFrame + 1);
        lastFrame = p.frame;
        frames = p.frames;
        return true;
    });
    REQUIRE_MESSAGE(!e.error, e.error->message);
    CHECK(frames == 75);
    CHECK(lastFrame == 75);

    const Probe p = probe(out);
    REQUIRE(p.count("video") == 1);
    REQUIRE(p.count("audio") == 1);
    CHECK(p.count("subtitle") == 1);
    const std::string& video = *p.stream("video");
    CHECK(jsonField(video, "codec_name") == "h264");
    CHECK(jsonField(video, "width") == "320");
    CHECK(jsonField(video, "height") == "180");
    CHECK(jsonField(video, "pix_fmt") == "yuv420p");
    CHECK(jsonField(video, "avg_frame_rate") == "25/1");
    CHECK(jsonField(video, "nb_frames") == "75");
    const std::string& audio = *p.stream("audio");
    CHECK(jsonField(audio, "codec_name") == "aac");
    CHECK(jsonField(audio, "sample_rate") == "48000");
    CHECK(jsonField(audio, "channels") == "2");
    if (p.stream("subtitle")) CHECK(jsonField(*p.stream("subtitle"), "codec_name") == "mov_text");
    const double duration = std::atof(jsonField(p.format, "duration").c_str());
    MESSAGE("duration " << duration << " s");
    CHECK(duration == doctest::Approx(3.0).epsilon(0.1 / 3.0));

    // The caption is the beep's cue, moved to where the beep plays.
    const std::string vtt = capture("ffmpeg -v error -i " + quoted(out) + " -map 0:s:0 -f webvtt -");
    CHECK(vtt.find("00:02.000 --> 00:02.400") != std::string::npos);
    CHECK(vtt.find("A beep.") != std::string::npos);
    // Nothing is left beside the file.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 5);
}

TEST_CASE("Caption text given to the resources' caption cache is what an export writes, not the file on disk") {
    // The studio exports its unsaved cue edits this way: the text stands for the file.
    TempDir dir;
    LoadedExhibit exhibit = loadExhibit(writeFlashBeepShow(dir));
    REQUIRE(exhibit.show);
    const std::string& captions = exhibit.show->items.back().captions;
    REQUIRE(captions.ends_with("beep.vtt"));
    render::RenderResources resources;
    resources.captionFiles().setText(captions, "WEBVTT\n\n00:00.100 --> 00:00.300\nAs edited.\n");
    ExportOptions options;
    options.path = dir / "edited.mp4";
    options.from = seconds(2);
    options.to = seconds(3);
    options.fps = kFps;
    options.size = {kWidth, kHeight};
    REQUIRE_FALSE(exportShow(*exhibit.show, resources, options, {}));
    const std::string srt = capture("ffmpeg -v error -i " + quoted(options.path) + " -map 0:s:0 -f srt -");
    INFO(srt);
    CHECK(srt.find("00:00:00,100 --> 00:00:00,300") != std::string::npos);
    CHECK(srt.find("As edited.") != std::string::npos);
    CHECK(srt.find("A beep.") == std::string::npos);
}

TEST_CASE("A show without captions exports without a subtitle stream") {
    TempDir dir;
    const auto out = dir / "show.mp4";
    auto e = exportTo(writeFlashBeepShow(dir, false), out);
    REQUIRE_MESSAGE(!e.error, e.error->message);
    const Probe p = probe(out);
    CHECK(p.count("video") == 1);
    CHECK(p.count("audio") == 1);
    CHECK(p.count("subtitle") == 0);
}

TEST_CASE("A flash and a beep scripted at the same instant line up within one frame in the export") {
    TempDir dir;
    const auto out = dir / "show.mp4";
    auto e = exportTo(writeFlashBeepShow(dir), out);
    REQUIRE_MESSAGE(!e.error, e.error->message);

    // Pictures back as grey bytes, one frame after another.
    const std::string grey = capture("ffmpeg -v error -i " + quoted(out) + " -vf format=gray -f rawvideo -");
    const std::size_t frameBytes = static_cast<std::size_t>(kWidth) * kHeight;
    REQUIRE(grey.size() == frameBytes * 75);
    constexpr double kBright = 200;
    std::int64_t flashFrame = -1;
    int brightFrames = 0;
    for (std::size_t f = 0; f * frameBytes < grey.size(); ++f) {
        double sum = 0;
        for (std::size_t i = 0; i < frameBytes; ++i) sum += static_cast<unsigned char>(grey[f * frameBytes + i]);
        if (sum / static_cast<double>(frameBytes) > kBright) {
            ++brightFrames;
            if (flashFrame < 0) flashFrame = static_cast<std::int64_t>(f);
        }
    }
    CHECK(brightFrames == 1);
    REQUIRE(flashFrame >= 0);

    // Sound back as 48 kHz mono int16.
    const std::string pcm = capture("ffmpeg -v error -i " + quoted(out) + " -f s16le -ac 1 -ar 48000 -");
    std::vector<std::int16_t> samples(pcm.size() / sizeof(std::int16_t));
    std::memcpy(samples.data(), pcm.data(), samples.size() * sizeof(std::int16_t));
    constexpr double kLoud = 0.1 * 32768;  // the beep is at half of full scale
    std::int64_t onset = -1;
    for (std::size_t i = 0; i < samples.size() && onset < 0; ++i)
        if (std::abs(static_cast<double>(samples[i])) > kLoud) onset = static_cast<std::int64_t>(i);
    REQUIRE(onset >= 0);

    const Micros seen = flashFrame * kMicrosPerSecond / kFps;
    const Micros heard = onset * kMicrosPerSecond / kMixSampleRate;
    MESSAGE("flash seen at " << seen << " us, beep heard at " << heard << " us, offset " << (heard - seen) << " us");
    CHECK(seen == kFlashAt);
    CHECK(std::llabs(heard - seen) <= kMicrosPerSecond / kFps);
}

TEST_CASE("A failed or cancelled export leaves nothing at the destination and says why") {
    TempDir dir;
    const auto xml = writeFlashBeepShow(dir);
    SUBCASE("a folder that cannot be written") {
        writeText(dir, "not-a-folder", "a file, not a folder");
        const auto out = dir / "not-a-folder" / "show.mp4";
        auto e = exportTo(xml, out);
        REQUIRE(e.error);
        MESSAGE(e.error->message);
        CHECK(e.error->message.find("show.mp4") != std::string::npos);
        CHECK(!std::filesystem::exists(out));
    }
    SUBCASE("cancelled half way") {
        const auto out = dir / "show.mp4";
        writeText(dir, "show.mp4", "the previous export");
        auto e = exportTo(xml, out, [](const ExportProgress& p) { return p.frame < p.frames / 2; });
        REQUIRE(e.error);
        CHECK(e.error->message == "export cancelled");
        // The old file is untouched and no partial file is left beside it.
        CHECK(readBytes(out).size() == std::string("the previous export").size());
        CHECK(!std::filesystem::exists(dir / ".show.mp4.partial"));
    }
}

TEST_CASE("Two caption languages export as two subtitle tracks, each tagged with its language") {
    TempDir dir;
    REQUIRE(makeTone(dir / "beep.wav", 1000, 0.5, 0, 0.5, kMixSampleRate));
    writeText(dir, "beep.en.vtt", "WEBVTT\n\n00:00.000 --> 00:00.400\nA beep.\n");
    writeText(dir, "beep.hy.vtt", "WEBVTT\n\n00:00.000 --> 00:00.400\nԶանգ։\n");
    const auto xml = writeText(dir, "exhibit.xml",
                               "<exhibit size=\"320x180\"><scene id=\"s\" dur=\"1s\">"
                               "<audio src=\"beep.wav\" role=\"effect\" credit=\"test\" captions=\"beep.en.vtt\" "
                               "second-captions=\"beep.hy.vtt\"/></scene></exhibit>");
    const auto out = dir / "show.mp4";
    auto e = exportTo(xml, out);
    REQUIRE_MESSAGE(!e.error, e.error->message);
    const Probe p = probe(out);
    REQUIRE(p.count("subtitle") == 2);
    std::vector<std::string> languages;
    for (const auto& s : p.streams)
        if (jsonField(s, "codec_type") == "subtitle") languages.push_back(jsonField(s, "language"));
    CHECK(languages == std::vector<std::string>{"eng", "arm"});
    CHECK(capture("ffmpeg -v error -i " + quoted(out) + " -map 0:s:0 -f webvtt -").find("A beep.") != std::string::npos);
    CHECK(capture("ffmpeg -v error -i " + quoted(out) + " -map 0:s:1 -f webvtt -").find("Զանգ") != std::string::npos);
}

TEST_CASE("An export that crosses the loop goes on into the next pass, its captions included") {
    // The 3-second flash-and-beep show from 2.5 s to 5.5 s: the seam at 3 s, then the next
    // pass, whose beep and its caption come 2 s into it, 2.5 s into the export.
    TempDir dir;
    const auto xml = writeFlashBeepShow(dir);
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    render::RenderResources resources;
    ExportOptions options;
    options.path = dir / "seam.mp4";
    options.from = seconds(2.5);
    options.to = seconds(5.5);
    options.fps = kFps;
    options.size = {kWidth, kHeight};
    const auto error = exportShow(*exhibit.show, resources, options, {});
    REQUIRE_FALSE(error);
    const Probe p = probe(options.path);
    REQUIRE(p.count("subtitle") == 1);
    const std::string srt = capture("ffmpeg -v error -i " + quoted(options.path) + " -map 0:s:0 -f srt -");
    INFO(srt);
    CHECK(srt.find("00:00:02,500 --> 00:00:02,900") != std::string::npos);
    CHECK(srt.find("A beep.") != std::string::npos);
}
