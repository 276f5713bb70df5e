#include "render/mip_chain.h"

#include <algorithm>
#include <cstring>

namespace vitrine::render {

int mipLevelCount(int width, int height) {
    int levels = 1;
    while (width > 1 || height > 1) {
        width = width > 1 ? width / 2 : 1;
        height = height > 1 ? height / 2 : 1;
        ++levels;
    }
    return levels;
}

namespace {

// The rounded average of four RGBA pixels, two channels at a time in 16-bit lanes of a
// word (a sum of four bytes needs ten bits): four times fewer operations than channel by
// channel, which made mip levels the most expensive part of a picture's arrival.
std::uint32_t average4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    constexpr std::uint32_t kLanes = 0x00FF00FF, kRounding = 0x00020002;
    const std::uint32_t redBlue = (a & kLanes) + (b & kLanes) + (c & kLanes) + (d & kLanes) + kRounding;
    const std::uint32_t greenAlpha =
        ((a >> 8) & kLanes) + ((b >> 8) & kLanes) + ((c >> 8) & kLanes) + ((d >> 8) & kLanes) + kRounding;
    return ((redBlue >> 2) & kLanes) | (((greenAlpha >> 2) & kLanes) << 8);
}

std::uint32_t pixelAt(const std::uint8_t* row, int x) {
    std::uint32_t v;
    std::memcpy(&v, row + static_cast<std::size_t>(x) * 4, sizeof v);
    return v;
}

}  // namespace

void downsampleRows(const RgbaView& larger, RgbaImage& smaller, int firstRow, int rowCount) {
    const int lw = larger.width, lh = larger.height, sw = smaller.width;
    const int last = std::min(smaller.height, firstRow + rowCount);
    for (int y = firstRow; y < last; ++y) {
        const int y0 = std::min(2 * y, lh - 1), y1 = std::min(2 * y + 1, lh - 1);
        const std::uint8_t* r0 = larger.row(y0);
        const std::uint8_t* r1 = larger.row(y1);
        std::uint8_t* out = &smaller.pixels[static_cast<size_t>(y) * sw * 4];
        for (int x = 0; x < sw; ++x) {
            const int x0 = std::min(2 * x, lw - 1), x1 = std::min(2 * x + 1, lw - 1);
            const std::uint32_t v = average4(pixelAt(r0, x0), pixelAt(r0, x1), pixelAt(r1, x0), pixelAt(r1, x1));
            std::memcpy(out + static_cast<std::size_t>(x) * 4, &v, sizeof v);
        }
    }
}

}  // namespace vitrine::render
