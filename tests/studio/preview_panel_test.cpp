// The studio's preview lays text out as `vitrine still` (and the export and the projector)
// do: at the canvas's own size, shown scaled. Drawn at the panel's size, the Baku exhibit's
// captions broke lines elsewhere ("with / a significant" against "with a / significant").

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cmath>
#include <filesystem>
#include <random>
#include <string>

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

}  // namespace vitrine::studio
