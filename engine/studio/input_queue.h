#pragma once
// A window's input events, handed out frame by frame to an interface that reads input as
// state once a frame (Dear ImGui 1.86 has no event queue of its own). Read as state, a key
// pressed and released between two frames is never seen down: Ctrl+A typed quickly selected
// nothing, and "15s" typed over "21s" gave "21s15s". The queue gives each frame the events up
// to the first that the frame's state could not show; the rest wait for the next frame, in
// order. So no press, release or character is lost, however short.

#include <SFML/Window/Event.hpp>

#include <array>
#include <bitset>
#include <cstdint>
#include <deque>
#include <vector>

namespace vitrine::studio {

/// The input one frame sees, and the events that made it.
struct FrameInput {
    sf::Vector2i mouse{-1, -1};  // the pointer, in window pixels; -1, -1 before it moved
    std::array<bool, sf::Mouse::ButtonCount> buttons{};
    std::bitset<sf::Keyboard::KeyCount> keys;  // down, by sf::Keyboard::Key
    bool control = false, shift = false, alt = false, system = false;
    std::vector<std::uint32_t> characters;  // typed this frame, in order (control characters left out)
    float wheel = 0, wheelH = 0;             // scrolled this frame
    std::vector<sf::Event> events;           // every event this frame takes, in order (for shortcuts)
};

/// The events of one window, waiting for the frames that take them.
class InputQueue {
public:
    /// Adds an event (any kind: those that are not input pass through in order).
    void push(const sf::Event& event) { waiting_.push_back(event); }
    /// The next frame's input: the state of the last frame changed by the waiting events, up
    /// to the first that would
    ///  - change a key or mouse button a second time (down and up in one frame is seen as
    ///    neither: it waits, so the key is down in this frame and up in the next);
    ///  - press a second key other than a modifier (an interface acts on a frame's keys, and
    ///    ImGui applies a frame's characters before its keys: a character typed after Ctrl+A
    ///    must come a frame after it, or it lands before the selection);
    ///  - change a modifier after a key was pressed (a key keeps the modifiers it came with);
    ///  - move the pointer after a button changed (a click lands where it was made).
    FrameInput nextFrame();
    /// Events not yet taken by a frame.
    std::size_t waiting() const { return waiting_.size(); }

private:
    std::deque<sf::Event> waiting_;
    FrameInput state_;  // as the last frame left it
};

}  // namespace vitrine::studio
