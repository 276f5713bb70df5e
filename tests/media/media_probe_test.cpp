// The media probe: a file that exists but will not play is an error with its reason in
// plain words; one that plays (a clip without sound included) is none. Every broken file
// is made here, from files ffmpeg writes, so each reason is known.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "base/time_value.h"
#include "media/media_probe.h"
#include "media/media_test_files.h"

using namespace vitrine;

namespace {

std::string codeOf(const std::optional<Diagnostic>& d) { return d ? d->code : "none"; }
std::string messageOf(const std::optional<Diagnostic>& d) { return d ? d->message : ""; }

bool makeClip(const std::filesystem::path& out, bool withSound, const std::string& extra = {}) {
    return test::runFfmpeg("-f lavfi -i testsrc2=size=160x120:rate=25 " +
                           std::string(withSound ? "-f lavfi -i sine=frequency=440 " : "") +
                           "-t 2 -c:v libx264 -pix_fmt yuv420p " + extra + " " + test::quoted(out));
}

// The time a cut-short file's message says it stops at ("the clip stops at 1.9s of …").
double stopsAt(const std::optional<Diagnostic>& d) {
    const std::string message = messageOf(d);
    const std::string lead = " stops at ";
    const std::size_t at = message.find(lead);
    if (at == std::string::npos) return -1;
    const std::size_t from = at + lead.size();
    auto t = parseTimeValue(message.substr(from, message.find(' ', from) - from));
    return t ? static_cast<double>(*t) / kMicrosPerSecond : -1;
}

// The first `fraction` of a file, as a copy that stopped leaves it.
void writeCut(const std::filesystem::path& whole, const std::filesystem::path& cut, double fraction) {
    std::vector<std::uint8_t> bytes = test::readBytes(whole);
    bytes.resize(static_cast<std::size_t>(static_cast<double>(bytes.size()) * fraction));
    test::writeBytes(cut, bytes);
}

}  // namespace

TEST_CASE("media probe: whole pictures, sounds and clips play") {
    test::TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "photo.jpg", 320, 240));
    REQUIRE(test::makeTestPattern(dir / "photo.png", 320, 240));
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=2 " + test::quoted(dir / "voice.wav")));
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=2 -c:a libvorbis " + test::quoted(dir / "voice.ogg")));
    REQUIRE(makeClip(dir / "film.mp4", true));
    REQUIRE(makeClip(dir / "silent.mp4", false));
    CHECK(codeOf(probeMedia(dir / "photo.jpg", MediaUse::Picture)) == "none");
    CHECK(codeOf(probeMedia(dir / "photo.png", MediaUse::Picture)) == "none");
    CHECK(codeOf(probeMedia(dir / "voice.wav", MediaUse::Sound)) == "none");
    CHECK(codeOf(probeMedia(dir / "voice.ogg", MediaUse::Sound)) == "none");
    CHECK(codeOf(probeMedia(dir / "film.mp4", MediaUse::Clip)) == "none");
    CHECK(codeOf(probeMedia(dir / "film.mp4", MediaUse::Sound)) == "none");  // a film's sound track is a sound
    // A clip without a sound track is a silent film, not a problem.
    CHECK(codeOf(probeMedia(dir / "silent.mp4", MediaUse::Clip)) == "none");
}

TEST_CASE("media probe: a cut-short JPEG or PNG says where it ends") {
    test::TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "whole.jpg", 640, 480));
    REQUIRE(test::makeTestPattern(dir / "whole.png", 640, 480));
    std::vector<std::uint8_t> jpeg = test::readBytes(dir / "whole.jpg");
    REQUIRE(jpeg.size() > 2000);
    jpeg.resize(1204);
    test::writeBytes(dir / "half.jpg", jpeg);
    auto half = probeMedia(dir / "half.jpg", MediaUse::Picture);
    CHECK(codeOf(half) == "media-cut-short");
    CHECK(messageOf(half) == "the JPEG ends after 1,204 bytes, without its end marker: it was cut short");

    std::vector<std::uint8_t> png = test::readBytes(dir / "whole.png");
    png.resize(png.size() / 2);
    test::writeBytes(dir / "half.png", png);
    auto halfPng = probeMedia(dir / "half.png", MediaUse::Picture);
    CHECK(codeOf(halfPng) == "media-cut-short");
    CHECK(messageOf(halfPng).starts_with("the PNG ends after "));
    CHECK(messageOf(halfPng).ends_with(" bytes, before its last chunk (IEND): it was cut short"));
}

TEST_CASE("media probe: empty files and text are not pictures, sounds or clips") {
    test::TempDir dir;
    test::writeBytes(dir / "empty.jpg", {});
    CHECK(codeOf(probeMedia(dir / "empty.jpg", MediaUse::Picture)) == "media-empty");
    CHECK(messageOf(probeMedia(dir / "empty.jpg", MediaUse::Picture)) == "the picture is empty (0 bytes)");
    test::writeBytes(dir / "empty.wav", {});
    CHECK(messageOf(probeMedia(dir / "empty.wav", MediaUse::Sound)) == "the sound is empty (0 bytes)");

    const std::string note = "Photograph to be supplied by the archive.\nSee the loan agreement.\n";
    for (const char* name : {"note.jpg", "note.mp3", "note.mp4"}) test::writeBytes(dir / name, {note.begin(), note.end()});
    auto picture = probeMedia(dir / "note.jpg", MediaUse::Picture);
    CHECK(codeOf(picture) == "media-wrong-kind");
    CHECK(messageOf(picture) == "not a picture: the file is text");
    CHECK(messageOf(probeMedia(dir / "note.mp3", MediaUse::Sound)) == "not a sound: the file is text");
    CHECK(messageOf(probeMedia(dir / "note.mp4", MediaUse::Clip)) == "not a clip: the file is text");
}

TEST_CASE("media probe: a PNG over the pixel limit is too large, named by its size") {
    test::TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "small.png", 64, 64));
    test::writeBytes(dir / "huge.png", test::withPngSize(test::readBytes(dir / "small.png"), 30000, 30000));
    auto huge = probeMedia(dir / "huge.png", MediaUse::Picture);
    CHECK(codeOf(huge) == "media-too-large");
    CHECK(messageOf(huge).find("30000x30000") != std::string::npos);
    CHECK(messageOf(huge).find("200.0 megapixels") != std::string::npos);
}

TEST_CASE("media probe: an MP4 without its index was not finished writing") {
    test::TempDir dir;
    REQUIRE(makeClip(dir / "film.mp4", true));  // the index after the pictures, as a recording writes it
    const std::vector<std::uint8_t> unfinished = test::withoutMp4Index(test::readBytes(dir / "film.mp4"));
    REQUIRE(unfinished.size() < test::readBytes(dir / "film.mp4").size());
    test::writeBytes(dir / "unfinished.mp4", unfinished);
    for (MediaUse use : {MediaUse::Clip, MediaUse::Sound}) {
        auto d = probeMedia(dir / "unfinished.mp4", use);
        CHECK(codeOf(d) == "media-cut-short");
        CHECK(messageOf(d) == "the MP4 has no index (moov): it was not finished writing");
    }
}

TEST_CASE("media probe: random bytes named as a sound are in no sound format") {
    test::TempDir dir;
    for (const char* name : {"noise.wav", "noise.ogg", "noise.mp3"}) {
        CAPTURE(name);
        test::writeBytes(dir / name, test::randomBytes(20000));
        auto d = probeMedia(dir / name, MediaUse::Sound);
        CHECK(codeOf(d) == "media-wrong-kind");
        CHECK(messageOf(d) == "not a sound: its content is in no sound format Vitrine reads");
    }
}

TEST_CASE("media probe: a sound used as a clip or a silent film used as a sound is the wrong kind") {
    test::TempDir dir;
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=1 " + test::quoted(dir / "voice.wav")));
    REQUIRE(makeClip(dir / "silent.mp4", false));
    auto clip = probeMedia(dir / "voice.wav", MediaUse::Clip);
    CHECK(codeOf(clip) == "media-wrong-kind");
    CHECK(messageOf(clip) == "not a clip: the file has no video stream");
    auto sound = probeMedia(dir / "silent.mp4", MediaUse::Sound);
    CHECK(codeOf(sound) == "media-wrong-kind");
    CHECK(messageOf(sound) == "not a sound: the file has no sound track");
}

TEST_CASE("media probe: a clip whose pictures are noise does not decode") {
    test::TempDir dir;
    // The index first (faststart), so the container opens; then every picture's bytes are noise.
    REQUIRE(makeClip(dir / "film.mp4", false, "-movflags +faststart"));
    std::vector<std::uint8_t> bytes = test::readBytes(dir / "film.mp4");
    const std::string text(bytes.begin(), bytes.end());
    const std::size_t mdat = text.find("mdat");
    REQUIRE(mdat != std::string::npos);
    const std::vector<std::uint8_t> noise = test::randomBytes(bytes.size() - mdat - 4);
    std::copy(noise.begin(), noise.end(), bytes.begin() + static_cast<std::ptrdiff_t>(mdat + 4));
    test::writeBytes(dir / "noise.mp4", bytes);
    auto d = probeMedia(dir / "noise.mp4", MediaUse::Clip);
    CHECK(codeOf(d) == "media-damaged");
    CHECK(messageOf(d).starts_with("the clip's video does not decode: "));
}

TEST_CASE("media probe: an MP4 cut after its index at the front says where it stops") {
    test::TempDir dir;
    // Index first (faststart): the start decodes well, and only the index knows the rest is gone.
    REQUIRE(test::runFfmpeg("-f lavfi -i testsrc2=size=160x120:rate=25 -f lavfi -i sine=frequency=440 -t 4 "
                            "-c:v libx264 -pix_fmt yuv420p -movflags +faststart " + test::quoted(dir / "film.mp4")));
    CHECK(codeOf(probeMedia(dir / "film.mp4", MediaUse::Clip)) == "none");
    CHECK(codeOf(probeMedia(dir / "film.mp4", MediaUse::Sound)) == "none");
    writeCut(dir / "film.mp4", dir / "cut.mp4", 0.5);
    for (MediaUse use : {MediaUse::Clip, MediaUse::Sound}) {
        auto d = probeMedia(dir / "cut.mp4", use);
        CAPTURE(messageOf(d));
        CHECK(codeOf(d) == "media-cut-short");
        CHECK(messageOf(d).ends_with(" of the 4s its header states: the file was cut short"));
        // Half the bytes hold about half the time (the index at the front is small).
        CHECK(stopsAt(d) > 1.0);
        CHECK(stopsAt(d) < 3.0);
    }
    CHECK(messageOf(probeMedia(dir / "cut.mp4", MediaUse::Clip)).starts_with("the clip stops at "));
}

TEST_CASE("media probe: a WAV or MP3 cut short says where it stops") {
    test::TempDir dir;
    // A WAV's header states its data's size, an MP3's first frame (Xing) its frame count.
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 " + test::quoted(dir / "voice.wav")));
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 -c:a libmp3lame -b:a 128k " +
                            test::quoted(dir / "voice.mp3")));
    for (const char* name : {"voice.wav", "voice.mp3"}) {
        CAPTURE(name);
        CHECK(codeOf(probeMedia(dir / name, MediaUse::Sound)) == "none");
        const std::string cut = std::string("cut-") + name;
        writeCut(dir / name, dir / cut, 0.5);
        auto d = probeMedia(dir / cut, MediaUse::Sound);
        CAPTURE(messageOf(d));
        CHECK(codeOf(d) == "media-cut-short");
        CHECK(messageOf(d).starts_with("the sound stops at "));
        CHECK(messageOf(d).ends_with(" of the 4s its header states: the file was cut short"));
        // Constant bytes a second: half the file is two seconds, found to a tenth.
        CHECK(stopsAt(d) == doctest::Approx(2.0).epsilon(0.1));
    }
}

TEST_CASE("media probe: an Ogg Vorbis or Opus file cut short misses its last page") {
    test::TempDir dir;
    // Neither states its length: an Ogg stream ends with a page marked end-of-stream.
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 -c:a libvorbis " + test::quoted(dir / "voice.ogg")));
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 -c:a libopus " + test::quoted(dir / "voice.opus")));
    for (const char* name : {"voice.ogg", "voice.opus"}) {
        CAPTURE(name);
        CHECK(codeOf(probeMedia(dir / name, MediaUse::Sound)) == "none");
        const std::string cut = std::string("cut-") + name;
        writeCut(dir / name, dir / cut, 0.9);
        auto d = probeMedia(dir / cut, MediaUse::Sound);
        CAPTURE(messageOf(d));
        CHECK(codeOf(d) == "media-cut-short");
        CHECK(messageOf(d).starts_with("the sound stops at "));
        CHECK(messageOf(d).ends_with(" without the last page every finished Ogg file ends with: the file was cut short"));
        // Where its last whole page ends: well into the sound, short of its 4 seconds.
        CHECK(stopsAt(d) > 1.0);
        CHECK(stopsAt(d) < 4.0);
    }
}

TEST_CASE("media probe: a FLAC cut short says where it stops, even in its last half second") {
    test::TempDir dir;
    // STREAMINFO states the samples; FFmpeg takes the length from it without looking.
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 " + test::quoted(dir / "voice.flac")));
    CHECK(codeOf(probeMedia(dir / "voice.flac", MediaUse::Sound)) == "none");
    for (double fraction : {0.5, 0.95}) {
        CAPTURE(fraction);
        writeCut(dir / "voice.flac", dir / "cut.flac", fraction);
        auto d = probeMedia(dir / "cut.flac", MediaUse::Sound);
        CAPTURE(messageOf(d));
        CHECK(codeOf(d) == "media-cut-short");
        CHECK(messageOf(d).ends_with(" of the 4s its header states: the file was cut short"));
        CHECK(stopsAt(d) > 4.0 * fraction - 1.0);
        CHECK(stopsAt(d) < 4.0);
    }
}
