#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "captions/caption_loader.h"

using namespace vitrine;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed when the test ends.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("vitrine-captions-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" +
                std::to_string(std::hash<std::string>{}(fs::current_path().string())));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& contents) const {
        fs::path file = path / name;
        std::ofstream(file, std::ios::binary) << contents;
        return file;
    }
};

}  // namespace

TEST_CASE("caption files load from disk by extension") {
    TempDir dir;
    fs::path vtt = dir.write("testimony-01.vtt", "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Anna>We left.\n");
    fs::path srt = dir.write("testimony-01.SRT", "1\r\n00:00:01,000 --> 00:00:03,000\r\nWe left.\r\n");
    Diagnostics d;
    CaptionTrack fromVtt = loadCaptions(vtt, d);
    CaptionTrack fromSrt = loadCaptions(srt, d);
    CHECK(d.empty());
    CHECK(fromVtt.file == vtt.string());
    REQUIRE(fromVtt.cues.size() == 1);
    CHECK(fromVtt.cues[0].voice == "Anna");
    REQUIRE(fromSrt.cues.size() == 1);
    CHECK(fromSrt.cues[0].plainText() == fromVtt.cues[0].plainText());
    CHECK(fromSrt.cues[0].start == fromVtt.cues[0].start);
}

TEST_CASE("caption files with other extensions are sniffed") {
    TempDir dir;
    Diagnostics d;
    CHECK(loadCaptions(dir.write("a.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n"), d).cues.size() == 1);
    CHECK(loadCaptions(dir.write("b.sub", "1\n00:00:01,000 --> 00:00:02,000\nx\n"), d).cues.size() == 1);
    CHECK(d.empty());
    CaptionTrack prose = loadCaptions(dir.write("c.txt", "Just a letter.\nNo times here.\n"), d);
    CHECK(prose.cues.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-unknown-format");
}

TEST_CASE("a missing caption file is one error naming the file") {
    Diagnostics d;
    fs::path missing = fs::temp_directory_path() / "vitrine-no-such-dir" / "gone.vtt";
    CaptionTrack track = loadCaptions(missing, d);
    CHECK(track.cues.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-file-unreadable");
    CHECK(d.all()[0].where.file == missing.string());
    CHECK(d.all()[0].message.find("gone.vtt") != std::string::npos);
}

TEST_CASE("a .vtt file without its header is reported, not guessed as SRT") {
    Diagnostics d;
    FileReader reader = [](const fs::path&) -> std::optional<std::string> {
        return "1\n00:00:01,000 --> 00:00:02,000\nx\n";
    };
    CaptionTrack track = loadCaptions("mem/wrong.vtt", d, reader);
    CHECK(track.cues.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "caption-missing-header");
    CHECK(d.all()[0].where.file == "mem/wrong.vtt");
}

TEST_CASE("captionFormatFor prefers the extension") {
    CHECK(captionFormatFor("x.VTT", "") == CaptionFormat::WebVtt);
    CHECK(captionFormatFor("x.srt", "WEBVTT") == CaptionFormat::Srt);
    CHECK(captionFormatFor("x", "\xEF\xBB\xBFWEBVTT\n") == CaptionFormat::WebVtt);
    CHECK(captionFormatFor("x", "hello") == CaptionFormat::Unknown);
}

TEST_CASE("random bytes as a caption file are an error, whatever the extension") {
    TempDir dir;
    std::string noise;
    std::uint32_t state = 12345;
    for (int i = 0; i < 3000; ++i) {
        state = state * 1664525u + 1013904223u;  // a fixed sequence: the test is the same every run
        noise += static_cast<char>(state >> 24);
    }
    for (const char* name : {"noise.vtt", "noise.srt", "noise.txt"}) {
        CAPTURE(name);
        Diagnostics d;
        CHECK(loadCaptions(dir.write(name, noise), d).cues.empty());
        CHECK(d.hasErrors());
    }
}
