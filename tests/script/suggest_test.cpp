#include <doctest/doctest.h>

#include "script/suggest.h"

#include <filesystem>
#include <fstream>

using namespace vitrine;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(editDistance("colr", "color") == 1);
    CHECK(editDistance("imagee", "image") == 1);
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("Scene", "scene") == 0);
}

TEST_CASE("suggestions are offered only for likely typos") {
    std::vector<std::string> names = {"begin", "dur", "end", "fill", "repeat"};
    CHECK(closestMatch("begn", names) == "begin");
    CHECK(closestMatch("duration", names) == std::nullopt);
    CHECK(didYouMean("fil", names) == "did you mean 'fill'?");
    CHECK(didYouMean("xyzzy", names, "none") == "none");
}

TEST_CASE("a swap of two adjacent letters counts as one change") {
    CHECK(editDistance("txet", "text") == 1);
    CHECK(editDistance("imgae", "image") == 1);
    CHECK(editDistance("widht", "width") == 1);
    CHECK(editDistance("ca", "abc") == 3);  // optimal string alignment: no edit of a swapped pair
    const std::vector<std::string> elements = {"text", "image", "video", "audio", "map"};
    CHECK(closestMatch("txet", elements) == "text");  // 4 letters allow 1 change
    CHECK(closestMatch("imgae", elements) == "image");
    CHECK(closestMatch("widht", {"width", "height", "x", "y"}) == "width");
}

TEST_CASE("a missing file is matched to one that differs in case, extension or a letter") {
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / "vitrine-suggest-test";
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (const char* name : {"photo.jpg", "map.jpg", "testimony.ogg"}) std::ofstream(folder / name) << "x";

    CHECK(closestExistingFile(folder / "Photo.JPG") == (folder / "photo.jpg").string());
    CHECK(closestExistingFile(folder / "map.png") == (folder / "map.jpg").string());
    CHECK(closestExistingFile(folder / "tesitmony.ogg") == (folder / "testimony.ogg").string());
    CHECK(closestExistingFile(folder / "harbour.jpg") == std::nullopt);
    CHECK(closestExistingFile(folder / "nowhere" / "photo.jpg") == std::nullopt);
    fs::remove_all(folder);
}
