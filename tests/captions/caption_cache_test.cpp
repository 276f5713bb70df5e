#include "captions/caption_cache.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "media/media_test_files.h"

using namespace vitrine;

namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

const std::string kOneCue = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n";
const std::string kTwoCues = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:03.000 --> 00:04.000\nTwo\n";

}  // namespace

TEST_CASE("caption cache: a file is read once, and again only when its size or time changes") {
    test::TempDir dir;
    const fs::path file = dir / "talk.vtt";
    write(file, kOneCue);
    CaptionCache cache;
    auto first = cache.get(file);
    REQUIRE(first->track.cues.size() == 1);
    CHECK(cache.get(file) == first);
    CHECK(cache.reads() == 1);

    write(file, kTwoCues);  // larger
    CHECK(cache.get(file)->track.cues.size() == 2);
    CHECK(cache.reads() == 2);

    // Same size, newer time: read again.
    std::string same = kTwoCues;
    write(file, same.replace(same.find("Two"), 3, "Six"));
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    CHECK(cache.get(file)->track.cues.back().lines[0][0].text == "Six");
    CHECK(cache.reads() == 3);
    CHECK(cache.get(file)->track.cues.size() == 2);
    CHECK(cache.reads() == 3);
}

TEST_CASE("caption cache: a missing file is reported unusable once, and read when it appears") {
    test::TempDir dir;
    const fs::path file = dir / "later.vtt";
    CaptionCache cache;
    auto missing = cache.get(file);
    CHECK(missing->unusable);
    REQUIRE(missing->problems.size() == 1);
    CHECK(missing->problems[0].code == "caption-file-unreadable");
    CHECK(cache.get(file) == missing);
    CHECK(cache.reads() == 1);
    write(file, kOneCue);
    CHECK_FALSE(cache.get(file)->unusable);
    CHECK(cache.reads() == 2);
}

TEST_CASE("caption cache: text given for a file stands for it, without reading, until taken back") {
    test::TempDir dir;
    const fs::path file = dir / "talk.vtt";
    write(file, kOneCue);
    CaptionCache cache;
    cache.setText(file, kTwoCues);  // unsaved edits of the file
    CHECK(cache.get(file)->track.cues.size() == 2);
    CHECK(cache.reads() == 0);
    cache.forgetText(file);
    CHECK(cache.get(file)->track.cues.size() == 1);
    CHECK(cache.reads() == 1);
}
