#pragma once
// Test support: whether two pictures of the same frame at different sizes show text broken
// into the same lines. A word moved to another line leaves ink where there was none: a block
// about a letter high changes its mean luminance by tens of levels, while scaling (smoothing,
// a half-pixel shift) moves it by a few. Used by the studio's preview test and the still's.

#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cmath>

namespace vitrine::test {

struct BlockComparison {
    double worstBlock = 0;      // the largest difference of mean luminance over one block
    double differingShare = 0;  // the share of blocks that differ by more than kInkDifference
};

constexpr int kComparisonBlock = 12;  // pixels of the smaller picture
constexpr double kInkDifference = 24;

inline double luminance(const sf::Color& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

// The mean luminance of `image` over the rectangle [x0, x1) × [y0, y1), in its own pixels.
inline double meanLuminanceOver(const sf::Image& image, double x0, double y0, double x1, double y1) {
    double sum = 0;
    int count = 0;
    for (auto y = static_cast<unsigned>(y0); y < static_cast<unsigned>(std::ceil(y1)) && y < image.getSize().y; ++y)
        for (auto x = static_cast<unsigned>(x0); x < static_cast<unsigned>(std::ceil(x1)) && x < image.getSize().x; ++x) {
            sum += luminance(image.getPixel(x, y));
            ++count;
        }
    return count ? sum / count : 0;
}

/// `small` against `large` scaled to its size, block by block.
inline BlockComparison compareBlocks(const sf::Image& small, const sf::Image& large) {
    const double sx = static_cast<double>(large.getSize().x) / small.getSize().x;
    const double sy = static_cast<double>(large.getSize().y) / small.getSize().y;
    BlockComparison c;
    int blocks = 0, differing = 0;
    for (unsigned y = 0; y + kComparisonBlock <= small.getSize().y; y += kComparisonBlock)
        for (unsigned x = 0; x + kComparisonBlock <= small.getSize().x; x += kComparisonBlock) {
            const double a = meanLuminanceOver(small, x, y, x + kComparisonBlock, y + kComparisonBlock);
            const double b = meanLuminanceOver(large, x * sx, y * sy, (x + kComparisonBlock) * sx,
                                               (y + kComparisonBlock) * sy);
            const double d = std::abs(a - b);
            c.worstBlock = std::max(c.worstBlock, d);
            ++blocks;
            if (d > kInkDifference) ++differing;
        }
    c.differingShare = blocks ? static_cast<double>(differing) / blocks : 0;
    return c;
}

}  // namespace vitrine::test
