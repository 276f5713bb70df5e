#pragma once
// Test support: a still of a show at half the 1920x1080 canvas, saved under the build folder
// to be looked at, and how many of its pixels in a canvas region are lit (not the dark
// background): what the sign-language inset tests measure.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "output/offscreen.h"
#include "render/render_resources.h"
#include "support/build_paths.h"

namespace vitrine::test {

inline const sf::Vector2u kHalfSize{960, 540};
inline constexpr double kHalfScale = 0.5;

/// The frame at `at`, rendered at kHalfSize and saved as build/tests/FOLDER/NAME.png.
inline sf::Image halfSizeStill(const Show& show, Micros at, const std::string& folder, const std::string& name) {
    render::RenderResources resources;
    render::FrameRenderer renderer(show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, show, kHalfSize);
    REQUIRE(offscreen.ok());
    sf::Image image = offscreen.renderAt(at);
    const auto into = binaryDir() / folder;
    std::filesystem::create_directories(into);
    image.saveToFile((into / (name + ".png")).string());
    return image;
}

/// The pixels of a half-size still inside `region` (canvas px) brighter than the background.
inline int litPixels(const sf::Image& image, const Rect& region) {
    int n = 0;
    const auto from = [](double v) { return static_cast<unsigned>(v * kHalfScale); };
    for (auto y = from(region.y); y < from(region.y + region.height); ++y)
        for (auto x = from(region.x); x < from(region.x + region.width); ++x) {
            const sf::Color c = image.getPixel(x, y);
            n += c.r + c.g + c.b > 60 ? 1 : 0;
        }
    return n;
}

}  // namespace vitrine::test
