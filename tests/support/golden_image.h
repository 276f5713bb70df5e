#pragma once
// Test support: compare a rendered frame with its reference, tests/fixtures/golden/NAME.png.
//
// The tolerance forgives antialiasing and nothing else, so that one wrong character fails:
// see kGoldenTolerance below for the figures it is set from.
//
// The tests never write a reference. Whenever a frame is not pixel for pixel its reference,
// matchGolden writes what it drew to build/golden-actual/NAME.png, a picture of the changed
// pixels to build/golden-diff/NAME.png and a one-line summary to build/golden-diff/NAME.txt.
// `tools/update-golden [NAME...]` rebuilds, renders the golden cases, copies those pictures
// over the references and prints which changed: look at each diff before committing.
// VITRINE_UPDATE_GOLDEN, which once rewrote references silently, now fails every golden case.

#include <SFML/Graphics/Image.hpp>
#include "support/build_paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace vitrine::test {

/// What a golden frame may differ from its reference by, to forgive antialiasing and nothing
/// else. Measured here: every golden case rendered 5 times (Mesa llvmpipe under Xvfb) was
/// pixel for pixel its reference, so the noise between runs is 0. The allowance is for
/// another build of the same software renderer, whose rounding may move edge pixels by a
/// few levels (a glyph's ink differs from its background by over 100). One changed
/// character is far beyond it; in the golden frames, pixels beyond the delta (most in one
/// 8x8 window): "January 13" drawn as "January 18" 47 (42), one Armenian letter 51 (43),
/// "Bako" for "Baku" 47 (45), "Kirovabac" for "Kirovabad" on the map 11 (11). The last is
/// under the whole-frame limit: the window catches it. A window, not a fixed grid, so that
/// a small mark (the dot of an i) counts whole wherever it falls.
struct GoldenTolerance {
    int channelDelta = 8;     // a pixel differs when one of its channels moves by more than this
    int window = 8;           // the side of the square windows counted below, in pixels
    int pixelsPerWindow = 2;  // at most this many differing pixels in any window...
    int pixels = 16;          // ...and in the whole frame
};
inline constexpr GoldenTolerance kGoldenTolerance{};

struct ImageDifference {
    bool sameSize = false;
    int differingPixels = 0;  // pixels with a channel beyond the tolerance's delta
    double differingFraction = 1;
    int worstWindowPixels = 0;  // the most differing pixels in one window
    sf::Vector2u worstWindow;   // that window's top-left corner
    int changedPixels = 0;      // pixels not exactly equal, however slightly
    int maxChannelDelta = 255;

    bool within(const GoldenTolerance& t) const {
        return sameSize && differingPixels <= t.pixels && worstWindowPixels <= t.pixelsPerWindow;
    }
};

/// The most any channel (alpha included) of one pixel differs between two colours.
inline int channelDelta(sf::Color a, sf::Color b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b), std::abs(a.a - b.a)});
}

/// Pixel-by-pixel differences of two images, and the window of `t.window` pixels square
/// holding the most differing pixels (from a summed-area table of them).
inline ImageDifference compareImages(const sf::Image& a, const sf::Image& b,
                                     const GoldenTolerance& t = kGoldenTolerance) {
    ImageDifference d;
    if (a.getSize() != b.getSize()) return d;
    d.sameSize = true;
    d.maxChannelDelta = 0;
    const unsigned width = a.getSize().x, height = a.getSize().y;
    // sums[(y + 1) * (width + 1) + x + 1]: differing pixels above and left of (x, y), inclusive.
    std::vector<int> sums(static_cast<size_t>(width + 1) * (height + 1), 0);
    auto sum = [&](unsigned x, unsigned y) -> int& { return sums[static_cast<size_t>(y) * (width + 1) + x]; };
    for (unsigned y = 0; y < height; ++y)
        for (unsigned x = 0; x < width; ++x) {
            int delta = channelDelta(a.getPixel(x, y), b.getPixel(x, y));
            d.maxChannelDelta = std::max(d.maxChannelDelta, delta);
            d.changedPixels += delta > 0;
            d.differingPixels += delta > t.channelDelta;
            sum(x + 1, y + 1) = (delta > t.channelDelta) + sum(x, y + 1) + sum(x + 1, y) - sum(x, y);
        }
    const unsigned w = std::min<unsigned>(t.window, width), h = std::min<unsigned>(t.window, height);
    for (unsigned y = 0; y + h <= height; ++y)
        for (unsigned x = 0; x + w <= width; ++x) {
            int inside = sum(x + w, y + h) - sum(x, y + h) - sum(x + w, y) + sum(x, y);
            if (inside > d.worstWindowPixels) {
                d.worstWindowPixels = inside;
                d.worstWindow = {x, y};
            }
        }
    d.differingFraction = width && height ? double(d.differingPixels) / (double(width) * height) : 0;
    return d;
}

/// The same, counting a pixel as differing when a channel moves by more than `channelDelta`.
inline ImageDifference compareImages(const sf::Image& a, const sf::Image& b, int channelDelta) {
    GoldenTolerance t;
    t.channelDelta = channelDelta;
    return compareImages(a, b, t);
}

/// The reference dimmed to a third, pixels beyond the tolerance in red, those that moved
/// within it in yellow: where to look before accepting a new reference.
inline sf::Image differenceImage(const sf::Image& actual, const sf::Image& reference,
                                 const GoldenTolerance& t = kGoldenTolerance) {
    sf::Image out;
    out.create(reference.getSize().x, reference.getSize().y);
    for (unsigned y = 0; y < reference.getSize().y; ++y)
        for (unsigned x = 0; x < reference.getSize().x; ++x) {
            sf::Color r = reference.getPixel(x, y), a = actual.getPixel(x, y);
            int delta = channelDelta(a, r);
            sf::Uint8 grey = static_cast<sf::Uint8>((r.r + r.g + r.b) / 9);
            out.setPixel(x, y, delta > t.channelDelta ? sf::Color::Red
                               : delta > 0            ? sf::Color::Yellow
                                                      : sf::Color(grey, grey, grey));
        }
    return out;
}

inline std::string describe(const ImageDifference& d) {
    if (!d.sameSize) return "size differs";
    return std::to_string(d.differingPixels) + " pixels differ by more than " +
           std::to_string(kGoldenTolerance.channelDelta) + " (allowed " + std::to_string(kGoldenTolerance.pixels) +
           "), " + std::to_string(d.worstWindowPixels) + " of them in one " +
           std::to_string(kGoldenTolerance.window) + " px window, at " +
           std::to_string(d.worstWindow.x) + "," + std::to_string(d.worstWindow.y) + " (allowed " +
           std::to_string(kGoldenTolerance.pixelsPerWindow) + "); " + std::to_string(d.changedPixels) +
           " changed at all, max delta " + std::to_string(d.maxChannelDelta);
}

inline std::filesystem::path goldenPath(const std::string& name) {
    return fixturesDir() / "golden" / (name + ".png");
}

/// Checks `actual` against tests/fixtures/golden/NAME.png (see the top of this file).
/// Returns an empty string when it matches within kGoldenTolerance, else what differs.
inline std::string matchGolden(const sf::Image& actual, const std::string& name) {
    if (std::getenv("VITRINE_UPDATE_GOLDEN"))
        return "VITRINE_UPDATE_GOLDEN is set: the tests never rewrite references; run tools/update-golden " + name;
    const auto path = goldenPath(name);
    const auto actualDir = binaryDir() / "golden-actual", diffDir = binaryDir() / "golden-diff";
    std::filesystem::create_directories(actualDir);
    std::filesystem::create_directories(diffDir);
    const auto actualPath = actualDir / (name + ".png");
    sf::Image expected;
    if (!expected.loadFromFile(path.string())) {
        actual.saveToFile(actualPath.string());
        return "no reference image " + path.string() + "; what was drawn is in " + actualPath.string();
    }
    ImageDifference d = compareImages(actual, expected);
    if (d.sameSize && d.changedPixels == 0) {
        // What an earlier run left there no longer describes this frame.
        std::error_code ignored;
        for (const auto& stale : {actualPath, diffDir / (name + ".png"), diffDir / (name + ".txt")})
            std::filesystem::remove(stale, ignored);
        return {};
    }
    actual.saveToFile(actualPath.string());
    if (d.sameSize) differenceImage(actual, expected).saveToFile((diffDir / (name + ".png")).string());
    std::ofstream(diffDir / (name + ".txt")) << describe(d) << "\n";
    if (d.within(kGoldenTolerance)) return {};
    return name + ": " + describe(d) + "; drawn: " + actualPath.string() + ", changes: " +
           (diffDir / (name + ".png")).string();
}

}  // namespace vitrine::test
