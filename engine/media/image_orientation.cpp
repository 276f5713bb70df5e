#include "media/image_orientation.h"

#include <charconv>
#include <cstring>

namespace vitrine {
namespace {

constexpr int kFirstExifOrientation = 1;
constexpr int kLastExifOrientation = 8;

// FFmpeg display matrices are 16.16 fixed point; an axis-aligned one holds only 0 and ±1.
constexpr std::int32_t kFixedPointOne = 1 << 16;

// -1, 0 or +1 for a 16.16 entry that is (close to) one of those, 2 otherwise.
int unitSign(std::int32_t value) {
    constexpr std::int32_t kTolerance = kFixedPointOne / 64;
    if (value > -kTolerance && value < kTolerance) return 0;
    if (value > kFixedPointOne - kTolerance && value < kFixedPointOne + kTolerance) return 1;
    if (value > -kFixedPointOne - kTolerance && value < -kFixedPointOne + kTolerance) return -1;
    return 2;
}

}  // namespace

std::optional<ImageOrientation> orientationFromExif(int exifValue) {
    if (exifValue < kFirstExifOrientation || exifValue > kLastExifOrientation) return std::nullopt;
    return static_cast<ImageOrientation>(exifValue);
}

std::optional<ImageOrientation> orientationFromExifText(std::string_view text) {
    // FFmpeg's EXIF reader right-aligns numbers ("    6").
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return orientationFromExif(value);
}

std::optional<ImageOrientation> orientationFromDisplayMatrix(const std::int32_t matrix[9]) {
    // The matrix maps a stored pixel (p, q), y pointing down, to the displayed one:
    // p' = a·p + c·q, q' = b·p + d·q, with a, b, c, d = matrix[0], [1], [3], [4].
    // Measured with FFmpeg 5.1's JPEG decoder for all eight EXIF values.
    struct Entry {
        int a, b, c, d;
        ImageOrientation orientation;
    };
    static constexpr Entry kTable[] = {
        {1, 0, 0, 1, ImageOrientation::Upright},
        {-1, 0, 0, 1, ImageOrientation::MirrorHorizontal},
        {-1, 0, 0, -1, ImageOrientation::Rotate180},
        {1, 0, 0, -1, ImageOrientation::MirrorVertical},
        {0, 1, 1, 0, ImageOrientation::Transpose},
        {0, 1, -1, 0, ImageOrientation::Rotate90Clockwise},
        {0, -1, -1, 0, ImageOrientation::Transverse},
        {0, -1, 1, 0, ImageOrientation::Rotate90CounterClockwise},
    };
    const int a = unitSign(matrix[0]), b = unitSign(matrix[1]);
    const int c = unitSign(matrix[3]), d = unitSign(matrix[4]);
    for (const Entry& entry : kTable) {
        if (entry.a == a && entry.b == b && entry.c == c && entry.d == d) return entry.orientation;
    }
    return std::nullopt;
}

bool swapsDimensions(ImageOrientation orientation) {
    return orientation == ImageOrientation::Transpose || orientation == ImageOrientation::Rotate90Clockwise ||
           orientation == ImageOrientation::Transverse ||
           orientation == ImageOrientation::Rotate90CounterClockwise;
}

RgbaImage applyOrientation(RgbaImage image, ImageOrientation orientation) {
    if (orientation == ImageOrientation::Upright || image.empty()) return image;
    const int w = image.width;
    const int h = image.height;
    RgbaImage out;
    out.width = swapsDimensions(orientation) ? h : w;
    out.height = swapsDimensions(orientation) ? w : h;
    out.pixels.resize(image.pixels.size());
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int dx = x, dy = y;
            switch (orientation) {
                case ImageOrientation::Upright: break;
                case ImageOrientation::MirrorHorizontal: dx = w - 1 - x; break;
                case ImageOrientation::Rotate180: dx = w - 1 - x; dy = h - 1 - y; break;
                case ImageOrientation::MirrorVertical: dy = h - 1 - y; break;
                case ImageOrientation::Transpose: dx = y; dy = x; break;
                case ImageOrientation::Rotate90Clockwise: dx = h - 1 - y; dy = x; break;
                case ImageOrientation::Transverse: dx = h - 1 - y; dy = w - 1 - x; break;
                case ImageOrientation::Rotate90CounterClockwise: dx = y; dy = w - 1 - x; break;
            }
            const std::size_t from = (static_cast<std::size_t>(y) * w + x) * RgbaImage::kChannels;
            const std::size_t to = (static_cast<std::size_t>(dy) * out.width + dx) * RgbaImage::kChannels;
            std::memcpy(out.pixels.data() + to, image.pixels.data() + from, RgbaImage::kChannels);
        }
    }
    return out;
}

}  // namespace vitrine
