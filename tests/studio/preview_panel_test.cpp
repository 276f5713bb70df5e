// The studio's preview lays text out as `vitrine still` (and the export and the projector)
// do: at the canvas's own size, shown scaled. Drawn at the panel's size, the Baku exhibit's
// captions broke lines elsewhere ("with / a significant" against "with a / significant").

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>

#include "studio/studio_run.h"
#include "support/build_paths.h"

namespace vitrine::studio {
namespace {

double luminance(const sf::Color& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

// The mean luminance of `image` over the rectangle [x0, x1) × [y0, y1), in its own pixels.
double meanOver(const sf::Image& image, double x0, double y0, double x1, double y1) {
    double sum = 0;
    int count = 0;
    for (auto y = static_cast<unsigned>(y0); y < static_cast<unsigned>(std::ceil(y1)) && y < image.getSize().y; ++y)
        for (auto x = static_cast<unsigned>(x0); x < static_cast<unsigned>(std::ceil(x1)) && x < image.getSize().x; ++x) {
            sum += luminance(image.getPixel(x, y));
            ++count;
        }
    return count ? sum / count : 0;
}

struct Comparison {
    double worstBlock = 0;      // the largest difference of mean luminance over one block
    double differingShare = 0;  // the share of blocks that differ by more than kInkDifference
};

// A word moved to another line leaves ink where there was none: a block about a letter high
// changes its mean luminance by tens of levels. Scaling (smoothing, a half-pixel shift) moves
// it by a few.
constexpr int kBlock = 12;  // preview pixels
constexpr double kInkDifference = 24;

// `preview` against `still` scaled to its size, block by block.
Comparison compare(const sf::Image& preview, const sf::Image& still) {
    const double sx = static_cast<double>(still.getSize().x) / preview.getSize().x;
    const double sy = static_cast<double>(still.getSize().y) / preview.getSize().y;
    Comparison c;
    int blocks = 0, differing = 0;
    for (unsigned y = 0; y + kBlock <= preview.getSize().y; y += kBlock)
        for (unsigned x = 0; x + kBlock <= preview.getSize().x; x += kBlock) {
            const double a = meanOver(preview, x, y, x + kBlock, y + kBlock);
            const double b = meanOver(still, x * sx, y * sy, (x + kBlock) * sx, (y + kBlock) * sy);
            const double d = std::abs(a - b);
            c.worstBlock = std::max(c.worstBlock, d);
            ++blocks;
            if (d > kInkDifference) ++differing;
        }
    c.differingShare = blocks ? static_cast<double>(differing) / blocks : 0;
    return c;
}

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
        const Comparison c = compare(p, s);
        MESSAGE(std::string(at) << ": preview " << p.getSize().x << "x" << p.getSize().y << ", worst block "
                   << c.worstBlock << " levels, " << c.differingShare * 100 << "% of blocks over "
                   << kInkDifference);
        CHECK(c.differingShare < 0.002);
    }
}

}  // namespace vitrine::studio
