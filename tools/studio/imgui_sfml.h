#pragma once
// Dear ImGui on an SFML window: SFML's events (mouse, keyboard, text, wheel) feed ImGuiIO,
// and ImGui's draw lists are drawn by the OpenGL 2 renderer that ships with Debian's
// libimgui (which has no SFML backend of its own).

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <filesystem>

struct ImFont;

namespace vitrine::studio {

/// Owns the ImGui context of one window for its lifetime.
class ImGuiSfml {
public:
    /// Creates the context and the font atlas (`fontFile` at `fontPixels`, with the
    /// punctuation and arrows exhibit text uses); the window's GL context must be active.
    ImGuiSfml(sf::RenderWindow& window, const std::filesystem::path& fontFile, float fontPixels);
    ~ImGuiSfml();
    ImGuiSfml(const ImGuiSfml&) = delete;
    ImGuiSfml& operator=(const ImGuiSfml&) = delete;

    /// Passes one window event to ImGui.
    void processEvent(const sf::Event& event);
    /// Starts an ImGui frame `seconds` after the previous one.
    void newFrame(float seconds);
    /// Draws the frame's ImGui windows over whatever SFML drew, and restores SFML's GL state.
    void render();
    /// A larger face of the same font, for headings and the clock.
    ImFont* largeFont() const { return large_; }

private:
    sf::RenderWindow& window_;
    ImFont* large_ = nullptr;
};

}  // namespace vitrine::studio
