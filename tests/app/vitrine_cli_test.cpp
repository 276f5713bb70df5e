// The vitrine program as a user runs it: exit codes, messages, help.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <SFML/Graphics/Image.hpp>

#include "media/media_test_files.h"
#include "media/video_test_media.h"
#include "render/qr_code.h"
#include "support/run_command.h"

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr together
};

// `environment` is put before the command, e.g. "DISPLAY=:9 timeout 3".
Run runVitrineWith(const std::string& environment, const std::string& arguments) {
    std::string command =
        environment + " " + (vitrine::test::binaryDir() / "bin/vitrine").string() + " " + arguments + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.output.append(buffer.data(), n);
    int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

Run runVitrine(const std::string& arguments) { return runVitrineWith("", arguments); }

std::string write(const vitrine::test::TempDir& dir, const std::string& name, const std::string& text) {
    auto p = dir / name;
    vitrine::test::writeBytes(p, std::vector<std::uint8_t>(text.begin(), text.end()));
    return vitrine::test::quoted(p);
}

}  // namespace

TEST_CASE("cli: --help and --version") {
    Run help = runVitrine("--help");
    CHECK(help.status == 0);
    CHECK(help.output.find("vitrine check EXHIBIT.xml") != std::string::npos);
    // render's range takes scene names and offsets, and says so.
    CHECK(help.output.find("[--from POS] [--to POS]") != std::string::npos);
    CHECK(help.output.find("lens+3s") != std::string::npos);
    Run version = runVitrine("--version");
    CHECK(version.status == 0);
    CHECK(version.output.rfind("vitrine ", 0) == 0);
}

TEST_CASE("cli: a wrong command line is a clear message and exit 2") {
    Run unknown = runVitrine("chek x.xml");
    CHECK(unknown.status == 2);
    CHECK(unknown.output.find("unknown command 'chek'") != std::string::npos);
    Run option = runVitrine("check --jsn x.xml");
    CHECK(option.status == 2);
    CHECK(option.output.find("unknown option '--jsn'") != std::string::npos);
    Run still = runVitrine("still x.xml --att 3s -o a.png");
    CHECK(still.status == 2);
    CHECK(still.output.find("did you mean '--at'") != std::string::npos);
    CHECK(runVitrine("check").status == 2);
}

TEST_CASE("cli: check exits 0 clean, 1 with warnings, 2 with errors, and prints file:line:col") {
    vitrine::test::TempDir dir;
    auto clean = write(dir, "clean.xml", "<exhibit><scene dur=\"5s\"><text>Hello</text></scene></exhibit>");
    auto warn = write(dir, "warn.xml", "<exhibit><scene dur=\"2s\"><text>one two three four five six seven eight</text></scene></exhibit>");
    auto bad = write(dir, "bad.xml", "<exhibit>\n  <scene dur=\"soon\"/>\n</exhibit>");
    Run c = runVitrine("check " + clean);
    CHECK(c.status == 0);
    CHECK(c.output.find("1 scene, 5s total, 0 media files referenced, 0 missing; 0 errors, 0 warnings") != std::string::npos);
    Run w = runVitrine("check " + warn);
    CHECK(w.status == 1);
    CHECK(w.output.find("warn.xml:1:26: warning:") != std::string::npos);
    Run b = runVitrine("check " + bad);
    CHECK(b.status == 2);
    CHECK(b.output.find("bad.xml:2:10: error: 'soon' is not a time") != std::string::npos);
    Run j = runVitrine("check --json " + bad);
    CHECK(j.status == 2);
    CHECK(j.output.find("\"code\": \"bad-time\"") != std::string::npos);
    CHECK(j.output.find("\"line\": 2") != std::string::npos);
    Run missing = runVitrine("check " + vitrine::test::quoted(dir / "none.xml"));
    CHECK(missing.status == 2);
    CHECK(missing.output.find("cannot read") != std::string::npos);
}

TEST_CASE("cli: check reads the caption files an exhibit's sounds use, at file:line:col, against the sound's length") {
    vitrine::test::TempDir dir;
    REQUIRE(vitrine::test::runFfmpeg("-f lavfi -i sine=f=440 -t 3 " + vitrine::test::quoted(dir / "voice.wav")));
    write(dir, "voice.vtt",
          "WEBVTT\n\n"
          "00:00.500 --> 00:01.500\nfine\n\n"      // 3
          "00:01,500 --> 00:02.000\ncomma\n\n"     // 6
          "00:01.000 --> 00:02.500\noverlaps\n\n"  // 9: the cue at line 3 is still on
          "00:02.500 --> 00:04.000\ntoo late\n");   // 12: the sound lasts 3 s
    auto xml = write(dir, "e.xml",
                     "<exhibit><scene dur=\"3s\"><audio src=\"voice.wav\" captions=\"voice.vtt\" credit=\"me\"/>"
                     "</scene></exhibit>");
    Run r = runVitrine("check " + xml);
    CHECK(r.status == 2);
    CHECK(r.output.find("voice.vtt:6:6: error: the start time '00:01,500' has a ','") != std::string::npos);
    CHECK(r.output.find("voice.vtt:9:1: warning: this cue (0:01.000 --> 0:02.500) overlaps the cue at line 3") !=
          std::string::npos);
    CHECK(r.output.find("voice.vtt:12:1: warning: this cue (0:02.500 --> 0:04.000) ends after the end of its sound "
                        "(0:03.000)") != std::string::npos);
    CHECK(r.output.find("1 error, 2 warnings") != std::string::npos);

    // The same file on its own: all but the sound's end, which only the exhibit knows.
    Run alone = runVitrine("check " + vitrine::test::quoted(dir / "voice.vtt"));
    CHECK(alone.status == 2);
    CHECK(alone.output.find("voice.vtt:6:6: error:") != std::string::npos);
    CHECK(alone.output.find("caption") != std::string::npos);
    CHECK(alone.output.find("3 cues; 1 error, 1 warning") != std::string::npos);
    Run json = runVitrine("check --json " + vitrine::test::quoted(dir / "voice.vtt"));
    CHECK(json.output.find("\"summary\": {\"cues\": 3, \"errors\": 1, \"warnings\": 1}") != std::string::npos);

    write(dir, "clean.srt", "1\r\n00:00:01,000 --> 00:00:02,000\r\nClean.\r\n");
    Run clean = runVitrine("check " + vitrine::test::quoted(dir / "clean.srt"));
    CHECK(clean.status == 0);
    CHECK(clean.output == "1 cue; 0 errors, 0 warnings\n");
}

TEST_CASE("cli: check decodes every picture sound and clip and names why a broken one will not play") {
    using vitrine::test::quoted;
    vitrine::test::TempDir dir;
    REQUIRE(vitrine::test::makeTestPattern(dir / "photo.jpg", 320, 240));
    std::vector<std::uint8_t> jpeg = vitrine::test::readBytes(dir / "photo.jpg");
    jpeg.resize(jpeg.size() / 2);
    vitrine::test::writeBytes(dir / "half.jpg", jpeg);
    write(dir, "note.jpg", "Photograph to be supplied by the archive.\n");
    vitrine::test::writeBytes(dir / "noise.wav", vitrine::test::randomBytes(20000));
    REQUIRE(vitrine::test::runFfmpeg("-f lavfi -i testsrc2=size=160x120:rate=25 -t 2 -c:v libx264 -pix_fmt yuv420p " +
                                     quoted(dir / "silent.mp4")));
    vitrine::test::writeBytes(dir / "unfinished.mp4", vitrine::test::withoutMp4Index(vitrine::test::readBytes(dir / "silent.mp4")));
    auto xml = write(dir, "e.xml",
                     "<exhibit><scene dur=\"3s\">\n"
                     "<image src=\"photo.jpg\" credit=\"c\"/>\n"
                     "<image src=\"half.jpg\" credit=\"c\"/>\n"       // 3
                     "<image credit=\"c\" src=\"note.jpg\"/>\n"       // 4
                     "<audio src=\"noise.wav\" dur=\"2s\" credit=\"c\"/>\n"  // 5
                     "<video src=\"unfinished.mp4\" credit=\"c\"/>\n" // 6
                     "<video src=\"silent.mp4\" credit=\"c\"/>\n"     // 7: a film without sound is fine
                     "</scene></exhibit>\n");
    Run r = runVitrine("check " + xml);
    CHECK(r.status == 2);
    const std::string half = std::to_string(jpeg.size() / 1000) + "," + std::to_string(jpeg.size() % 1000 + 1000).substr(1);
    CHECK(r.output.find("e.xml:3:8: error: half.jpg: the JPEG ends after " + half +
                        " bytes, without its end marker: it was cut short [media-cut-short]") != std::string::npos);
    CHECK(r.output.find("e.xml:4:19: error: note.jpg: not a picture: the file is text [media-wrong-kind]") !=
          std::string::npos);
    CHECK(r.output.find("e.xml:5:8: error: noise.wav: not a sound: its content is in no sound format Vitrine reads") !=
          std::string::npos);
    CHECK(r.output.find("e.xml:6:8: error: unfinished.mp4: the MP4 has no index (moov): it was not finished writing") !=
          std::string::npos);
    CHECK(r.output.find("photo.jpg:") == std::string::npos);
    CHECK(r.output.find("silent.mp4:") == std::string::npos);
    // FFmpeg's own lines ("[mov,mp4,...] moov atom not found") are kept with the decode, never printed.
    CHECK(r.output.find("moov atom") == std::string::npos);
    CHECK(r.output.find("[mov,") == std::string::npos);
    CHECK(r.output.find("4 errors") != std::string::npos);
}

TEST_CASE("cli: check finds the Baku exhibit's media and caption files clean") {
    Run r = runVitrine("check " + vitrine::test::quoted(vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml"));
    CHECK(r.status == 0);
    CHECK(r.output.find("0 errors, 0 warnings") != std::string::npos);
    Run captions =
        runVitrine("check " + vitrine::test::quoted(vitrine::test::sourceDir() / "exhibits/baku-1990/audio/testimony-reading.vtt"));
    CHECK(captions.status == 0);
}

TEST_CASE("cli: check reads an installation file, told by its root element, with file:line:col and hints") {
    vitrine::test::TempDir dir;
    auto site = write(dir, "site.xml",
                      "<installation>\n  <hours>\n    <open days=\"mon-fri\" from=\"10:00\" to=\"13:00\"/>\n"
                      "    <open days=\"mon-fri\" from=\"14:00\" to=\"25:00\"/>\n"
                      "    <closed date=\"2026-12-25\"/><special date=\"2026-12-25\" from=\"10:00\" to=\"12:00\"/>\n"
                      "  </hours>\n  <output id=\"left\" resoluton=\"1920x1080\"/>\n</installation>\n");
    Run r = runVitrine("check " + site);
    CHECK(r.status == 2);
    CHECK(r.output.find("site.xml:4:39: error: '25:00' is not a time of day") != std::string::npos);
    CHECK(r.output.find("site.xml:5:41: error: 2026-12-25 is given both as <closed> and with hours") != std::string::npos);
    CHECK(r.output.find("site.xml:7:21: warning: <output> has no attribute 'resoluton'") != std::string::npos);
    CHECK(r.output.find("attributes here: id, display, resolution") != std::string::npos);  // the hint
    CHECK(r.output.find("1 output, open 5 days a week (5 openings), 1 dated exception; 2 errors, 1 warning") !=
          std::string::npos);
    Run j = runVitrine("check --json " + site);
    CHECK(j.status == 2);
    CHECK(j.output.find("\"code\": \"closed-and-special\"") != std::string::npos);
    Run example = runVitrine("check " + vitrine::test::quoted(vitrine::test::sourceDir() / "exhibits/installation.example.xml"));
    CHECK(example.status == 0);
}

TEST_CASE("cli: scenes lists ids, starts and durations") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit><scene id=\"intro\" dur=\"5s\"/><scene id=\"map\" dur=\"1:30\"/></exhibit>");
    Run r = runVitrine("scenes " + xml);
    CHECK(r.status == 0);
    CHECK(r.output.find("intro    0:00.000") != std::string::npos);
    CHECK(r.output.find("map      0:05.000") != std::string::npos);
    CHECK(r.output.find("1:30") != std::string::npos);
    CHECK(r.output.find("2 scenes, 1:35 total") != std::string::npos);
}

TEST_CASE("cli: scenes and check show times to the millisecond at most") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "t.xml",
                     "<exhibit><scene id=\"a\" dur=\"1:33.1962814\"/><scene id=\"b\" dur=\"2:22\"/></exhibit>");
    Run r = runVitrine("scenes " + xml);
    CHECK(r.status == 0);
    CHECK(r.output.find("1:33.196 ") != std::string::npos);
    CHECK(r.output.find("1:33.196281") == std::string::npos);
    CHECK(r.output.find("b        1:33.196") != std::string::npos);  // the next scene's start, rounded
    CHECK(r.output.find("2 scenes, 3:55.2 total") != std::string::npos);
    Run c = runVitrine("check " + xml);
    CHECK(c.output.find("2 scenes, 3:55.2 total") != std::string::npos);
}

TEST_CASE("cli: scenes on a script with errors reports them, as check does, and exits 2") {
    vitrine::test::TempDir dir;
    auto bad = write(dir, "bad.xml", "<exhibit>\n  <scene id=\"a\" dur=\"5s\"/>\n  <scene id=\"b\" dur=\"soon\"/>\n</exhibit>");
    Run r = runVitrine("scenes " + bad);
    CHECK(r.status == 2);
    CHECK(r.output.find("bad.xml:3:17: error: 'soon' is not a time") != std::string::npos);
    CHECK(r.output.find("1 error") != std::string::npos);
    CHECK(r.output.find("start") == std::string::npos);  // no timeline
}

TEST_CASE("cli: scenes aligns its columns by characters, not bytes") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "u.xml", "<exhibit><scene id=\"phare-\xC3\xA9t\xC3\xA9\" dur=\"5s\"/><scene id=\"nuit\" dur=\"5s\"/></exhibit>");
    Run r = runVitrine("scenes " + xml);
    CHECK(r.status == 0);
    // "phare-été" is 9 characters (11 bytes): both start columns end at character 21.
    CHECK(r.output.find("phare-\xC3\xA9t\xC3\xA9    0:00.000") != std::string::npos);
    CHECK(r.output.find("\nnuit         0:05.000") != std::string::npos);
}

TEST_CASE("cli: still writes the frame at a scene-relative time, bad positions are refused") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit background=\"#102030\"><scene id=\"a\" dur=\"5s\"/><scene id=\"b\" dur=\"5s\"/></exhibit>");
    auto png = dir / "frame.png";
    Run r = runVitrine("still " + xml + " --at b+1s -o " + vitrine::test::quoted(png) + " --size 320x180");
    CHECK(r.status == 0);
    CHECK(r.output.find("0:06.000 (scene b)") != std::string::npos);
    CHECK(std::filesystem::exists(png));
    Run bad = runVitrine("still " + xml + " --at nowhere -o " + vitrine::test::quoted(png));
    CHECK(bad.status == 2);
    CHECK(bad.output.find("neither a time nor a scene (scenes: a, b)") != std::string::npos);
    Run early = runVitrine("still " + xml + " --at -1s -o " + vitrine::test::quoted(png));
    CHECK(early.status == 2);
    CHECK(early.output.find("outside the show") != std::string::npos);
    // Past the end the show loops, as the player plays it: 20 s is the start of a third pass.
    Run late = runVitrine("still " + xml + " --at 21s -o " + vitrine::test::quoted(png) + " --size 320x180");
    CHECK(late.status == 0);
    CHECK(late.output.find("0:21.000 (scene a)") != std::string::npos);
}

TEST_CASE("cli: still just after the loop's seam shows the credits fading into the first scene") {
    // A red first scene and blue credits, with the show's default fade of 2 s: one second
    // into the second pass both are on screen; one second into the first, only red (over
    // the black background).
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml",
                     "<exhibit background=\"#000000\" default-transition=\"fade 2s\">"
                     "<scene id=\"opening\" dur=\"5s\" background=\"#ff0000\"/>"
                     "<scene id=\"credits\" dur=\"5s\" background=\"#0000ff\"/></exhibit>");
    auto colourAt = [&](const std::string& at) {
        auto png = dir / "frame.png";
        Run r = runVitrine("still " + xml + " --at " + at + " -o " + vitrine::test::quoted(png) + " --size 160x90");
        INFO(r.output);
        REQUIRE(r.status == 0);
        sf::Image image;
        REQUIRE(image.loadFromFile(png.string()));
        return image.getPixel(80, 45);
    };
    const sf::Color seam = colourAt("11s");
    MESSAGE("one second after the seam: " << int(seam.r) << "," << int(seam.g) << "," << int(seam.b));
    CHECK(seam.r > 60);
    CHECK(seam.r < 200);
    CHECK(seam.b > 60);
    CHECK(seam.b < 200);
    const sf::Color start = colourAt("1s");
    CHECK(start.r > 60);
    CHECK(start.b < 10);
}

TEST_CASE("cli: render writes numbered frames, or one per scene") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit><scene id=\"a\" dur=\"1s\"/><scene id=\"b\" dur=\"1s\"/></exhibit>");
    Run r = runVitrine("render " + xml + " --frames " + vitrine::test::quoted(dir / "frames") + " --fps 5 --size 160x90");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(std::filesystem::exists(dir / "frames" / "000000.png"));
    CHECK(std::filesystem::exists(dir / "frames" / "000009.png"));
    CHECK_FALSE(std::filesystem::exists(dir / "frames" / "000010.png"));
    Run s = runVitrine("render " + xml + " --frames " + vitrine::test::quoted(dir / "scenes") + " --per-scene --size 160x90");
    CHECK(s.status == 0);
    CHECK(std::filesystem::exists(dir / "scenes" / "000001-b.png"));
    // A range by scene name and offset: b's first 0.6 s at 5 fps is 3 frames.
    Run range = runVitrine("render " + xml + " --frames " + vitrine::test::quoted(dir / "range") +
                           " --from b --to b+0.6s --fps 5 --size 160x90");
    INFO(range.output);
    CHECK(range.status == 0);
    CHECK(std::filesystem::exists(dir / "range" / "000002.png"));
    CHECK_FALSE(std::filesystem::exists(dir / "range" / "000003.png"));
}

namespace {

// How many lines of `output` contain `text`.
int linesWith(const std::string& output, const std::string& text) {
    int count = 0;
    std::size_t start = 0;
    while (start < output.size()) {
        std::size_t end = output.find('\n', start);
        if (end == std::string::npos) end = output.size();
        if (output.substr(start, end - start).find(text) != std::string::npos) ++count;
        start = end + 1;
    }
    return count;
}

}  // namespace

TEST_CASE("cli: still and render name a broken video once, with its reason, and FFmpeg's own lines stay quiet") {
    vitrine::test::TempDir dir;
    // An MP4 with its index first, cut off after a third: it opens, then runs out mid-film.
    REQUIRE(vitrine::test::runFfmpeg("-f lavfi -i testsrc2=size=160x90:rate=25 -f lavfi -i sine=f=440 -t 3 "
                                     "-pix_fmt yuv420p -c:a aac -movflags +faststart " +
                                     vitrine::test::quoted(dir / "whole.mp4")));
    auto whole = vitrine::test::readBytes(dir / "whole.mp4");
    whole.resize(whole.size() / 3);
    vitrine::test::writeBytes(dir / "cut.mp4", whole);
    vitrine::test::writeBytes(dir / "noise.mp4", std::vector<std::uint8_t>(4000, 0x5a));
    auto xml = write(dir, "v.xml",
                     "<exhibit size=\"160x90\"><scene id=\"cut\" dur=\"3s\"><video src=\"cut.mp4\" credit=\"test\"/></scene>"
                     "<scene id=\"noise\" dur=\"1s\"><video src=\"noise.mp4\" credit=\"test\"/></scene></exhibit>");
    auto png = vitrine::test::quoted(dir / "frame.png");

    Run cut = runVitrine("still " + xml + " --at cut+2.5s -o " + png);
    INFO(cut.output);
    CHECK(cut.status == 0);
    CHECK(linesWith(cut.output, "video " + (dir / "cut.mp4").string() + ": damaged or cut short: ") == 1);
    CHECK(linesWith(cut.output, "cut.mp4") == 1);
    // Nothing else: no raw FFmpeg line ("[mov,mp4,…] stream 0, offset 0x9d7b: partial file").
    CHECK(linesWith(cut.output, "") == 2);  // the message and the still's own line

    Run noise = runVitrine("still " + xml + " --at noise -o " + png);
    INFO(noise.output);
    CHECK(noise.status == 0);
    CHECK(linesWith(noise.output, "video " + (dir / "noise.mp4").string() + ": not a media file") == 1);
    CHECK(linesWith(noise.output, "noise.mp4") == 1);

    Run frames = runVitrine("render " + xml + " --frames " + vitrine::test::quoted(dir / "frames") + " --fps 10");
    INFO(frames.output);
    CHECK(frames.status == 0);
    CHECK(linesWith(frames.output, "cut.mp4") == 1);
    CHECK(linesWith(frames.output, "noise.mp4") == 1);
    CHECK(linesWith(frames.output, "") == 3);  // the two messages and "N frames written"
}

TEST_CASE("cli: render -o names a sound it cannot play, and says nothing of a silent film") {
    vitrine::test::TempDir dir;
    REQUIRE(vitrine::test::runFfmpeg("-f lavfi -i testsrc2=size=160x90:rate=25 -t 1 -pix_fmt yuv420p " +
                                     vitrine::test::quoted(dir / "silent.mp4")));
    vitrine::test::writeBytes(dir / "broken.wav", std::vector<std::uint8_t>(3000, 0x5a));
    auto xml = write(dir, "a.xml",
                     "<exhibit size=\"160x90\"><scene id=\"film\" dur=\"1s\"><video src=\"silent.mp4\" credit=\"test\"/></scene>"
                     "<scene id=\"voice\" dur=\"1s\"><audio src=\"broken.wav\" credit=\"test\"/></scene></exhibit>");
    Run r = runVitrine("render " + xml + " -o " + vitrine::test::quoted(dir / "out.mp4") + " --fps 5");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(linesWith(r.output, "sound " + (dir / "broken.wav").string() + ": ") == 1);
    CHECK(linesWith(r.output, "silent.mp4") == 0);
    CHECK(linesWith(r.output, "audio stream") == 0);
}

TEST_CASE("cli: play --once plays a short show in a window and exits by itself") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit><scene id=\"first\" dur=\"300ms\"><text>a</text></scene>"
                                    "<scene id=\"second\" dur=\"300ms\"><text>b</text></scene></exhibit>");
    Run r = runVitrine("play " + xml + " --windowed 320x180 --once");
    CHECK(r.status == 0);
    CHECK(r.output.find("scene first at 0:00.000") != std::string::npos);
    CHECK(r.output.find("scene second at 0:00.300") != std::string::npos);
    Run start = runVitrine("play " + xml + " --windowed 320x180 --once --start second");
    CHECK(start.status == 0);
    CHECK(start.output.find("scene first") == std::string::npos);
}

TEST_CASE("cli: play reads the corners calibration saved in the unit's state folder") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit><scene id=\"only\" dur=\"300ms\"><text>a</text></scene></exhibit>");
    auto installation = write(dir, "installation.xml", "<installation>\n  <output id=\"wall\" resolution=\"320x180\"/>\n</installation>\n");
    std::filesystem::create_directories(dir / "state");
    // Saved for an output this installation lacks: a warning at its line proves the file was read.
    write(dir, "state/keystone.xml",
          "<installation>\n  <output id=\"door\">\n    <keystone tl=\"1,1\" tr=\"319,0\" br=\"320,180\" bl=\"0,180\"/>\n"
          "  </output>\n</installation>\n");
    Run r = runVitrineWith("STATE_DIRECTORY=" + vitrine::test::quoted(dir / "state"),
                           "play " + xml + " --windowed 320x180 --once --audio off --installation " + installation);
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find((dir / "state" / "keystone.xml").string() + ":2:") != std::string::npos);
    CHECK(r.output.find("no output 'door'") != std::string::npos);
}

TEST_CASE("cli: a display that does not answer is reported, or waited for by play, never an abort") {
    vitrine::test::TempDir dir;
    auto xml = write(dir, "s.xml", "<exhibit><scene id=\"a\" dur=\"5s\"><text>a</text></scene></exhibit>");
    int unused = 90;
    while (std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(unused))) ++unused;
    const std::string silent = "DISPLAY=:" + std::to_string(unused);
    Run still = runVitrineWith(silent, "still " + xml + " --at 1s -o " + vitrine::test::quoted(dir / "f.png"));
    INFO(still.output);
    CHECK(still.status == 3);  // not SIGABRT from SFML
    CHECK(still.output.find("the display :" + std::to_string(unused) + " does not answer") != std::string::npos);
    Run render = runVitrineWith(silent, "render " + xml + " -o " + vitrine::test::quoted(dir / "v.mp4"));
    CHECK(render.status == 3);
    // play waits for the X server (at boot it may come later); timeout ends the wait.
    Run play = runVitrineWith(silent + " timeout 3", "play " + xml + " --windowed 320x180");
    INFO(play.output);
    CHECK(play.status == 124);
    CHECK(play.output.find("does not answer yet; waiting for its X server") != std::string::npos);
}

TEST_CASE("cli: check --installation lays the exhibit out as that site shows it") {
    vitrine::test::TempDir dir;
    // One line of any language fits the box; two stacked do not (as written, all three
    // stacked overflow by more: the site's problem is its own).
    const std::string exhibit = write(
        dir, "exhibit.xml",
        "<exhibit title=\"Two\" size=\"1920x1080\" lang=\"en\"><style id=\"default\" size=\"48\"/>"
        "<scene id=\"one\" dur=\"8s\"><text x=\"10%\" y=\"10%\" width=\"40%\" height=\"70px\">"
        "<p lang=\"en\">Short.</p><p lang=\"fr\">Court.</p><p lang=\"hy\">Կարճ։</p></text></scene></exhibit>");
    const std::string both = write(dir, "both.xml", "<installation><languages show=\"both\" text=\"en fr\"/></installation>");
    const std::string one = write(dir, "one.xml", "<installation><languages show=\"one\" text=\"fr en\"/></installation>");
    Run asBoth = runVitrine("check " + exhibit + " --installation " + both);
    CHECK(asBoth.output.find("(as this site shows it, in en and fr) [text-overflow]") != std::string::npos);
    CHECK(asBoth.status == 1);
    Run asOne = runVitrine("check " + exhibit + " --installation " + one);
    CHECK(asOne.output.find("as this site shows it") == std::string::npos);
    Run missing = runVitrine("check " + exhibit + " --installation");
    CHECK(missing.status == 2);
    CHECK(missing.output.find("--installation needs an installation file") != std::string::npos);
    const std::string broken = write(dir, "broken.xml", "<installation>");
    Run unusable = runVitrine("check " + exhibit + " --installation " + broken);
    CHECK(unusable.status == 2);
    CHECK(unusable.output.find("cannot be used") != std::string::npos);
}

namespace {

// A text written in English and French, and the same text written in one of them only.
std::string twoLanguageExhibit(const std::string& paragraphs) {
    return "<exhibit size=\"640x360\" lang=\"en fr\" background=\"#000000\"><style id=\"default\" font=\"serif\" "
           "size=\"40\" color=\"#ffffff\"/><scene id=\"a\" dur=\"5s\"><text x=\"5%\" y=\"5%\" width=\"90%\" "
           "height=\"90%\">" + paragraphs + "</text></scene></exhibit>";
}
const std::string kEnglish = "<p lang=\"en\">The first words.</p>";
const std::string kFrench = "<p lang=\"fr\">Les premiers mots.</p>";

sf::Image stillOf(const vitrine::test::TempDir& dir, const std::string& name, const std::string& xml,
                  const std::string& options = "") {
    auto png = dir / (name + ".png");
    Run r = runVitrine("still " + write(dir, name + ".xml", xml) + " --at 2s -o " + vitrine::test::quoted(png) + " " + options);
    INFO(r.output);
    REQUIRE(r.status == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    return image;
}

bool samePixels(const sf::Image& a, const sf::Image& b) {
    return a.getSize() == b.getSize() &&
           std::equal(a.getPixelsPtr(), a.getPixelsPtr() + a.getSize().x * a.getSize().y * 4, b.getPixelsPtr());
}

}  // namespace

TEST_CASE("cli: still with no site choice draws a two-language text in the exhibit's main language only") {
    vitrine::test::TempDir dir;
    const sf::Image both = stillOf(dir, "both", twoLanguageExhibit(kEnglish + kFrench));
    const sf::Image english = stillOf(dir, "english", twoLanguageExhibit(kEnglish));
    const sf::Image french = stillOf(dir, "french", twoLanguageExhibit(kFrench));
    CHECK(samePixels(both, english));
    CHECK_FALSE(samePixels(english, french));  // the comparison can tell the languages apart
}

TEST_CASE("cli: still --languages draws the text in the language asked for") {
    vitrine::test::TempDir dir;
    const sf::Image french = stillOf(dir, "french", twoLanguageExhibit(kFrench));
    const sf::Image asked = stillOf(dir, "asked", twoLanguageExhibit(kEnglish + kFrench), "--languages fr");
    CHECK(samePixels(asked, french));
    // Both: the first language's paragraph with the second's below it, unlike either alone.
    const sf::Image both = stillOf(dir, "both", twoLanguageExhibit(kEnglish + kFrench), "--languages 'en fr' --language-mode both");
    CHECK_FALSE(samePixels(both, french));
    CHECK_FALSE(samePixels(both, stillOf(dir, "english", twoLanguageExhibit(kEnglish))));
    Run bad = runVitrine("still " + write(dir, "bad.xml", twoLanguageExhibit(kEnglish)) + " --at 1s -o x.png --languages '1 2'");
    CHECK(bad.status == 2);
    CHECK(bad.output.find("--languages: '1 2' is not a list of language codes") != std::string::npos);
}

TEST_CASE("cli: still leaves a sign-language video out: only a site's reserved region shows it") {
    vitrine::test::TempDir dir;
    REQUIRE(vitrine::test::makeNumberedVideo(dir / "clip.mp4", 3));
    auto exhibitWith = [](const std::string& kind) {
        return "<exhibit size=\"320x180\"><scene id=\"s\" dur=\"5s\"><video src=\"clip.mp4\" credit=\"c\"" + kind +
               "/></scene></exhibit>";
    };
    const sf::Image clip = stillOf(dir, "clip", exhibitWith(""));
    const sf::Image sign = stillOf(dir, "sign", exhibitWith(" kind=\"sign-language\""));
    const sf::Image none = stillOf(dir, "none", "<exhibit size=\"320x180\"><scene id=\"s\" dur=\"5s\"/></exhibit>");
    CHECK_FALSE(samePixels(clip, none));  // the clip is drawn
    CHECK(samePixels(sign, none));        // the interpreter is not, without a site's region
}

// The wall's <visitor-code>, as a still of the site shows it, scanned back by a phone's
// decoder (zbar) to the site's <visitor-page address>; nothing at a site without a page.
TEST_CASE("cli: still --installation draws the visitor page's QR code and check warns where there is no page") {
    using vitrine::test::quoted;
    vitrine::test::TempDir dir;
    const auto fixtures = vitrine::test::fixturesDir() / "visitor-code";
    const std::string exhibit = quoted(fixtures / "exhibit.xml");
    const auto withPage = dir / "with-page.png", withoutPage = dir / "without-page.png";
    Run drawn = runVitrine("still " + exhibit + " --at 2s -o " + quoted(withPage) + " --installation " +
                           quoted(fixtures / "installation.xml"));
    REQUIRE(drawn.status == 0);
    const vitrine::test::CommandResult scanned = vitrine::test::runCommand("zbarimg --quiet --raw " + quoted(withPage));
    CHECK(scanned.status == 0);
    CHECK(scanned.output == "http://vitrine.local:8090/\n");

    sf::Image still;
    REQUIRE(still.loadFromFile(withPage.string()));
    // Not only a code that scans: the address's own modules in their order, row by row (zbar
    // also reads a transposed or mirrored code, which some phones' scanners refuse).
    const auto modules = vitrine::render::encodeQr("http://vitrine.local:8090/");
    REQUIRE(modules);
    unsigned left = 1280, top = 720, right = 0, bottom = 0;  // the white square, quiet zone included
    for (unsigned y = 720 - 43 - 420; y < 720 - 43 - 60; ++y)
        for (unsigned x = 1280 - 77 - 360; x < 1280 - 77; ++x)
            if (still.getPixel(x, y).r > 128)
                left = std::min(left, x), right = std::max(right, x), top = std::min(top, y), bottom = std::max(bottom, y);
    REQUIRE(right > left);
    const double module = (right + 1 - left) / double(modules->size + 8);
    int wrong = 0;
    for (int my = 0; my < modules->size; ++my)
        for (int mx = 0; mx < modules->size; ++mx) {
            const auto px = static_cast<unsigned>(left + (4 + mx + 0.5) * module);
            const auto py = static_cast<unsigned>(top + (4 + my + 0.5) * module);
            wrong += (still.getPixel(px, py).r < 128) != modules->at(mx, my);
        }
    CHECK(wrong == 0);

    Run blank = runVitrine("still " + exhibit + " --at 2s -o " + quoted(withoutPage) + " --installation " +
                           quoted(fixtures / "installation-without-page.xml"));
    REQUIRE(blank.status == 0);
    CHECK(vitrine::test::runCommand("zbarimg --quiet --raw " + quoted(withoutPage)).status != 0);
    sf::Image empty;
    REQUIRE(empty.loadFromFile(withoutPage.string()));
    // The box: 360x420 at the bottom right, inside a 6% margin of the 1280x720 canvas.
    auto brightPixels = [](const sf::Image& image, unsigned top = 720 - 43 - 420) {
        int bright = 0;
        for (unsigned y = top; y < 720 - 43; ++y)
            for (unsigned x = 1280 - 77 - 360; x < 1280 - 77; ++x)
                if (image.getPixel(x, y).r > 128) ++bright;
        return bright;
    };
    CHECK(brightPixels(still) > 20000);  // the code's white modules and quiet zone
    CHECK(brightPixels(empty) == 0);
    // The short address is written in the box's last 50 px, under the code's quiet zone.
    CHECK(brightPixels(still, 720 - 43 - 50) > 100);

    Run alone = runVitrine("check " + exhibit);
    CHECK(alone.status == 0);
    Run noPage = runVitrine("check " + exhibit + " --installation " + quoted(fixtures / "installation-without-page.xml"));
    CHECK(noPage.status == 1);
    CHECK(noPage.output.find("exhibit.xml:8:5: warning: this <visitor-code> has no page to point at") != std::string::npos);
    CHECK(noPage.output.find("[visitor-code-without-page]") != std::string::npos);
    Run page = runVitrine("check " + exhibit + " --installation " + quoted(fixtures / "installation.xml"));
    CHECK(page.status == 0);
}
