#include "render/mip_chain.h"

#include <algorithm>

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

void downsampleRows(const RgbaImage& larger, RgbaImage& smaller, int firstRow, int rowCount) {
    const int lw = larger.width, lh = larger.height, sw = smaller.width;
    const int last = std::min(smaller.height, firstRow + rowCount);
    for (int y = firstRow; y < last; ++y) {
        const int y0 = std::min(2 * y, lh - 1), y1 = std::min(2 * y + 1, lh - 1);
        const std::uint8_t* r0 = &larger.pixels[static_cast<size_t>(y0) * lw * 4];
        const std::uint8_t* r1 = &larger.pixels[static_cast<size_t>(y1) * lw * 4];
        std::uint8_t* out = &smaller.pixels[static_cast<size_t>(y) * sw * 4];
        for (int x = 0; x < sw; ++x) {
            const int x0 = std::min(2 * x, lw - 1) * 4, x1 = std::min(2 * x + 1, lw - 1) * 4;
            for (int c = 0; c < 4; ++c)
                out[x * 4 + c] = static_cast<std::uint8_t>((r0[x0 + c] + r0[x1 + c] + r1[x0 + c] + r1[x1 + c] + 2) / 4);
        }
    }
}

}  // namespace vitrine::render
