#include "render/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace vitrine::render {

namespace {
constexpr int kQuietModules = 4;  // ISO/IEC 18004: four light modules on every side
}  // namespace

std::optional<QrModules> encodeQr(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const std::string bytes(text);  // libqrencode reads a C string
    // Version 0: the smallest that holds the text; case-sensitive 8-bit data.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(bytes.c_str(), 0, QR_ECLEVEL_M),
                                                          &QRcode_free);
    if (!code) return std::nullopt;
    QrModules m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
    // libqrencode's lowest bit of each byte says dark; the others are its own bookkeeping.
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
    return m;
}

sf::Image qrImage(const QrModules& modules, unsigned modulePixels) {
    const unsigned side = (static_cast<unsigned>(modules.size) + 2 * kQuietModules) * modulePixels;
    sf::Image image;
    image.create(side, side, sf::Color::White);
    for (int y = 0; y < modules.size; ++y)
        for (int x = 0; x < modules.size; ++x) {
            if (!modules.at(x, y)) continue;
            const unsigned left = static_cast<unsigned>(x + kQuietModules) * modulePixels;
            const unsigned top = static_cast<unsigned>(y + kQuietModules) * modulePixels;
            for (unsigned dy = 0; dy < modulePixels; ++dy)
                for (unsigned dx = 0; dx < modulePixels; ++dx) image.setPixel(left + dx, top + dy, sf::Color::Black);
        }
    return image;
}

}  // namespace vitrine::render
