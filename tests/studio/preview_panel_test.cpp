// The studio's preview lays text out as `vitrine still` (and the export and the projector)
// do: at the canvas's own size, shown scaled. Drawn at the panel's size, the Baku exhibit's
// captions broke lines elsewhere ("with / a significant" against "with a / significant").

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cmath>
#include <filesystem>
#include <random>
#include <string>

#include "studio/studio_fixture.h"
#include "studio/studio_run.h"
#include "support/build_paths.h"
#include "support/line_break_comparison.h"

namespace vitrine::studio {
namespace {

struct Folder {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("vitrine-preview-" + std::to_string(std::random_device{}()));
    Folder() { std::filesystem::create_directories(path); }
    ~Folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

}  // namespace

TEST_CASE("studio preview: text-heavy Baku scenes break every line where vitrine still breaks it") {
    requireStudio();
    const auto exhibit = vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml";
    Folder out;
    // The long captions: the map's (the "with a / significant" one), the introduction's
    // paragraphs, and the eyewitness reports.
    for (const char* at : {"background+30s", "introduction+10s", "eyewitness+12s"}) {
        CAPTURE(at);
        const auto preview = out.path / (std::string(at) + "-preview.png");
        const auto still = out.path / (std::string(at) + "-still.png");
        // The studio at its default window size.
        Run studio = runStudio(quoted(exhibit) + " --script 'scrub " + at + "; wait 20; screenshot-preview " +
                               preview.string() + "; wait 1; quit'");
        INFO(studio.output);
        REQUIRE(studio.status == 0);
        Run drawn = runProgram("vitrine", "still " + quoted(exhibit) + " --at " + at + " -o " + quoted(still));
        INFO(drawn.output);
        REQUIRE(drawn.status == 0);
        sf::Image p, s;
        REQUIRE(p.loadFromFile(preview.string()));
        REQUIRE(s.loadFromFile(still.string()));
        // Shown at the canvas's shape, smaller than the canvas.
        REQUIRE(p.getSize().x < s.getSize().x);
        CHECK(std::abs(static_cast<double>(p.getSize().y) / p.getSize().x -
                       static_cast<double>(s.getSize().y) / s.getSize().x) < 0.01);
        const test::BlockComparison c = test::compareBlocks(p, s);
        MESSAGE(std::string(at) << ": preview " << p.getSize().x << "x" << p.getSize().y << ", worst block "
                   << c.worstBlock << " levels, " << c.differingShare * 100 << "% of blocks over "
                   << test::kInkDifference);
        CHECK(c.differingShare < 0.002);
    }
}

TEST_CASE("studio preview: after a scrub while paused, the scene's pictures are there as in vitrine still") {
    requireStudio();
    // Two pictures, each larger than one frame's upload budget: they decode on workers and
    // upload over several frames. A paused preview drew once, before they were whole, and
    // nothing drew it again until it played: the pictures were missing.
    testing::StudioFixture f(R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Pictures" size="1280x720" lang="en">
  <scene id="words" dur="20s">
    <text x="10%" y="40%" width="80%">Words before the pictures.</text>
  </scene>
  <scene id="pictures" dur="10s">
    <image src="bars.jpg" x="0" y="0" width="50%" height="100%" credit="test pattern"/>
    <image src="pattern.jpg" x="50%" y="0" width="50%" height="100%" credit="test pattern"/>
  </scene>
</exhibit>
)");
    for (auto [source, name] : {std::pair{"smptehdbars=size=1600x1200", "bars.jpg"},
                                std::pair{"testsrc2=size=1600x1200", "pattern.jpg"}}) {
        std::string make = std::string("ffmpeg -loglevel error -y -f lavfi -i ") + source + " -frames:v 1 " +
                           quoted(f.folder / name);
        REQUIRE(std::system(make.c_str()) == 0);
    }
    const auto preview = f.folder / "preview.png";
    const auto still = f.folder / "still.png";
    // The studio opens paused at the start; the scrub lands in the pictures' scene.
    Run studio = runStudio(quoted(f.file) + " --size 1280x720 --script 'scrub pictures+2s; wait 240; "
                                            "screenshot-preview " + preview.string() + "; wait 1; quit'");
    INFO(studio.output);
    REQUIRE(studio.status == 0);
    Run drawn = runProgram("vitrine", "still " + quoted(f.file) + " --at pictures+2s -o " + quoted(still));
    INFO(drawn.output);
    REQUIRE(drawn.status == 0);
    sf::Image p, s;
    REQUIRE(p.loadFromFile(preview.string()));
    REQUIRE(s.loadFromFile(still.string()));
    const test::BlockComparison c = test::compareBlocks(p, s);
    MESSAGE("paused scrub: worst block " << c.worstBlock << " levels, " << c.differingShare * 100
                                         << "% of blocks over " << test::kInkDifference);
    CHECK(c.differingShare < 0.01);
}

}  // namespace vitrine::studio
