#pragma once
// EXIF orientation: how a camera's stored pixels must be turned to stand upright.

#include "media/rgba_image.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace vitrine {

/// The eight EXIF orientation values (tag 0x0112), named by the transform that makes the
/// stored image upright.
enum class ImageOrientation {
    Upright = 1,
    MirrorHorizontal = 2,
    Rotate180 = 3,
    MirrorVertical = 4,
    Transpose = 5,       // mirror across the top-left to bottom-right diagonal
    Rotate90Clockwise = 6,
    Transverse = 7,      // mirror across the top-right to bottom-left diagonal
    Rotate90CounterClockwise = 8,
};

/// The orientation for an EXIF value, or nothing when the value is not 1..8.
std::optional<ImageOrientation> orientationFromExif(int exifValue);

/// The orientation for the text of an EXIF "Orientation" tag ("6"), or nothing.
std::optional<ImageOrientation> orientationFromExifText(std::string_view text);

/// The orientation an FFmpeg display matrix (AV_FRAME_DATA_DISPLAYMATRIX, nine int32)
/// asks for, or nothing when it is not a multiple of 90 degrees with or without a mirror.
std::optional<ImageOrientation> orientationFromDisplayMatrix(const std::int32_t matrix[9]);

/// True when the orientation swaps width and height.
bool swapsDimensions(ImageOrientation orientation);

/// `image` turned upright according to `orientation`.
RgbaImage applyOrientation(RgbaImage image, ImageOrientation orientation);

}  // namespace vitrine
