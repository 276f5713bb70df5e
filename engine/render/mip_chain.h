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

/// Fills rows [firstRow, firstRow + rowCount) of `smaller` (already sized to half of
/// `larger`, rounded down, at least 1) with 2×2 averages of `larger`.
void downsampleRows(const RgbaImage& larger, RgbaImage& smaller, int firstRow, int rowCount);

}  // namespace vitrine::render
