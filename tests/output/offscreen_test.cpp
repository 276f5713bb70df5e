// The export's pixel path reads the same picture, the same way up, as a still; at any output
// size, text breaks into the canvas's lines.

#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "support/line_break_comparison.h"
#include "timeline/show_position.h"

using namespace vitrine;

TEST_CASE("offscreen: renderPixelsAt gives exactly the pixels of renderAt, reusing its buffer") {
    // Text low on the canvas: a picture upside down would not match.
    LoadedExhibit e = loadExhibitFromText(
        "<exhibit size=\"320x180\" background=\"#0000ff\"><scene dur=\"2s\">"
        "<text x=\"5%\" y=\"60%\" width=\"90%\" color=\"#ffffff\">Baku 1990</text></scene></exhibit>",
        "offscreen.xml");
    REQUIRE(e.show);
    render::RenderResources resources;
    render::FrameRenderer renderer(*e.show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, *e.show, {320, 180});
    REQUIRE(offscreen.ok());
    const sf::Image still = offscreen.renderAt(seconds(1));
    const std::vector<std::uint8_t>& pixels = offscreen.renderPixelsAt(seconds(1));
    REQUIRE(pixels.size() == 320u * 180 * 4);
    CHECK(std::memcmp(pixels.data(), still.getPixelsPtr(), pixels.size()) == 0);
    auto whiteInRows = [&](int from, int to) {
        int count = 0;
        for (std::size_t i = static_cast<std::size_t>(from) * 320 * 4; i < static_cast<std::size_t>(to) * 320 * 4; i += 4)
            count += pixels[i] > 200 && pixels[i + 2] > 200;
        return count;
    };
    CHECK(whiteInRows(0, 90) == 0);  // the top half is background
    CHECK(whiteInRows(90, 180) > 100);
    const std::uint8_t* first = pixels.data();
    CHECK(offscreen.renderPixelsAt(seconds(1)).data() == first);
}

TEST_CASE("offscreen: Baku's text-heavy scenes at 960x540 break every line where the canvas-size still does") {
    // Laid out at the output's size, hinted advances that do not scale exactly moved words
    // between lines ("with / a significant" against "with a / significant").
    LoadedExhibit e = loadExhibit(test::sourceDir() / "exhibits/baku-1990/exhibit.xml");
    REQUIRE(e.show);
    render::RenderResources resources;
    const sf::Vector2u canvas{static_cast<unsigned>(e.show->canvas.width), static_cast<unsigned>(e.show->canvas.height)};
    render::FrameRenderer largeRenderer(*e.show, resources.text(), resources.textures());
    output::OffscreenRenderer large(largeRenderer, *e.show, canvas);
    render::FrameRenderer smallRenderer(*e.show, resources.text(), resources.textures());
    output::OffscreenRenderer small(smallRenderer, *e.show, {960, 540});
    REQUIRE(large.ok());
    REQUIRE(small.ok());
    for (const std::string at : {"background+30s", "introduction+10s", "eyewitness+12s"}) {
        CAPTURE(at);
        const auto t = resolvePosition(*e.show, at);
        REQUIRE(t);
        const test::BlockComparison c = test::compareBlocks(small.renderAt(*t), large.renderAt(*t));
        MESSAGE(at << ": worst block " << c.worstBlock << " levels, " << c.differingShare * 100 << "% of blocks over "
                   << test::kInkDifference);
        CHECK(c.differingShare < 0.002);
    }
}
