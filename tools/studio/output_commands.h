#pragma once
// The menu rows of styles, export and the projector: where each sits, its words, its
// shortcut, and the --script action it runs (so a menu command and a scripted one are the
// same code). The studio's command table (menus and right-click menus) takes these rows;
// until it exists the toolbar shows them as buttons.

#include <string>
#include <string_view>
#include <vector>

#include <SFML/Window/Event.hpp>

namespace vitrine::studio {

struct OutputCommand {
    std::string_view menu;      // "File", "Format", "View"
    std::string_view label;     // "Export…"
    std::string_view shortcut;  // "Ctrl+E", shown beside it
    sf::Keyboard::Key key;      // the shortcut's key, with Ctrl and Shift as `shortcut` says
    bool control, shift;
    std::string_view action;    // the --script action it runs
};

/// Every row, in menu order.
const std::vector<OutputCommand>& outputCommands();

/// Draws `menu`'s rows as items of the ImGui menu being drawn; the action of the one
/// chosen, or empty.
std::string drawOutputMenuItems(std::string_view menu);

/// Draws the rows as a row of buttons (the toolbar's, until the menu bar exists); the
/// action of the one pressed, or empty.
std::string drawOutputButtons();

/// The action a key press is the shortcut of, or empty.
std::string outputShortcut(const sf::Event::KeyEvent& key);

}  // namespace vitrine::studio
