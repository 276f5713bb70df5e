#pragma once
// A QR code made on this PC (Debian's libqrencode), for the visitors' page's address on
// the wall: phones scan it to open the page. The modules are data; the picture of them is
// drawn black on white with the quiet zone round it that scanners need.

#include <optional>
#include <string_view>
#include <vector>

#include <SFML/Graphics/Image.hpp>

namespace vitrine::render {

/// A QR code's modules, `size` by `size`, row by row; true is dark.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// The modules of `text` (error correction level M: a smudge on the wall still scans);
/// nullopt when it cannot be encoded (empty, or too long).
std::optional<QrModules> encodeQr(std::string_view text);

/// The modules drawn `modulePixels` pixels a module, with the four-module quiet zone.
sf::Image qrImage(const QrModules& modules, unsigned modulePixels);

}  // namespace vitrine::render
