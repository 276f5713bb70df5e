#pragma once
// A small PNG of a large picture (the status page's view of the screen): scaled down by
// area averaging and encoded by FFmpeg, on whatever thread calls it.

#include <cstdint>
#include <string>

namespace vitrine {

/// `rgba` (width × height × 4 bytes, rows top first) scaled to `targetWidth` pixels wide,
/// keeping its proportions, as PNG bytes; "" when it cannot be made (an empty picture).
std::string thumbnailPng(const std::uint8_t* rgba, int width, int height, int targetWidth);

}  // namespace vitrine
