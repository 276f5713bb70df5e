// End to end: exports from the studio's --script, run by its export process while the
// studio goes on: a still of the text as edited (unsaved) that matches `vitrine still` of
// the same text once saved, a storyboard, an MP4, and a cancelled export that leaves nothing.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "studio/storyboard_layout.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"

namespace vitrine::studio {
namespace {

// The largest difference of one channel between two pictures of the same size.
int largestDifference(const sf::Image& a, const sf::Image& b) {
    int largest = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x) {
            sf::Color p = a.getPixel(x, y), q = b.getPixel(x, y);
            largest = std::max({largest, std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
        }
    return largest;
}

std::string fileStart(const std::filesystem::path& file, std::size_t n) {
    std::ifstream in(file, std::ios::binary);
    std::string s(n, '\0');
    in.read(s.data(), static_cast<std::streamsize>(n));
    return s;
}

// How many pixels of the lower fifth of `picture` are light: the caption's letters (the
// captioned fixture draws nothing else there, on black).
int lightPixelsInCaptionBand(const sf::Image& picture) {
    int light = 0;
    for (unsigned y = picture.getSize().y * 4 / 5; y < picture.getSize().y; ++y)
        for (unsigned x = 0; x < picture.getSize().x; ++x) {
            sf::Color c = picture.getPixel(x, y);
            light += c.r > 180 && c.g > 180 && c.b > 180;
        }
    return light;
}

int lightPixelsInCaptionBand(const std::filesystem::path& png) {
    sf::Image picture;
    REQUIRE(picture.loadFromFile(png.string()));
    return lightPixelsInCaptionBand(picture);
}

std::string output(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        ::pclose(pipe);
    }
    return out;
}

}  // namespace

TEST_CASE("studio program: a still, a storyboard and an MP4 exported from the text as edited, waited for by the script") {
    requireStudio();
    testing::StudioFixture f;
    auto still = f.folder / "out/still.png", sheet = f.folder / "out/sheet.png", video = f.folder / "out/clip.mp4";
    // The colour is changed and not saved when the still is exported: it must be in the still.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'style-set default color #ff3300; "
                                       "export-still " + still.string() + " opening+2s; export-storyboard " +
                      sheet.string() + "; export-mp4 " + video.string() + " opening+1s opening+2s; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("export: Exported " + still.string()) != std::string::npos);
    CHECK(r.output.find("export: Exported " + sheet.string()) != std::string::npos);
    CHECK(r.output.find("export: Exported " + video.string()) != std::string::npos);

    // The same frame as `vitrine still` draws from the file saved after it.
    auto reference = f.folder / "reference.png";
    Run drawn = runProgram("vitrine", "still " + quoted(f.file) + " --at opening+2s -o " + quoted(reference));
    INFO(drawn.output);
    REQUIRE(drawn.status == 0);
    sf::Image exported, expected;
    REQUIRE(exported.loadFromFile(still.string()));
    REQUIRE(expected.loadFromFile(reference.string()));
    REQUIRE(exported.getSize() == expected.getSize());
    CHECK(largestDifference(exported, expected) <= 8);
    // …and it is the edited colour that shows: some pixel is the red text.
    bool red = false;
    for (unsigned y = 0; y < exported.getSize().y && !red; y += 2)
        for (unsigned x = 0; x < exported.getSize().x && !red; x += 2) {
            sf::Color c = exported.getPixel(x, y);
            red = c.r > 200 && c.g < 90 && c.b < 40;
        }
    CHECK(red);

    sf::Image board;
    REQUIRE(board.loadFromFile(sheet.string()));
    StoryboardLayout layout = storyboardLayoutFor({1280, 720}, 4);
    CHECK(board.getSize() == sf::Vector2u(layout.width(), layout.height(2)));
    CHECK(fileStart(video, 8).substr(4, 4) == "ftyp");  // an MP4, complete (written by rename)
}

TEST_CASE("studio program: a cancelled export writes nothing and says so, and a bad range is refused in plain words") {
    requireStudio();
    testing::StudioFixture f;
    auto video = f.folder / "out/cancelled.mp4";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'export-mp4 " + video.string() +
                      "; cancel-export; wait 5; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("export: Export cancelled; nothing was written to " + video.string()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(video));
    // Nothing half written beside it either.
    if (std::filesystem::exists(video.parent_path())) CHECK(std::filesystem::is_empty(video.parent_path()));

    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'export-mp4 " + video.string() +
                  " closing opening+1s; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("must come after the start") != std::string::npos);
}

}  // namespace vitrine::studio

namespace vitrine::studio {

TEST_CASE("studio program: an export shows caption cues as edited and unsaved: drawn and in the MP4's subtitle track") {
    requireStudio();
    testing::CaptionedFixture f;
    // Cue 3 ("Three", 5 s to 6 s into the sound, which starts 1 s into the scene) moved to
    // 8 s, not saved: it shows from 9 s to 10 s of the scene in the preview, so in exports.
    auto moved = f.folder / "out/moved.png", old = f.folder / "out/old.png", video = f.folder / "out/clip.mp4";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'move-cue voice.vtt 3 8s; export-still " +
                      moved.string() + " testimony+9.5s; export-still " + old.string() +
                      " testimony+6.5s; export-mp4 " + video.string() + " testimony+8.5s testimony+10s; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(lightPixelsInCaptionBand(moved) > 50);  // "Three" at its new time
    CHECK(lightPixelsInCaptionBand(old) == 0);     // and no longer at its old one

    // The MP4's subtitle track holds the cue at its new time (0.5 s into the export), and the
    // picture burns it in there.
    const std::string cues = output("ffmpeg -v error -i " + quoted(video) + " -map 0:s:0 -f webvtt -");
    INFO(cues);
    CHECK(cues.find("00:00.500 --> 00:01.500\nThree") != std::string::npos);
    auto frame = f.folder / "out/frame.png";
    REQUIRE(std::system(("ffmpeg -v error -y -ss 1.0 -i " + quoted(video) + " -frames:v 1 " + quoted(frame)).c_str()) == 0);
    CHECK(lightPixelsInCaptionBand(frame) > 50);

    // Nothing was saved: the caption file on disk keeps its timings.
    CHECK(f.readCues() == testing::kCues);
}

}  // namespace vitrine::studio
