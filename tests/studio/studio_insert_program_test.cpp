// End to end: inserting items, importing files and dropping them from the media bin in the
// real vitrine-studio program, driven by its --script actions (the paths the menu, the
// bin and the mouse take), then the saved file and `vitrine check`. Needs an X display.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <filesystem>

#include "media/media_test_files.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

void writePicture(const fs::path& file, sf::Color colour) {
    fs::create_directories(file.parent_path());
    sf::Image image;
    image.create(320, 180, colour);
    REQUIRE(image.saveToFile(file.string()));
}

// The one line of `text` holding `needle`, without its line break.
std::string lineWith(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    if (at == std::string::npos) return {};
    auto begin = text.rfind('\n', at) + 1;
    return text.substr(begin, text.find('\n', at) - begin);
}

}  // namespace

TEST_CASE("studio program: import a picture, insert it, a text, a sound with captions, a map and a clip, and the file checks") {
    requireStudio();
    testing::StudioFixture f;
    const fs::path outside = f.folder / "elsewhere";
    writePicture(outside / "harbour.png", sf::Color(200, 40, 40));
    fs::create_directories(f.folder / "audio");
    fs::copy_file(test::sourceDir() / "exhibits/baku-1990/audio/testimony-reading.wav", f.folder / "audio/voice.wav");
    fs::copy_file(test::sourceDir() / "exhibits/baku-1990/audio/testimony-reading.vtt", f.folder / "audio/voice.vtt");
    const fs::path map = test::sourceDir() / "assets/maps/caucasus.geojson";
    fs::create_directories(f.folder / "video");
    REQUIRE(test::runFfmpeg("-f lavfi -i testsrc2=size=320x180:rate=25 -t 2 -c:v libx264 -pix_fmt yuv420p " +
                            test::quoted(f.folder / "video/street.mp4")));

    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'import " + (outside / "harbour.png").string() +
                      "; insert-image images/harbour.png at 2s in closing; insert-text Fishermen at dawn at 1s in opening;"
                      " scrub closing+3s; insert-audio audio/voice.wav; insert-map " + map.string() +
                      " in opening; insert-video video/street.mp4 at 4s in opening; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string saved = f.read();
    INFO(saved);
    CHECK(fs::exists(f.folder / "images/harbour.png"));
    CHECK(lineWith(saved, "<image") == "    <image src=\"images/harbour.png\" fit=\"contain\" begin=\"2s\"/>");
    CHECK(lineWith(saved, "Fishermen") ==
          "    <text x=\"10%\" y=\"35%\" width=\"80%\" height=\"30%\" begin=\"1s\">Fishermen at dawn</text>");
    // The playhead was 3s into "closing": the sound goes there, with the captions beside it.
    CHECK(lineWith(saved, "<audio") == "    <audio src=\"audio/voice.wav\" captions=\"audio/voice.vtt\" begin=\"3s\"/>");
    // The map data from outside the folder was copied in first.
    CHECK(lineWith(saved, "<map") == "    <map src=\"maps/caucasus.geojson\"/>");
    CHECK(fs::exists(f.folder / "maps/caucasus.geojson"));
    CHECK(lineWith(saved, "<video") == "    <video src=\"video/street.mp4\" fit=\"contain\" begin=\"4s\"/>");
    // Everything before the first insert is as the designer wrote it.
    CHECK(saved.substr(0, saved.find("    <text x=\"10%\"")) ==
          std::string(testing::kStudioFixture).substr(0, saved.find("    <text x=\"10%\"")));

    // vitrine check: no errors; the only warnings are the credits the designer must give.
    Run check = runProgram("vitrine", "check " + quoted(f.file));
    INFO(check.output);
    CHECK(check.status == 1);
    CHECK(check.output.find("error:") == std::string::npos);
    int warnings = 0;
    for (std::size_t at = check.output.find("warning:"); at != std::string::npos; at = check.output.find("warning:", at + 1)) {
        ++warnings;
        const std::string expected = "warning: media without a credit: ";
        CHECK(check.output.substr(at, expected.size()) == expected);
    }
    CHECK(warnings == 3);  // the picture, the clip and the sound (a map's data is credited apart)
}

TEST_CASE("studio program: a file dropped on the timeline begins where it was let go, and on the canvas it is placed there") {
    // On the timeline the time is kept to a tenth of a second (1.54s → 1.5s).
    requireStudio();
    testing::StudioFixture f;
    writePicture(f.folder / "images/boat.png", sf::Color(40, 160, 60));
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'drop images/boat.png on closing+1.54s; "
                                       "scrub opening+2s; drop images/boat.png on 640,360; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string saved = f.read();
    INFO(saved);
    const auto closing = saved.find("<scene id=\"closing\"");
    REQUIRE(closing != std::string::npos);
    CHECK(lineWith(saved.substr(closing), "<image") ==
          "    <image src=\"images/boat.png\" fit=\"contain\" begin=\"1.5s\"/>");
    CHECK(lineWith(saved.substr(0, closing), "<image") ==
          "    <image src=\"images/boat.png\" fit=\"contain\" x=\"320\" y=\"180\" width=\"640\" height=\"360\" begin=\"2s\"/>");
}

TEST_CASE("studio program: an insert that cannot be made says why and changes nothing") {
    requireStudio();
    testing::StudioFixture f;
    writePicture(f.folder / "images/boat.png", sf::Color(40, 160, 60));
    for (const char* action : {"insert-video images/boat.png", "insert-image images/none.png", "insert-text Hello in nowhere"}) {
        Run r = runStudio(quoted(f.file) + " --size 1280x720 --script '" + action + "; save; quit'");
        INFO(action, r.output);
        CHECK(r.status == 2);
        CHECK(r.output.find("Cannot insert") != std::string::npos);
        CHECK(f.read() == testing::kStudioFixture);
    }
}

TEST_CASE("studio program: the media bin shows an imported picture's thumbnail") {
    requireStudio();
    testing::StudioFixture f;
    const fs::path outside = f.folder / "elsewhere";
    writePicture(outside / "signal.png", sf::Color(230, 20, 200));
    const fs::path png = f.folder / "window.png";
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'import " + (outside / "signal.png").string() +
                      "; wait 90; screenshot " + png.string() + "; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    sf::Image shot;
    REQUIRE(shot.loadFromFile(png.string()));
    // The side column's lower part holds the bin: some of its pixels are the picture's colour.
    int matching = 0;
    for (unsigned y = 360; y < 690; ++y)
        for (unsigned x = 896; x < 1280; ++x) {
            sf::Color c = shot.getPixel(x, y);
            if (std::abs(c.r - 230) < 12 && std::abs(c.g - 20) < 12 && std::abs(c.b - 200) < 12) ++matching;
        }
    CHECK(matching > 500);
}

}  // namespace vitrine::studio
