#include "studio/input_queue.h"

namespace vitrine::studio {
namespace {

using Key = sf::Keyboard::Key;

bool isModifier(int code) { return code >= Key::LControl && code <= Key::RSystem; }

struct Modifiers {
    bool control, shift, alt, system;
    bool operator==(const Modifiers&) const = default;
};

Modifiers modifiersOf(const FrameInput& frame) { return {frame.control, frame.shift, frame.alt, frame.system}; }

// X reports a key event with the modifiers held before it: pressing Ctrl says "no Ctrl",
// releasing it says "Ctrl". A modifier key's own event takes the state from the keys down
// after it, any other key's from the event.
Modifiers modifiersAfter(const sf::Event::KeyEvent& key, const std::bitset<Key::KeyCount>& keys) {
    if (!isModifier(key.code)) return {key.control, key.shift, key.alt, key.system};
    return {keys[Key::LControl] || keys[Key::RControl], keys[Key::LShift] || keys[Key::RShift],
            keys[Key::LAlt] || keys[Key::RAlt], keys[Key::LSystem] || keys[Key::RSystem]};
}

// What changed so far in the frame being made.
struct Changed {
    std::bitset<Key::KeyCount> keys;
    std::array<bool, sf::Mouse::ButtonCount> buttons{};
    bool anyButton = false;
    bool keyPressed = false;  // a key other than a modifier went down (or repeated)
};

bool takeKey(const sf::Event& e, FrameInput& frame, Changed& changed) {
    const bool down = e.type == sf::Event::KeyPressed;
    const int code = e.key.code;
    if (code < 0 || code >= Key::KeyCount) return true;  // a key SFML does not know: nothing to show
    const bool modifier = isModifier(code);
    const bool changes = frame.keys[code] != down;
    if (changes && changed.keys[code]) return false;
    if (down && !modifier && changed.keyPressed) return false;
    std::bitset<Key::KeyCount> keys = frame.keys;
    keys[code] = down;
    const Modifiers after = modifiersAfter(e.key, keys);
    if (changed.keyPressed && after != modifiersOf(frame)) return false;
    frame.keys = keys;
    frame.control = after.control;
    frame.shift = after.shift;
    frame.alt = after.alt;
    frame.system = after.system;
    if (changes) changed.keys[code] = true;
    if (down && !modifier) changed.keyPressed = true;
    return true;
}

bool takeButton(const sf::Event& e, FrameInput& frame, Changed& changed) {
    const int b = e.mouseButton.button;
    if (b < 0 || b >= sf::Mouse::ButtonCount) return true;
    const bool down = e.type == sf::Event::MouseButtonPressed;
    const sf::Vector2i at(e.mouseButton.x, e.mouseButton.y);
    const bool changes = frame.buttons[b] != down;
    if (changes && changed.buttons[b]) return false;
    if (changed.anyButton && at != frame.mouse) return false;
    frame.buttons[b] = down;
    frame.mouse = at;
    if (changes) changed.buttons[b] = changed.anyButton = true;
    return true;
}

bool takeFocusLoss(FrameInput& frame, Changed& changed) {
    // A key or button released in another window never reports it here: all are up now.
    for (int k = 0; k < Key::KeyCount; ++k)
        if (frame.keys[k] && changed.keys[k]) return false;
    for (int b = 0; b < sf::Mouse::ButtonCount; ++b)
        if (frame.buttons[b] && changed.buttons[b]) return false;
    changed.keys |= frame.keys;
    frame.keys.reset();
    for (int b = 0; b < sf::Mouse::ButtonCount; ++b) {
        if (frame.buttons[b]) changed.buttons[b] = changed.anyButton = true;
        frame.buttons[b] = false;
    }
    frame.control = frame.shift = frame.alt = frame.system = false;
    return true;
}

// Applies `e` to `frame`; false, changing nothing, when the frame cannot show it.
bool take(const sf::Event& e, FrameInput& frame, Changed& changed) {
    switch (e.type) {
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: return takeKey(e, frame, changed);
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: return takeButton(e, frame, changed);
        case sf::Event::MouseMoved:
            if (changed.anyButton) return false;
            frame.mouse = {e.mouseMove.x, e.mouseMove.y};
            return true;
        case sf::Event::MouseWheelScrolled:
            (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel ? frame.wheel : frame.wheelH) +=
                e.mouseWheelScroll.delta;
            return true;
        case sf::Event::TextEntered:
            // Control characters arrive as text too; an interface takes them from the keys.
            if (e.text.unicode >= ' ' && e.text.unicode != 127) frame.characters.push_back(e.text.unicode);
            return true;
        case sf::Event::LostFocus: return takeFocusLoss(frame, changed);
        default: return true;
    }
}

}  // namespace

FrameInput InputQueue::nextFrame() {
    FrameInput frame = state_;
    frame.characters.clear();
    frame.wheel = frame.wheelH = 0;
    frame.events.clear();
    Changed changed;
    while (!waiting_.empty() && take(waiting_.front(), frame, changed)) {
        frame.events.push_back(waiting_.front());
        waiting_.pop_front();
    }
    state_ = frame;
    return frame;
}

}  // namespace vitrine::studio
