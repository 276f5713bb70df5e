#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"

#include <filesystem>
#include <fstream>
#include <string>

using namespace vitrine;

TEST_CASE("a missing media file suggests the file that differs only in case or extension") {
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / "vitrine-exhibit-loader-test";
    fs::remove_all(folder);
    fs::create_directories(folder);
    std::ofstream(folder / "photo.jpg") << "x";
    std::ofstream(folder / "map.jpg") << "x";
    std::ofstream(folder / "exhibit.xml") << "<exhibit>\n<scene dur=\"5s\">\n"
                                             "<image src=\"Photo.JPG\" credit=\"c\"/>\n"
                                             "<image src=\"map.png\" credit=\"c\"/>\n"
                                             "<image src=\"harbour.jpg\" credit=\"c\"/>\n"
                                             "</scene>\n</exhibit>\n";
    LoadedExhibit exhibit = loadExhibit(folder / "exhibit.xml");
    std::vector<std::string> hints;
    for (const auto& d : exhibit.diagnostics.all())
        if (d.code == "missing-file") hints.push_back(d.hint);
    REQUIRE(hints.size() == 3);
    CHECK(hints[0] == "did you mean '" + (folder / "photo.jpg").string() + "'?");
    CHECK(hints[1] == "did you mean '" + (folder / "map.jpg").string() + "'?");
    CHECK(hints[2] == "check the path; it is relative to the script");
    fs::remove_all(folder);
}
