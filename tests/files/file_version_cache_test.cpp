#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "files/file_version_cache.h"
#include "media/media_test_files.h"

using namespace vitrine;

TEST_CASE("file version cache: a file is worked out again only when its size or time changes") {
    test::TempDir dir;
    const auto file = dir / "voice.wav";
    std::ofstream(file, std::ios::binary) << "first";
    FileVersionCache<std::string> cache;
    int computed = 0;
    auto read = [&](const std::filesystem::path& p) {
        ++computed;
        return test::readTextFile(p);
    };
    CHECK(cache.valueFor(file, read) == "first");
    CHECK(cache.valueFor(file, read) == "first");
    CHECK(computed == 1);

    // Same time, another size: a file copied over with its time kept is still a new file.
    const auto modified = std::filesystem::last_write_time(file);
    std::ofstream(file, std::ios::binary) << "second, longer";
    std::filesystem::last_write_time(file, modified);
    CHECK(cache.valueFor(file, read) == "second, longer");
    CHECK(computed == 2);

    // Same size, another time.
    std::ofstream(file, std::ios::binary) << "third, longer!";
    std::filesystem::last_write_time(file, modified + std::chrono::seconds(5));
    CHECK(cache.valueFor(file, read) == "third, longer!");
    CHECK(computed == 3);
    CHECK(cache.valueFor(file, read) == "third, longer!");
    CHECK(computed == 3);

    // A file that is not there is never remembered: it may appear.
    CHECK(cache.valueFor(dir / "later.wav", read).empty());
    CHECK(cache.valueFor(dir / "later.wav", read).empty());
    CHECK(computed == 5);
}
