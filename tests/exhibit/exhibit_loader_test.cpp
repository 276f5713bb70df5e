#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "media/media_test_files.h"

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

TEST_CASE("media that exists is probed once per file and its problem is placed at the src attribute") {
    test::TempDir dir;
    for (const char* name : {"good.jpg", "bad.jpg", "voice.wav", "film.mp4"}) std::ofstream(dir / name) << "x";
    const std::string text = "<exhibit>\n<scene dur=\"5s\">\n"
                             "<image credit=\"c\" src=\"good.jpg\"/>\n"
                             "<image credit=\"c\"   src=\"bad.jpg\"/>\n"
                             "<image credit=\"c\" src=\"bad.jpg\" begin=\"1s\"/>\n"
                             "<audio src=\"voice.wav\" captions=\"voice.vtt\" credit=\"c\"/>\n"
                             "<video src=\"film.mp4\" credit=\"c\"/>\n"
                             "<image src=\"gone.jpg\" credit=\"c\"/>\n"
                             "</scene>\n</exhibit>\n";
    std::map<std::string, ItemKind> probed;
    int calls = 0;
    CompileOptions options;
    options.probeMedia = [&](const std::filesystem::path& file, ItemKind kind) -> std::optional<Diagnostic> {
        ++calls;
        probed[file.filename().string()] = kind;
        if (file.filename() != "bad.jpg") return std::nullopt;
        Diagnostic d;
        d.code = "media-cut-short";
        d.message = "the JPEG ends after 1 bytes";
        return d;
    };
    LoadedExhibit exhibit = loadExhibitFromText(text, dir / "exhibit.xml", options);
    CHECK(calls == 4);  // each file once; the missing one is reported as missing, not decoded
    CHECK(probed == std::map<std::string, ItemKind>{{"good.jpg", ItemKind::Image}, {"bad.jpg", ItemKind::Image},
                                                    {"voice.wav", ItemKind::Audio}, {"film.mp4", ItemKind::Video}});
    std::vector<Diagnostic> problems;
    for (const auto& d : exhibit.diagnostics.all())
        if (d.code == "media-cut-short") problems.push_back(d);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::Error);
    CHECK(problems[0].where.line == 4);
    CHECK(problems[0].where.column == 21);  // where src= is written, not the element
    CHECK(problems[0].message == "bad.jpg: the JPEG ends after 1 bytes");
}
