// The export's pixel path reads the same picture, the same way up, as a still.

#include <doctest/doctest.h>

#include <cstring>

#include "exhibit/exhibit_loader.h"
#include "output/offscreen.h"
#include "render/render_resources.h"

using namespace vitrine;

TEST_CASE("offscreen: renderPixelsAt gives exactly the pixels of renderAt, reusing its buffer") {
    // Top half red, bottom half blue: a picture upside down or mirrored would not match.
    LoadedExhibit e = loadExhibitFromText(
        "<exhibit size=\"320x180\" background=\"#0000ff\"><scene dur=\"2s\">"
        "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"50%\" fill=\"#ff0000\"/>"
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
    CHECK(pixels[0] == 255);                       // top-left red
    CHECK(pixels[(179 * 320) * 4 + 2] == 255);     // bottom-left blue
    const std::uint8_t* first = pixels.data();
    CHECK(offscreen.renderPixelsAt(seconds(1)).data() == first);
}
