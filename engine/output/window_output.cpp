#include "output/window_output.h"

#include <SFML/Graphics/Sprite.hpp>

#include <algorithm>
#include <cstdint>

#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Event.hpp>

namespace vitrine::output {

WindowOutput::WindowOutput(const std::string& title, WindowMode mode) : title_(title), mode_(mode) { open(); }

void WindowOutput::open() {
    if (mode_.fullscreen) {
        window_.create(sf::VideoMode::getDesktopMode(), title_, sf::Style::Fullscreen);
    } else {
        window_.create(sf::VideoMode(mode_.width, mode_.height), title_, sf::Style::Titlebar | sf::Style::Close | sf::Style::Resize);
    }
    settle();
}

void WindowOutput::settle() {
    // A projector shows no cursor, in either mode: designers use the keyboard.
    window_.setMouseCursorVisible(false);
    window_.setVerticalSyncEnabled(true);
    window_.setKeyRepeatEnabled(false);
}

sf::Image WindowOutput::capture() {
    sf::Texture texture;
    if (!texture.create(window_.getSize().x, window_.getSize().y)) return {};
    texture.update(window_);
    return texture.copyToImage();
}

sf::Image WindowOutput::captureScaled(unsigned width) {
    const sf::Vector2u size = window_.getSize();
    if (size.x == 0 || size.y == 0 || width == 0) return {};
    if (grabbed_.getSize() != size && !grabbed_.create(size.x, size.y)) return {};
    grabbed_.update(window_);  // the frame drawn, copied on the GPU side
    grabbed_.setSmooth(true);
    const unsigned w = std::min(width, size.x);
    const unsigned h = std::max(1u, static_cast<unsigned>(static_cast<std::uint64_t>(size.y) * w / size.x));
    if (!scaled_ || scaled_->getSize() != sf::Vector2u(w, h)) {
        scaled_ = std::make_unique<sf::RenderTexture>();
        if (!scaled_->create(w, h)) {
            scaled_.reset();
            return {};
        }
    }
    sf::Sprite sprite(grabbed_);
    sprite.setScale(static_cast<float>(w) / static_cast<float>(size.x), static_cast<float>(h) / static_cast<float>(size.y));
    scaled_->clear(sf::Color::Black);
    scaled_->draw(sprite);
    scaled_->display();
    sf::Image picture = scaled_->getTexture().copyToImage();
    [[maybe_unused]] bool active = window_.setActive(true);  // the frame is presented from the window's context
    return picture;
}

bool WindowOutput::placedOver(int x, int y, int width, int height) const {
    return window_.getPosition() == sf::Vector2i(x, y) &&
           window_.getSize() == sf::Vector2u(static_cast<unsigned>(width), static_cast<unsigned>(height));
}

void WindowOutput::placeOver(int x, int y, int width, int height) {
    window_.create(sf::VideoMode(static_cast<unsigned>(width), static_cast<unsigned>(height)), title_, sf::Style::None);
    window_.setPosition({x, y});
    settle();
    // SFML's fullscreen takes the keyboard; a borderless window asks for it, so the
    // technician's Ctrl+Shift+C and calibration keys still reach the player.
    window_.requestFocus();
}

void WindowOutput::setFullscreen(bool fullscreen) {
    if (fullscreen == mode_.fullscreen) return;
    mode_.fullscreen = fullscreen;
    open();
}

std::vector<InputCommand> WindowOutput::pollCommands(std::vector<sf::Event>* calibrationEvents) {
    std::vector<InputCommand> commands;
    sf::Event e;
    while (window_.pollEvent(e)) {
        if (e.type == sf::Event::Closed && !mode_.fullscreen) commands.push_back(InputCommand::Quit);
        if (e.type == sf::Event::Resized) {
            window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width), static_cast<float>(e.size.height))));
        }
        const bool mouse = e.type == sf::Event::MouseButtonPressed || e.type == sf::Event::MouseButtonReleased ||
                           e.type == sf::Event::MouseMoved;
        if (mouse && calibrationEvents) calibrationEvents->push_back(e);
        if (e.type != sf::Event::KeyPressed) continue;
        const auto& k = e.key;
        if (k.control && k.shift && k.code == sf::Keyboard::C) {
            commands.push_back(InputCommand::ToggleCalibration);
            continue;
        }
        if (calibrationEvents && !(k.control && k.shift && (k.code == sf::Keyboard::Q || k.code == sf::Keyboard::F))) {
            calibrationEvents->push_back(e);
            continue;
        }
        // D turns the audio description on or off, in fullscreen too: it stops nothing, and a
        // visitor's button by the wall can be a one-key USB keyboard sending it.
        if (k.code == sf::Keyboard::D && !k.control && !k.alt) {
            commands.push_back(InputCommand::ToggleDescription);
            continue;
        }
        if (mode_.fullscreen) {
            // A visitor pressing keys must not stop the show: only a deliberate chord quits,
            // and only Ctrl+Shift+F leaves fullscreen.
            if (k.control && k.shift && k.code == sf::Keyboard::Q) commands.push_back(InputCommand::Quit);
            if (k.control && k.shift && k.code == sf::Keyboard::F) commands.push_back(InputCommand::ToggleFullscreen);
            continue;
        }
        switch (k.code) {
            case sf::Keyboard::Space: commands.push_back(InputCommand::TogglePause); break;
            case sf::Keyboard::Left: commands.push_back(InputCommand::PreviousScene); break;
            case sf::Keyboard::Right: commands.push_back(InputCommand::NextScene); break;
            case sf::Keyboard::F: commands.push_back(InputCommand::ToggleFullscreen); break;
            case sf::Keyboard::Escape: commands.push_back(InputCommand::Quit); break;
            default: break;
        }
    }
    return commands;
}

}  // namespace vitrine::output
