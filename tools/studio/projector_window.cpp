#include "projector_window.h"

#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>

namespace vitrine::studio {

void ProjectorWindow::open(const power::MonitorRect& monitor) {
    monitor_ = monitor;
    // Borderless at the monitor's place and size: a fullscreen video mode would change the
    // resolution of the whole desktop, the studio's display too.
    window_.create(sf::VideoMode(static_cast<unsigned>(monitor.width), static_cast<unsigned>(monitor.height)),
                   "Vitrine Studio: projector", sf::Style::None);
    window_.setPosition({monitor.x, monitor.y});
    window_.setMouseCursorVisible(false);
    window_.setVerticalSyncEnabled(false);
}

bool ProjectorWindow::show(const sf::Texture& picture, Color surround) {
    if (!window_.isOpen()) return false;
    sf::Event event;
    while (window_.pollEvent(event)) {
        if (event.type == sf::Event::Closed ||
            (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape)) {
            window_.close();
            return false;
        }
    }
    window_.setActive(true);
    window_.clear(sf::Color(surround.r, surround.g, surround.b));
    const sf::Vector2u size = window_.getSize(), canvas = picture.getSize();
    if (canvas.x > 0 && canvas.y > 0) {
        const float scale = std::min(static_cast<float>(size.x) / static_cast<float>(canvas.x),
                                     static_cast<float>(size.y) / static_cast<float>(canvas.y));
        sf::Sprite sprite(picture);
        sprite.setScale(scale, scale);
        sprite.setPosition((static_cast<float>(size.x) - static_cast<float>(canvas.x) * scale) / 2,
                           (static_cast<float>(size.y) - static_cast<float>(canvas.y) * scale) / 2);
        window_.draw(sprite);
    }
    window_.display();
    window_.setActive(false);
    return true;
}

}  // namespace vitrine::studio
