#pragma once
// The colours a map is drawn in.

#include <SFML/Graphics/Color.hpp>

namespace vitrine::render {

/// The map palette: calm, dark water and land, warm marks, light labels.
struct MapPalette {
    sf::Color water{0x18, 0x1d, 0x23};
    sf::Color land{0x2b, 0x2a, 0x27};
    sf::Color border{0x6e, 0x67, 0x5c};
    sf::Color label{0xef, 0xe6, 0xd6};
    sf::Color freeLabel{0xc9, 0xbd, 0xa8};
    sf::Color halo{0x12, 0x12, 0x10, 235};
    sf::Color casing{0x12, 0x12, 0x10, 190};  // dark edge under routes and markers
    sf::Color credit{0x8f, 0x86, 0x76};
};

}  // namespace vitrine::render
