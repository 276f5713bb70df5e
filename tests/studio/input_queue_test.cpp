// The studio's input queue without a window: events in, the state each frame shows out.
// Read as state once a frame, a key pressed and released between two frames was never seen
// down, and Ctrl+A then "15s" typed into "21s" gave "21s15s".

#include <doctest/doctest.h>

#include <string>

#include "studio/input_queue.h"

namespace vitrine::studio {
namespace {

using K = sf::Keyboard;

sf::Event key(K::Key code, bool down, bool control = false, bool shift = false) {
    sf::Event e;
    e.type = down ? sf::Event::KeyPressed : sf::Event::KeyReleased;
    e.key = {code, false, control, shift, false};
    return e;
}

sf::Event character(char32_t c) {
    sf::Event e;
    e.type = sf::Event::TextEntered;
    e.text.unicode = static_cast<sf::Uint32>(c);
    return e;
}

sf::Event button(sf::Mouse::Button b, bool down, int x, int y) {
    sf::Event e;
    e.type = down ? sf::Event::MouseButtonPressed : sf::Event::MouseButtonReleased;
    e.mouseButton = {b, x, y};
    return e;
}

sf::Event moved(int x, int y) {
    sf::Event e;
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {x, y};
    return e;
}

// A key typed as X sends it: the press (with the modifiers held before it), the character,
// the release.
void type(InputQueue& q, K::Key code, char32_t c) {
    q.push(key(code, true));
    q.push(character(c));
    q.push(key(code, false));
}

std::string text(const FrameInput& f) { return std::string(f.characters.begin(), f.characters.end()); }

// A text field as Dear ImGui 1.86 edits one each frame: the frame's characters first, then
// Ctrl+A if A went down in this frame with Ctrl held (a press is a key down now and up before).
struct Field {
    std::string value;
    bool allSelected = false;
    bool aWasDown = false;
    void frame(const FrameInput& f) {
        for (std::uint32_t c : f.characters) {
            if (allSelected) value.clear();
            allSelected = false;
            value += static_cast<char>(c);
        }
        const bool aDown = f.keys[K::A];
        if (aDown && !aWasDown && f.control) allSelected = true;
        aWasDown = aDown;
    }
};

}  // namespace

TEST_CASE("input queue: a key pressed and released within one frame is down in one frame and up in the next") {
    InputQueue q;
    q.push(key(K::Space, true));
    q.push(key(K::Space, false));
    FrameInput first = q.nextFrame();
    CHECK(first.keys[K::Space]);
    REQUIRE(first.events.size() == 1);
    CHECK(first.events[0].type == sf::Event::KeyPressed);
    FrameInput second = q.nextFrame();
    CHECK_FALSE(second.keys[K::Space]);
    REQUIRE(second.events.size() == 1);
    CHECK(second.events[0].type == sf::Event::KeyReleased);
    CHECK(q.waiting() == 0);
    FrameInput third = q.nextFrame();  // nothing new: the state stays, no event
    CHECK_FALSE(third.keys[K::Space]);
    CHECK(third.events.empty());
}

TEST_CASE("input queue: Ctrl+A then 15s typed faster than the frames replace the field's text") {
    InputQueue q;
    // xdotool key ctrl+a; type 15s: every event before the first frame.
    q.push(key(K::LControl, true));  // X says "no Ctrl" on Ctrl's own press
    q.push(key(K::A, true, true));
    q.push(character(1));  // Ctrl+A's control character
    q.push(key(K::A, false, true));
    q.push(key(K::LControl, false, true));
    type(q, K::Num1, '1');
    type(q, K::Num5, '5');
    type(q, K::S, 's');

    Field field{"21s"};
    std::string typed;
    int frames = 0;
    FrameInput f = q.nextFrame();
    CHECK(f.keys[K::A]);
    CHECK(f.control);  // with its modifier
    CHECK(f.characters.empty());
    field.frame(f);
    for (; q.waiting() > 0 && frames < 20; ++frames) {
        f = q.nextFrame();
        CHECK(f.characters.size() <= 1);
        typed += text(f);
        field.frame(f);
    }
    CHECK(q.waiting() == 0);
    CHECK(typed == "15s");  // every character, in order
    CHECK(field.value == "15s");
    CHECK_FALSE(f.control);
    CHECK(f.keys.none());
}

TEST_CASE("input queue: each key changes once a frame, and a second key waits for the next frame") {
    InputQueue q;
    q.push(key(K::Left, true));
    q.push(key(K::Left, false));
    q.push(key(K::Left, true));
    q.push(key(K::Left, false));
    int downs = 0, ups = 0;
    bool wasDown = false;
    for (int i = 0; i < 10; ++i) {
        FrameInput f = q.nextFrame();
        if (f.keys[K::Left] && !wasDown) ++downs;
        if (!f.keys[K::Left] && wasDown) ++ups;
        wasDown = f.keys[K::Left];
    }
    CHECK(downs == 2);  // two presses, both seen
    CHECK(ups == 2);

    // Two different keys pressed together still come one frame apart, in order.
    q.push(key(K::Right, true));
    q.push(key(K::Up, true));
    FrameInput a = q.nextFrame();
    CHECK(a.keys[K::Right]);
    CHECK_FALSE(a.keys[K::Up]);
    FrameInput b = q.nextFrame();
    CHECK(b.keys[K::Right]);
    CHECK(b.keys[K::Up]);
}

TEST_CASE("input queue: a key keeps the modifiers it was pressed with") {
    InputQueue q;
    q.push(key(K::LControl, true));
    CHECK(q.nextFrame().control);
    q.push(key(K::Z, true, true));
    q.push(key(K::LControl, false, true));  // Ctrl let go before the next frame
    q.push(key(K::Z, false));
    FrameInput f = q.nextFrame();
    CHECK(f.keys[K::Z]);
    CHECK(f.control);  // Ctrl+Z, not Z
    f = q.nextFrame();
    CHECK_FALSE(f.control);

    // A repeated press of a held key is not a change: characters keep coming, one a frame.
    InputQueue held;
    held.push(key(K::B, true));
    held.push(character('b'));
    held.push(key(K::B, true));
    held.push(character('b'));
    CHECK(text(held.nextFrame()) == "b");
    CHECK(text(held.nextFrame()) == "b");
}

TEST_CASE("input queue: a click shorter than a frame is seen down then up, where it was made") {
    InputQueue q;
    q.push(moved(100, 50));
    q.push(button(sf::Mouse::Left, true, 100, 50));
    q.push(button(sf::Mouse::Left, false, 100, 50));
    q.push(moved(300, 200));
    FrameInput down = q.nextFrame();
    CHECK(down.buttons[sf::Mouse::Left]);
    CHECK(down.mouse == sf::Vector2i(100, 50));
    FrameInput up = q.nextFrame();
    CHECK_FALSE(up.buttons[sf::Mouse::Left]);
    CHECK(up.mouse == sf::Vector2i(100, 50));  // released over what was clicked
    FrameInput after = q.nextFrame();
    CHECK(after.mouse == sf::Vector2i(300, 200));

    // Moves alone are merged into one frame: the last position counts.
    q.push(moved(1, 1));
    q.push(moved(2, 2));
    q.push(moved(3, 3));
    FrameInput merged = q.nextFrame();
    CHECK(merged.mouse == sf::Vector2i(3, 3));
    CHECK(merged.events.size() == 3);
}

TEST_CASE("input queue: losing the focus lets go of every key and button") {
    InputQueue q;
    q.push(key(K::LShift, true));
    q.push(button(sf::Mouse::Right, true, 5, 5));
    FrameInput f = q.nextFrame();
    CHECK(f.shift);
    CHECK(f.buttons[sf::Mouse::Right]);
    sf::Event lost;
    lost.type = sf::Event::LostFocus;
    q.push(lost);
    f = q.nextFrame();
    CHECK(f.keys.none());
    CHECK_FALSE(f.shift);
    CHECK_FALSE(f.buttons[sf::Mouse::Right]);
}

}  // namespace vitrine::studio
