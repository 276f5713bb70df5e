#pragma once
// Decodes one still image file (JPEG, PNG, TIFF, WebP, BMP, ...) to RGBA with FFmpeg.
// Bad input is a value, never a crash: a missing, empty, truncated, foreign or absurdly
// large file comes back as an error that names the reason. Safe to call from many
// threads at once (each call owns all of its FFmpeg state).

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

/// How to decode.
struct ImageDecodeOptions {
    /// Longest side of the result; a larger image is downscaled at decode, keeping its aspect.
    int maxDimension = kDefaultMaxImageDimension;
    /// Source images with more pixels than this are refused before their pixels are allocated.
    std::int64_t maxPixels = kDefaultMaxImagePixels;
};

/// Why an image could not be decoded, for code that reacts differently (e.g. retries a
/// file that is not there yet).
enum class ImageError {
    None,
    FileNotFound,
    Unreadable,   // exists but cannot be opened or read (permissions, a directory, I/O error)
    EmptyFile,
    NotAnImage,   // not a format we decode as a still image
    Corrupt,      // truncated or damaged data
    TooLarge,     // more pixels than allowed
    OutOfMemory,
};

/// Either a decoded image or the reason there is none.
struct ImageDecodeResult {
    std::optional<RgbaImage> image;  // set on success, upright (EXIF orientation applied)
    ImageError error = ImageError::None;
    std::string message;  // the reason in a technician's words, without the file name

    /// True when `image` holds the decoded picture.
    bool ok() const { return image.has_value(); }
};

/// Decodes the image at `path` to RGBA, applying its EXIF orientation and downscaling it
/// to `options.maxDimension`; never throws for bad input.
ImageDecodeResult decodeImage(const std::filesystem::path& path, const ImageDecodeOptions& options = {});

/// Short stable name of an error kind: "file-not-found", "corrupt", ...
const char* imageErrorName(ImageError error);

}  // namespace vitrine
