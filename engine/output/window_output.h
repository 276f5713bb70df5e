#pragma once
// The projector window: fullscreen or windowed, cursor hidden, vsync on, keys turned
// into commands. The only place the player touches SFML's window and events.

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>

#include <memory>
#include <string>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>

namespace vitrine::output {

/// What a key press or window event asks the player to do.
enum class InputCommand { TogglePause, PreviousScene, NextScene, ToggleFullscreen, ToggleCalibration, ToggleDescription, Quit };

/// How the window opens.
struct WindowMode {
    bool fullscreen = true;
    unsigned width = 1280, height = 720;  // windowed size
};

/// A window that shows frames and reports commands.
class WindowOutput {
public:
    WindowOutput(const std::string& title, WindowMode mode);

    bool isOpen() const { return window_.isOpen(); }
    bool fullscreen() const { return mode_.fullscreen; }
    /// Commands from events since the last call. In fullscreen only Ctrl+Shift+Q quits;
    /// Ctrl+Shift+C toggles calibration in either mode. When `calibrationEvents` is given
    /// (calibration mode), other key presses and mouse events go there instead of becoming
    /// commands.
    std::vector<InputCommand> pollCommands(std::vector<sf::Event>* calibrationEvents = nullptr);
    /// A window pixel in the coordinates frames are drawn in (the window's default view).
    sf::Vector2f toDrawing(int x, int y) const { return window_.mapPixelToCoords({x, y}, window_.getDefaultView()); }
    /// Shows or hides the mouse cursor (calibration needs one; a show never does).
    void showCursor(bool visible) { window_.setMouseCursorVisible(visible); }
    /// The surface to draw the next frame on.
    sf::RenderTarget& target() { return window_; }
    /// A copy of what is drawn on the window now, before present() (tests read frames back).
    sf::Image capture();
    /// The same scaled down on the GPU to `width` pixels wide (proportions kept), so only a
    /// small picture crosses to the CPU: the status page's view of the screen.
    sf::Image captureScaled(unsigned width);
    /// Shows the drawn frame (waits for vertical sync where the display has it).
    void present() { window_.display(); }
    /// Re-opens the window fullscreen or windowed.
    void setFullscreen(bool fullscreen);
    /// Whether the window lies exactly over `x, y, width, height` on the desktop.
    bool placedOver(int x, int y, int width, int height) const;
    /// Re-opens the fullscreen window borderless over that rectangle (a monitor, or the
    /// desktop the outputs span): SFML's fullscreen always takes the whole X screen from
    /// its origin and may switch the screen's mode, which would cover the other monitors.
    void placeOver(int x, int y, int width, int height);
    void close() { window_.close(); }

private:
    void open();
    void settle();

    std::string title_;
    WindowMode mode_;
    sf::RenderWindow window_;
    // Kept between captureScaled() calls: making them again each time costs more than the copy.
    sf::Texture grabbed_;
    std::unique_ptr<sf::RenderTexture> scaled_;
};

}  // namespace vitrine::output
