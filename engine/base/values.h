#pragma once
// The plain values an exhibit's attributes hold (colours, lengths, sizes, places), for
// every layer; script/values.h parses them from the text designers write.

#include <cstdint>

namespace vitrine {

/// An 8-bit RGBA colour.
struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

/// A length as written: pixels or a percentage of a reference size.
struct Length {
    double value = 0;
    bool percent = false;
    /// Pixels, given the size that 100% stands for.
    double resolve(double reference) const { return percent ? value * reference / 100.0 : value; }
};

/// Width and height in pixels, e.g. the design canvas.
struct PixelSize {
    int width = 0, height = 0;
    friend bool operator==(const PixelSize&, const PixelSize&) = default;
};

/// A rectangle written as x,y,w,h where each part is px or %.
struct LengthRect {
    Length x, y, width, height;
};

/// A place given as lon,lat (a name is resolved later, by the map).
struct LonLat {
    double lon = 0, lat = 0;
};

}  // namespace vitrine
