// The export's pixel path reads the same picture, the same way up, as a still.

#include <doctest/doctest.h>

#include <cstring>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "render/render_resources.h"

using namespace vitrine;

TEST_CASE("offscreen: renderPixelsAt gives exactly the pixels of renderAt, reusing its buffer") {
    // Text low on the canvas: a picture upside down would not match.
    LoadedExhibit e = loadExhibitFromText(
        "<exhibit size=\"320x180\" background=\"#0000ff\"><scene dur=\"2s\">"
        "<text x=\"5%\" y=\"60%\" width=\"90%\" color=\"#ffffff\">Baku 1990</text></scene></exhibit>",
        "offscreen.xml");
    REQUIRE(e.show);
    render::RenderResources resources;
    output::OffscreenRenderer offscreen(*e.show, resources, {320, 180});
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
