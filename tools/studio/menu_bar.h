#pragma once
// The studio's menu bar, right-click menu and the small windows they open (a value to type,
// the question before quitting with unsaved edits, the keys and guide, about), all drawn
// from the command table. It runs nothing itself: it returns the command chosen, with its
// argument, and the studio runs it as a script or a key would.

#include <optional>
#include <string>
#include <vector>

#include "studio_commands.h"

namespace vitrine::studio {

/// A command chosen this frame, and what it was given.
struct CommandRequest {
    const StudioCommand* command = nullptr;
    std::string argument;
};

/// What the designer answered when asked before quitting with unsaved edits.
enum class QuitAnswer { None, Save, Discard, Cancel };

class MenuBar {
public:
    /// Draws the menu bar across the window's top and any window or menu it has open.
    std::optional<CommandRequest> draw(const std::vector<StudioCommand>& commands, const StudioApp& app);
    /// Its height, for the panels below it.
    static float height();

    /// Opens, next frame, the right-click menu with the commands offered at `place`.
    void openContextMenu(CommandPlace place) { pendingContext_ = place; }
    /// Asks, next frame, whether to save `file` before quitting; the answer comes from
    /// quitAnswer().
    void askBeforeQuit(std::string file) { quitFile_ = std::move(file), askQuit_ = true; }
    QuitAnswer quitAnswer();
    void showHelp() { openHelp_ = true; }
    void showAbout() { openAbout_ = true; }

private:
    void item(const StudioCommand& command, const StudioApp& app, std::optional<CommandRequest>& chosen);
    void drawAsking(std::optional<CommandRequest>& chosen);
    void drawQuitQuestion();
    void drawHelp(const std::vector<StudioCommand>& commands);
    void drawAbout();

    unsigned pendingContext_ = kNowhere;
    unsigned context_ = kNowhere;
    const StudioCommand* asking_ = nullptr;  // the command waiting for a typed value
    bool openAsking_ = false;
    std::string value_;
    bool askQuit_ = false;
    std::string quitFile_;
    QuitAnswer answer_ = QuitAnswer::None;
    bool openHelp_ = false, openAbout_ = false;
};

}  // namespace vitrine::studio
