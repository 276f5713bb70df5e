#pragma once
// Test support: compare a rendered frame with a small reference PNG, with a tolerance.
// VITRINE_UPDATE_GOLDEN=1 writes the references instead (then look at them before committing).

#include <SFML/Graphics/Image.hpp>
#include "support/build_paths.h"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace vitrine::test {

struct ImageDifference {
    bool sameSize = false;
    double differingFraction = 1;  // pixels with any channel beyond the tolerance
    int maxChannelDelta = 255;
};

inline ImageDifference compareImages(const sf::Image& a, const sf::Image& b, int tolerance) {
    ImageDifference d;
    if (a.getSize() != b.getSize()) return d;
    d.sameSize = true;
    const sf::Uint8* pa = a.getPixelsPtr();
    const sf::Uint8* pb = b.getPixelsPtr();
    size_t pixels = static_cast<size_t>(a.getSize().x) * a.getSize().y;
    size_t differing = 0;
    d.maxChannelDelta = 0;
    for (size_t i = 0; i < pixels; ++i) {
        bool differs = false;
        for (int c = 0; c < 4; ++c) {
            int delta = std::abs(int(pa[i * 4 + c]) - int(pb[i * 4 + c]));
            d.maxChannelDelta = std::max(d.maxChannelDelta, delta);
            differs |= delta > tolerance;
        }
        differing += differs;
    }
    d.differingFraction = pixels ? double(differing) / double(pixels) : 0;
    return d;
}

inline std::filesystem::path goldenPath(const std::string& name) {
    return fixturesDir() / "golden" / (name + ".png");
}

/// Checks `actual` against tests/fixtures/golden/NAME.png. On failure the actual image is
/// written to the build folder for inspection. Returns an empty string when it matches.
inline std::string matchGolden(const sf::Image& actual, const std::string& name, int tolerance = 24,
                               double allowedFraction = 0.005) {
    auto path = goldenPath(name);
    const char* update = std::getenv("VITRINE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        actual.saveToFile(path.string());
        return {};
    }
    sf::Image expected;
    if (!expected.loadFromFile(path.string())) return "no reference image " + path.string();
    ImageDifference d = compareImages(actual, expected, tolerance);
    if (d.sameSize && d.differingFraction <= allowedFraction) return {};
    auto failed = binaryDir() / ("golden-actual-" + name + ".png");
    actual.saveToFile(failed.string());
    return name + ": " + (d.sameSize ? std::to_string(d.differingFraction * 100) + "% of pixels differ (max delta " +
                                           std::to_string(d.maxChannelDelta) + ")"
                                     : std::string("size differs")) +
           "; actual written to " + failed.string();
}

}  // namespace vitrine::test
