#pragma once
// A decoded still picture in the one layout every consumer (texture upload, tests,
// placeholders) agrees on, so no pixel-format knowledge leaks out of engine/media.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vitrine {

/// 8-bit RGBA pixels, row-major, top row first, rows packed with no padding.
struct RgbaImage {
    /// Bytes per pixel: red, green, blue, alpha.
    static constexpr int kChannels = 4;

    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * kChannels bytes

    /// Bytes held by the pixel buffer: what a memory budget counts.
    std::size_t bytes() const { return pixels.size(); }

    /// True when the image holds no pixels.
    bool empty() const { return pixels.empty(); }

    /// Address of the first channel of pixel (x, y); the caller keeps (x, y) in range.
    const std::uint8_t* at(int x, int y) const {
        return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                static_cast<std::size_t>(x)) * kChannels;
    }
};

}  // namespace vitrine
