// The media bin's data without a window: which files of an exhibit's folder it lists, what
// probing finds in them (through the project's decoders), that a file added or changed on
// disk shows up on its own, and importing a file without ever overwriting one.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "media/media_test_files.h"
#include "media/video_test_media.h"
#include "studio/media_catalog.h"
#include "support/build_paths.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void writePicture(const fs::path& file, unsigned width, unsigned height) {
    fs::create_directories(file.parent_path());
    sf::Image image;
    image.create(width, height, sf::Color(200, 40, 40));
    REQUIRE(image.saveToFile(file.string()));
}

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

const MediaEntry* entryFor(const std::vector<MediaEntry>& entries, const std::string& path) {
    for (const auto& e : entries)
        if (e.file.path == path) return &e;
    return nullptr;
}

const fs::path kBakuSound = "exhibits/baku-1990/audio/testimony-reading.wav";

}  // namespace

TEST_CASE("media catalog: lists the usable files by kind, skips hidden ones, finds a sound's captions") {
    test::TempDir folder;
    writePicture(folder.path() / "images/b.png", 8, 8);
    writePicture(folder.path() / "images/a.png", 8, 8);
    writeText(folder.path() / "audio/voice.vtt", "WEBVTT\n");
    writeText(folder.path() / "audio/voice.wav", "");
    writeText(folder.path() / "notes.txt", "not media");
    writeText(folder.path() / "exhibit.xml", "<exhibit/>");
    writePicture(folder.path() / ".cache/hidden.png", 8, 8);

    auto files = listMediaFiles(folder.path());
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(f.path);
    CHECK(paths == std::vector<std::string>{"images/a.png", "images/b.png", "audio/voice.wav", "audio/voice.vtt"});
    CHECK(files[2].kind == MediaKind::Sound);
    CHECK(files[3].kind == MediaKind::Captions);
    CHECK(files[0].bytes == fs::file_size(folder.path() / "images/a.png"));
    CHECK(captionsBeside(files, "audio/voice.wav") == "audio/voice.vtt");
    CHECK(captionsBeside(files, "images/a.png") == "");
    CHECK(mediaKindOf("MAP.GeoJSON") == MediaKind::MapData);
    CHECK_FALSE(mediaKindOf("exhibit.xml"));
}

TEST_CASE("file browser listing: one folder's sub-folders and usable files, by name") {
    test::TempDir folder;
    writePicture(folder.path() / "scans/a.png", 8, 8);
    writePicture(folder.path() / "z.png", 8, 8);
    writeText(folder.path() / "b.srt", "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
    writeText(folder.path() / "letter.docx", "no");
    writeText(folder.path() / ".hidden/x.png", "");
    FolderListing listing = listFolder(folder.path());
    CHECK(listing.folders == std::vector<std::string>{"scans"});
    REQUIRE(listing.files.size() == 2);
    CHECK(listing.files[0].path == "b.srt");
    CHECK(listing.files[1].path == "z.png");
    CHECK(listing.problem.empty());
    CHECK_FALSE(listFolder(folder.path() / "nowhere").problem.empty());
}

TEST_CASE("media catalog: probing gives a picture's pixels and thumbnail, a clip's and a sound's duration") {
    test::TempDir folder;
    writePicture(folder.path() / "images/wide.png", 640, 360);
    fs::create_directories(folder.path() / "video");
    REQUIRE(test::makeNumberedVideo(folder.path() / "video/clip.mp4", 2));
    fs::create_directories(folder.path() / "audio");
    fs::copy_file(test::sourceDir() / kBakuSound, folder.path() / "audio/voice.wav");

    MediaDetails picture = probeMediaFile(folder.path() / "images/wide.png", MediaKind::Picture, 160);
    CHECK(picture.width == 640);
    CHECK(picture.height == 360);
    sf::Image thumbnail;
    REQUIRE(thumbnail.loadFromMemory(picture.thumbnailPng.data(), picture.thumbnailPng.size()));
    CHECK(thumbnail.getSize() == sf::Vector2u(160, 90));
    CHECK(thumbnail.getPixel(80, 45) == sf::Color(200, 40, 40));

    MediaDetails clip = probeMediaFile(folder.path() / "video/clip.mp4", MediaKind::Clip, 160);
    CHECK(clip.width == test::kNumberedBits * test::kNumberedBlock);
    CHECK(clip.height == 32);
    REQUIRE(clip.duration);
    CHECK(*clip.duration == doctest::Approx(2'000'000).epsilon(0.05));
    CHECK_FALSE(clip.thumbnailPng.empty());

    MediaDetails sound = probeMediaFile(folder.path() / "audio/voice.wav", MediaKind::Sound, 160);
    REQUIRE(sound.duration);
    CHECK(*sound.duration > 1'000'000);

    writeText(folder.path() / "images/broken.png", "not a picture");
    MediaDetails broken = probeMediaFile(folder.path() / "images/broken.png", MediaKind::Picture, 160);
    CHECK_FALSE(broken.problem.empty());
    CHECK(broken.thumbnailPng.empty());
}

TEST_CASE("media catalog: the worker probes every file, and a file added or changed shows up after a refresh") {
    test::TempDir folder;
    writePicture(folder.path() / "images/a.png", 32, 16);
    MediaCatalog catalog(folder.path());
    REQUIRE(catalog.waitUntilCurrent(10s));
    auto entries = catalog.entries();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].details);
    CHECK(entries[0].details->width == 32);

    const auto generation = catalog.generation();
    writePicture(folder.path() / "images/b.png", 20, 10);
    writePicture(folder.path() / "images/a.png", 48, 16);  // changed: probed again
    fs::last_write_time(folder.path() / "images/a.png", fs::file_time_type::clock::now() + 1s);
    catalog.refresh();
    REQUIRE(catalog.waitUntilCurrent(10s));
    entries = catalog.entries();
    REQUIRE(entries.size() == 2);
    CHECK(catalog.generation() > generation);
    REQUIRE(entryFor(entries, "images/a.png"));
    REQUIRE(entryFor(entries, "images/a.png")->details);
    CHECK(entryFor(entries, "images/a.png")->details->width == 48);
    REQUIRE(entryFor(entries, "images/b.png"));
    CHECK(entryFor(entries, "images/b.png")->details->width == 20);

    fs::remove(folder.path() / "images/b.png");
    catalog.refresh();
    REQUIRE(catalog.waitUntilCurrent(10s));
    CHECK(catalog.entries().size() == 1);
}

TEST_CASE("import: a file is copied into its kind's folder, and a name that exists is suffixed, never overwritten") {
    test::TempDir outside, exhibit;
    writePicture(outside.path() / "harbour.png", 8, 8);
    writeText(outside.path() / "voice.vtt", "WEBVTT\n");
    writeText(outside.path() / "notes.txt", "no");

    auto first = importIntoExhibit(outside.path() / "harbour.png", exhibit.path());
    REQUIRE(first);
    CHECK(*first == "images/harbour.png");
    CHECK(test::readBytes(exhibit.path() / *first) == test::readBytes(outside.path() / "harbour.png"));

    writeText(exhibit.path() / "images/harbour-2.png", "the designer's own");
    auto second = importIntoExhibit(outside.path() / "harbour.png", exhibit.path());
    REQUIRE(second);
    CHECK(*second == "images/harbour-3.png");
    CHECK(test::readTextFile(exhibit.path() / "images/harbour-2.png") == "the designer's own");

    auto captions = importIntoExhibit(outside.path() / "voice.vtt", exhibit.path());
    REQUIRE(captions);
    CHECK(*captions == "audio/voice.vtt");

    auto refused = importIntoExhibit(outside.path() / "notes.txt", exhibit.path());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("notes.txt") != std::string::npos);
    // No temporary copy is left behind, and nothing else was written.
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(exhibit.path()))
        if (e.is_regular_file()) names.push_back(e.path().lexically_relative(exhibit.path()).generic_string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"audio/voice.vtt", "images/harbour-2.png", "images/harbour-3.png",
                                            "images/harbour.png"});
}

}  // namespace vitrine::studio
