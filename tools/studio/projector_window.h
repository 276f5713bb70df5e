#pragma once
// View ▸ Show on projector: the preview's picture full-screen on a second display, in a
// borderless window placed over that monitor (as RandR reports it), letterboxed as the
// player letterboxes. Esc in it, or the menu again, closes it.

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <optional>
#include <string>

#include "base/values.h"
#include "power/display_probe.h"

namespace vitrine::studio {

class ProjectorWindow {
public:
    bool isOpen() const { return window_.isOpen(); }
    /// Opens the window over `monitor`.
    void open(const power::MonitorRect& monitor);
    void close() { window_.close(); }
    /// The monitor it covers (while open).
    const power::MonitorRect& monitor() const { return monitor_; }

    /// Handles the window's events (Esc closes it) and shows `picture` fitted into it on
    /// `surround`. False when the designer closed it now. Leaves no GL context active:
    /// the caller activates its own again.
    bool show(const sf::Texture& picture, Color surround);

private:
    sf::RenderWindow window_;
    power::MonitorRect monitor_;
};

}  // namespace vitrine::studio
