#pragma once
// Dear ImGui on an SFML window: SFML's events (mouse, keyboard, text, wheel) feed ImGuiIO,
// and ImGui's draw lists are drawn by the OpenGL 2 renderer that ships with Debian's
// libimgui (which has no SFML backend of its own). ImGui 1.86 reads input as state once a
// frame, so the events wait in an InputQueue that gives each frame what it can show: no press,
// release or character shorter than a frame is lost.

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <filesystem>
#include <vector>

#include "studio/input_queue.h"

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

    /// Keeps one window event for the frames to come.
    void queueEvent(const sf::Event& event) { queue_.push(event); }
    /// Starts an ImGui frame `seconds` after the previous one, with the input of the events
    /// this frame takes from the queue; returns those events, in order, for the program's own
    /// shortcuts (so they act on the same frame's input as ImGui).
    const std::vector<sf::Event>& newFrame(float seconds);
    /// Draws the frame's ImGui windows over whatever SFML drew, and restores SFML's GL state.
    void render();
    /// A larger face of the same font, for headings and the clock.
    ImFont* largeFont() const { return large_; }

private:
    sf::RenderWindow& window_;
    ImFont* large_ = nullptr;
    InputQueue queue_;
    FrameInput input_;  // this frame's
};

}  // namespace vitrine::studio
