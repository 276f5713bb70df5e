// Where a sound file's own bookkeeping says it ends: a FLAC's STREAMINFO against its last
// whole frame, an Ogg stream's end-of-stream page. Files are made by ffmpeg and cut here,
// at the places a copy that stopped could leave them.

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "media/media_test_files.h"
#include "media/sound_file_end.h"

using namespace vitrine;

namespace {

void writeFirst(const std::vector<std::uint8_t>& bytes, std::size_t count, const std::filesystem::path& out) {
    test::writeBytes(out, {bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(count)});
}

// Where the last page of an Ogg file starts.
std::size_t lastOggPage(const std::vector<std::uint8_t>& bytes) {
    const std::string text(bytes.begin(), bytes.end());
    return text.rfind("OggS");
}

}  // namespace

TEST_CASE("sound file end: a whole FLAC holds the samples its STREAMINFO states") {
    test::TempDir dir;
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=5:sample_rate=44100 " + test::quoted(dir / "a.flac")));
    auto length = flacLength(dir / "a.flac");
    REQUIRE(length);
    CHECK(length->stated == 5 * kMicrosPerSecond);
    CHECK(length->present == length->stated);
}

TEST_CASE("sound file end: a FLAC cut inside its last frame stops where that frame starts") {
    test::TempDir dir;
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=5:sample_rate=44100 " + test::quoted(dir / "a.flac")));
    const std::vector<std::uint8_t> whole = test::readBytes(dir / "a.flac");
    // Ten bytes short: the last frame lost its CRC-16, the few samples before it are all there.
    writeFirst(whole, whole.size() - 10, dir / "cut.flac");
    auto length = flacLength(dir / "cut.flac");
    REQUIRE(length);
    CHECK(length->stated == 5 * kMicrosPerSecond);
    CHECK(length->present < length->stated);
    // ffmpeg's FLAC frames hold 4608 samples: the last starts within one of the end.
    CHECK(length->present > length->stated - 4608 * kMicrosPerSecond / 44100 - 1);
}

TEST_CASE("sound file end: other files are no FLAC and no Ogg") {
    test::TempDir dir;
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=1 " + test::quoted(dir / "a.wav")));
    test::writeBytes(dir / "short.flac", {'f', 'L', 'a', 'C'});
    CHECK_FALSE(flacLength(dir / "a.wav"));
    CHECK_FALSE(flacLength(dir / "short.flac"));
    CHECK_FALSE(oggEndsWithItsLastPage(dir / "a.wav"));
    CHECK(wavLength(dir / "a.wav"));
}

TEST_CASE("sound file end: an Ogg ends with its end-of-stream page only when whole") {
    test::TempDir dir;
    REQUIRE(test::runFfmpeg("-f lavfi -i sine=frequency=440:duration=4 -c:a libopus " + test::quoted(dir / "a.opus")));
    const std::vector<std::uint8_t> whole = test::readBytes(dir / "a.opus");
    CHECK(oggEndsWithItsLastPage(dir / "a.opus") == true);
    // Cut where the last page starts: every page left is whole, none ends the stream.
    const std::size_t last = lastOggPage(whole);
    REQUIRE(last > 0);
    writeFirst(whole, last, dir / "pages.opus");
    CHECK(oggEndsWithItsLastPage(dir / "pages.opus") == false);
    // Cut inside the last page: it stops part way.
    writeFirst(whole, whole.size() - 3, dir / "part.opus");
    CHECK(oggEndsWithItsLastPage(dir / "part.opus") == false);
}
