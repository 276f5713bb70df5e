#pragma once
// Decodes one still image file (JPEG, PNG, TIFF, WebP, BMP, ...) to RGBA with FFmpeg.
// Bad input is a value, never a crash: a missing, empty, truncated, foreign or absurdly
// large file comes back as an error that names the reason. Safe to call from many
// threads at once (each call owns all of its FFmpeg state).

#include "base/error.h"
#include "media/rgba_image.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vitrine {

/// Longest side a decoded image may have unless the caller says otherwise: the largest
/// texture common GPUs (and Mesa llvmpipe) accept.
inline constexpr int kDefaultMaxImageDimension = 16384;

/// Largest source image accepted unless the caller says otherwise: 200 megapixels is
/// 800 MB of RGBA, beyond any archival scan we expect and well short of exhausting RAM.
/// FFmpeg itself refuses pictures of about 268 megapixels or more.
inline constexpr std::int64_t kDefaultMaxImagePixels = 200'000'000;

/// How large a picture will be drawn: the box it fills on the output, in output pixels,
/// when the whole picture is shown (a pan-zoom showing a part of it enlarges the box).
/// Decoding no larger than that spares decoding, uploading and sampling pixels nobody sees.
struct ImageDrawSize {
    int width = 0, height = 0;  // 0: not known, decode at full size
    bool cover = false;         // the picture covers the box (may be cropped) rather than fits inside it

    /// True when a size is given.
    bool known() const { return width > 0 && height > 0; }
    friend bool operator==(const ImageDrawSize&, const ImageDrawSize&) = default;
};

/// How to decode.
struct ImageDecodeOptions {
    /// Longest side of the result; a larger image is downscaled at decode, keeping its aspect.
    int maxDimension = kDefaultMaxImageDimension;
    /// Source images with more pixels than this are refused before their pixels are allocated.
    std::int64_t maxPixels = kDefaultMaxImagePixels;
    /// Where known, the picture is decoded only as large as it is drawn (never above its source size).
    ImageDrawSize drawSize;
};

/// A picture's size in pixels.
struct ImageSize {
    int width = 0, height = 0;
    friend bool operator==(const ImageSize&, const ImageSize&) = default;
};

/// The size decodeImage gives an upright source of `upright` pixels under `options`: scaled
/// to its draw size (cover or contain), never enlarged, then shrunk to `maxDimension`; aspect kept.
ImageSize decodedImageSize(ImageSize upright, const ImageDecodeOptions& options);

/// The width and height in a JPEG's frame header (its SOF marker); nullopt when the bytes
/// hold none before the image data.
std::optional<ImageSize> jpegFrameSize(const std::uint8_t* data, std::size_t size);

/// How many times (0..maxReduction) a JPEG of `stored` pixels can be halved as it is
/// decoded (FFmpeg's lowres: a smaller inverse DCT, so less work and memory) while still
/// covering the size decodeImage gives it; `turned` when its orientation turns it a quarter.
int jpegReduction(ImageSize stored, bool turned, int maxReduction, const ImageDecodeOptions& options);

/// A decoded picture.
struct DecodedImage {
    RgbaImage image;    // upright (EXIF orientation applied)
    int reducedBy = 0;  // times a JPEG was halved as it was decoded (see jpegReduction)
};

/// Decodes the image at `path` to RGBA, applying its EXIF orientation and downscaling it
/// to `options.maxDimension`; never throws for bad input. The error's kind is for code that
/// reacts differently (a file not there yet may come; a picture not in a format we decode
/// is WrongKind); its message is the reason without the file name (the caller names it).
Result<DecodedImage> decodeImage(const std::filesystem::path& path, const ImageDecodeOptions& options = {});

}  // namespace vitrine
