#pragma once
// The studio's commands, as one table (StudioApp::commands, in studio_commands.cpp): each
// row is what the menu bar shows, its shortcut, the right-click menus that offer it, its
// --script verb with its arguments and help line, when it can be done, and what it does.
// Menus, keys, right-click and scripts all run the same row, so adding a command is adding
// a row, and a command a designer can click is one a test can drive.

#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::studio {

class StudioApp;

/// A key with Ctrl and Shift, as a menu writes it ("Ctrl+Shift+Z").
struct Shortcut {
    sf::Keyboard::Key key = sf::Keyboard::Unknown;
    bool ctrl = false;
    bool shift = false;

    bool empty() const { return key == sf::Keyboard::Unknown; }
    bool matches(const sf::Event::KeyEvent& event) const;
    std::string label() const;
};

inline Shortcut ctrl(sf::Keyboard::Key key) { return {key, true, false}; }
inline Shortcut ctrlShift(sf::Keyboard::Key key) { return {key, true, true}; }
inline Shortcut plain(sf::Keyboard::Key key) { return {key, false, false}; }

/// Where a right-click menu opens; a command lists those that offer it.
enum CommandPlace : unsigned {
    kNowhere = 0,
    kOnItem = 1,     // an item's chip on the timeline
    kOnScene = 2,    // a scene, on the timeline or in the scene list
    kOnPreview = 4,  // the preview
};

/// One command. Rows are written with designated initialisers; what a row leaves out is
/// "always enabled", "no submenu", "asks nothing".
struct StudioCommand {
    std::string_view menu;       // "File", "Edit", "Scene", "Insert", "View", "Help"
    std::string_view name;       // as the menu writes it
    std::string_view verb;       // the --script verb
    std::string_view arguments = {};  // what the verb takes after it, for --help ("" for nothing)
    std::string_view help = {};  // one line, for --help and the Keys window
    Shortcut shortcut = {};
    unsigned places = kNowhere;  // the right-click menus that offer it
    std::function<bool(const StudioApp&)> enabled = {};
    // The menu shows a submenu of these values, each run as the command's argument.
    std::function<std::vector<std::string>(const StudioApp&)> choices = {};
    // The menu asks for a value in a small window, starting from this one.
    std::function<std::string(const StudioApp&)> asks = {};
    // What the menu writes after the name (Undo: what it undoes).
    std::function<std::string(const StudioApp&)> detail = {};
    std::function<bool(StudioApp&, const std::string&)> run;

    bool isEnabled(const StudioApp& app) const { return !enabled || enabled(app); }
};

/// The menus, in the order the menu bar shows them.
inline constexpr std::string_view kMenus[] = {"File", "Edit", "Scene", "Insert", "View", "Help"};

/// The command whose shortcut `key` is, or nullptr.
const StudioCommand* commandForKey(const std::vector<StudioCommand>& commands, const sf::Event::KeyEvent& key);

/// The command whose verb is `verb`, or nullptr.
const StudioCommand* commandForVerb(const std::vector<StudioCommand>& commands, std::string_view verb);

}  // namespace vitrine::studio
