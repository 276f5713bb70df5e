// End to end: caption timing in the real studio, driven by --script. Retiming 3 lines of 4
// and saving wrote a 4th cue that started before the 3rd and overlapped the 2nd; now the
// save asks, and moving the untimed lines writes a file the caption checker finds clean.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <fstream>

#include "captions/caption_check.h"
#include "captions/caption_loader.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"

namespace vitrine::studio {

TEST_CASE("studio caption timing: saving 3 of 4 lines retimed asks first, and moving the untimed line writes them in order") {
    requireStudio();
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Caption timing" size="1280x720" lang="en">
  <scene id="testimony" dur="12s">
    <text x="100" y="100" width="1000" height="200">A voice</text>
    <audio src="voice.wav" captions="voice.vtt" begin="1s" dur="10s"/>
  </scene>
</exhibit>
)");
    std::string make = "ffmpeg -loglevel error -y -f lavfi -i sine=frequency=330:duration=10 -ar 48000 " +
                       quoted(f.folder / "voice.wav");
    REQUIRE(std::system(make.c_str()) == 0);
    const auto vtt = f.folder / "voice.vtt";
    const std::string original =
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.000\nOne\n\n"
        "00:00:02.500 --> 00:00:04.000\nTwo\n\n"
        "00:00:05.000 --> 00:00:06.000 align:start\nThree\n\n"
        "00:00:07.000 --> 00:00:08.000\nFour\n";
    std::ofstream(vtt, std::ios::binary) << original;
    auto read = [&] {
        std::ifstream in(vtt, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    // The sound starts 1 s into the scene: taps at the scene's 2, 5 and 9.5 s are the sound's
    // 1, 4 and 8.5 s; the third comes after line 4's old start (7 s).
    const std::string taps = "select line 5; time-captions; pause; scrub testimony+2s; tap; scrub testimony+5s; tap; "
                             "scrub testimony+9.5s; tap; ";
    const auto question = f.folder / "question.png";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script '" + taps + "save-captions; wait 3; screenshot " +
                      question.string() + "; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("3 of 4 lines timed: line 4 would start at 0:07.000, before line 3 ends") != std::string::npos);
    CHECK(read() == original);  // asked, nothing written
    sf::Image shot;
    CHECK(shot.loadFromFile(question.string()));

    r = runStudio(quoted(f.file) + " --size 1280x720 --script '" + taps + "save-captions move; wait 2; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("caption check found") == std::string::npos);
    CHECK(read() ==
          "WEBVTT\n\n"
          "00:00:01.000 --> 00:00:03.920\nOne\n\n"
          "00:00:04.000 --> 00:00:08.420\nTwo\n\n"
          "00:00:08.500 --> 00:00:09.500 align:start\nThree\n\n"
          "00:00:09.580 --> 00:00:10.000\nFour\n");  // a second long, ended with the sound
    Diagnostics diagnostics;
    CaptionTrack track = loadCaptions(vtt, diagnostics);
    checkCaptionCues(track, seconds(10), diagnostics);
    CHECK(diagnostics.empty());
}

TEST_CASE("studio caption timing: a save that writes overlapping cues says what the caption check found") {
    requireStudio();
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Caption timing" size="1280x720" lang="en">
  <scene id="testimony" dur="12s">
    <audio src="voice.wav" captions="voice.vtt" begin="1s" dur="10s"/>
  </scene>
</exhibit>
)");
    std::string make = "ffmpeg -loglevel error -y -f lavfi -i sine=frequency=330:duration=10 -ar 48000 " +
                       quoted(f.folder / "voice.wav");
    REQUIRE(std::system(make.c_str()) == 0);
    // Lines 2 and 3 overlapped before the retime; only line 1 is tapped.
    std::ofstream(f.folder / "voice.vtt", std::ios::binary)
        << "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03.000 --> 00:00:05.000\nTwo\n\n"
           "00:00:04.000 --> 00:00:06.000\nThree\n";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'select line 4; time-captions; pause; "
                                       "scrub testimony+2.5s; tap; save-captions; wait 2; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("Saved ") != std::string::npos);
    CHECK(r.output.find("caption check found: voice.vtt:9: this cue") != std::string::npos);
    CHECK(r.output.find("overlaps") != std::string::npos);
}

}  // namespace vitrine::studio
