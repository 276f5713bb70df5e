#pragma once
// A small exhibit written into a fresh temporary folder for each studio test.

#include <doctest/doctest.h>

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

/// `text` with the first `from` replaced by `to` (which must be there): an expected edit.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace vitrine::studio::testing
