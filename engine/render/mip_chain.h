#pragma once
// Builds the smaller levels of a mipmap on the CPU, a band of rows at a time, so a large
// image's mipmaps never cost one frame more than its budget (generating them on the GPU
// in one call took 0.3 s for a 6000x4000 scan on a software renderer).

#include <cstdint>
#include <vector>

#include "media/rgba_image.h"

namespace vitrine::render {

/// Size of mip level `level` of a w×h image (level 0 is the image itself).
inline int mipSize(int size, int level) {
    for (int i = 0; i < level; ++i) size = size > 1 ? size / 2 : 1;
    return size;
}

/// Number of levels down to 1×1.
int mipLevelCount(int width, int height);

/// RGBA rows read in place, contiguous or not (a tile of a larger image: no copy cut out).
struct RgbaView {
    const std::uint8_t* pixels = nullptr;  // the first channel of the top-left pixel
    int width = 0;
    int height = 0;
    std::size_t rowBytes = 0;  // from one row's start to the next's

    /// Row `y`'s first channel.
    const std::uint8_t* row(int y) const { return pixels + static_cast<std::size_t>(y) * rowBytes; }
};

/// A whole image as a view.
inline RgbaView viewOf(const RgbaImage& image) {
    return {image.pixels.data(), image.width, image.height, static_cast<std::size_t>(image.width) * RgbaImage::kChannels};
}

/// The rectangle (x, y, width, height) of `image` as a view; the caller keeps it inside.
inline RgbaView viewOf(const RgbaImage& image, int x, int y, int width, int height) {
    return {image.at(x, y), width, height, static_cast<std::size_t>(image.width) * RgbaImage::kChannels};
}

/// Fills rows [firstRow, firstRow + rowCount) of `smaller` (already sized to half of
/// `larger`, rounded down, at least 1) with 2×2 averages of `larger`, rounded.
void downsampleRows(const RgbaView& larger, RgbaImage& smaller, int firstRow, int rowCount);

}  // namespace vitrine::render
