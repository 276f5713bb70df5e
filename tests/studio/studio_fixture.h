#pragma once
// A small exhibit written into a fresh temporary folder for each studio test.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace vitrine::studio::testing {

/// The fixture's text: two scenes, comments and odd formatting that an edit must keep.
inline const char* kStudioFixture = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- A designer's comment: keep me. -->
<exhibit title="Studio fixture" size="1280x720" lang="en">
  <style id="default" font="serif" size="40" color="#efe6d6"/>
  <scene id="opening" dur="10s">
    <text   x="100" y="100" width="1000" height="200"
            begin="1s"  dur = '4s'  >First words</text>
    <text x="100" y="400" width="1000" height="200" begin="5s">Second words</text>
  </scene>
  <!-- Between the scenes. -->
  <scene id="closing" dur="8s">
    <text x="100" y="100" width="1000" height="200" dur="6s">The end</text>
  </scene>
</exhibit>
)";

/// A temporary folder removed at the end of the test, with the fixture in it.
struct StudioFixture {
    std::filesystem::path folder;
    std::filesystem::path file;

    explicit StudioFixture(const std::string& text = kStudioFixture) {
        std::random_device entropy;
        folder = std::filesystem::temp_directory_path() / ("vitrine-studio-" + std::to_string(entropy()));
        std::filesystem::create_directories(folder);
        file = folder / "exhibit.xml";
        write(text);
    }
    ~StudioFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    /// Replaces the file's text, as another program would.
    void write(const std::string& text) const { std::ofstream(file, std::ios::binary) << text; }
    /// The file's text now.
    std::string read() const {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

// A sound with three caption cues, 1 s into a 12 s scene.
inline const char* kCaptionedExhibit = R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Cues" size="1280x720" lang="en">
  <scene id="testimony" dur="12s">
    <audio src="voice.wav" captions="voice.vtt" begin="1s" dur="10s"/>
  </scene>
</exhibit>
)";
inline const std::string kCues =
    "WEBVTT\n"
    "\n"
    "NOTE keep this note\n"
    "\n"
    "00:01.000 --> 00:02.000 align:start\n"
    "<v Ruben>One</v>\n"
    "\n"
    "00:03.000 --> 00:04.000\n"
    "Two\n"
    "\n"
    "00:05.000 --> 00:06.000\n"
    "Three\n";

struct CaptionedFixture : StudioFixture {
    std::filesystem::path vtt;
    CaptionedFixture() : StudioFixture(kCaptionedExhibit), vtt(folder / "voice.vtt") {
        std::ofstream(vtt, std::ios::binary) << kCues;
        const std::string wav = "'" + (folder / "voice.wav").string() + "'";
        REQUIRE(std::system(("ffmpeg -loglevel error -y -f lavfi -i sine=frequency=330:duration=10 -ar 48000 " + wav).c_str()) == 0);
    }
    std::string readCues() const {
        std::ifstream in(vtt, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

/// `text` with the first `from` replaced by `to` (which must be there): an expected edit.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace vitrine::studio::testing
