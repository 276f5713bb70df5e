#pragma once
// A test video whose every frame shows its own number as 10 black/white blocks (bit i of
// the frame number in the block at x = 16·i): readable exactly after lossy compression.

#include <cstdint>
#include <filesystem>
#include <string>

#include "media/media_test_files.h"
#include "media/rgba_image.h"

namespace vitrine::test {

/// Frames per second of the numbered clip.
inline constexpr int kNumberedFps = 25;
inline constexpr int kNumberedBits = 10;
inline constexpr int kNumberedBlock = 16;

/// Writes a numbered clip of `seconds` at 25 fps (H.264, a keyframe every `gop` frames, B-frames).
inline bool makeNumberedVideo(const std::filesystem::path& out, int seconds, int gop = 25) {
    const std::string source = "nullsrc=size=" + std::to_string(kNumberedBits * kNumberedBlock) +
                               "x32:rate=" + std::to_string(kNumberedFps) + ":duration=" + std::to_string(seconds) +
                               ",format=gray,geq=lum='255*mod(floor(N/pow(2\\,floor(X/" +
                               std::to_string(kNumberedBlock) + ")))\\,2)'";
    return runFfmpeg("-f lavfi -i \"" + source + "\" -c:v libx264 -crf 12 -bf 2 -g " + std::to_string(gop) +
                     " -pix_fmt yuv420p " + quoted(out));
}

/// The frame number shown in `image`, read from the block centres.
inline int readFrameNumber(const RgbaImage& image) {
    int number = 0;
    for (int bit = 0; bit < kNumberedBits; ++bit) {
        if (image.at(bit * kNumberedBlock + kNumberedBlock / 2, image.height / 2)[0] > 128) number |= 1 << bit;
    }
    return number;
}

}  // namespace vitrine::test
