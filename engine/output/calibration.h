#pragma once
// Calibration mode: the technician picks an output and a corner, drags it with the mouse
// or nudges it with the arrow keys while a test pattern shows the result live, and saves
// the corners where the player's user can write them (installation/saved_keystones.h).

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "base/error.h"
#include "output/test_pattern.h"
#include "output/warp_output.h"

namespace vitrine::output {

/// Key and mouse handling, and the overlay, for keystone calibration over a WarpOutput.
class Calibration {
public:
    static constexpr double kStep = 1;         // pixels per arrow press
    static constexpr double kFineStep = 0.1;   // with Shift: the precision corners are saved at
    static constexpr double kCoarseStep = 10;  // with Ctrl
    static constexpr double kGrabRadius = 48;  // how near a corner a mouse press must land to pick it

    /// Calibrates `warp`; saves go to `saveFile` (installation::keystoneSaveFile).
    Calibration(WarpOutput& warp, std::filesystem::path saveFile);

    /// Handles one key press. 1–4 pick a corner (top-left, top-right, bottom-right,
    /// bottom-left), Tab the next output, arrows move the corner (Shift: 0.1 px, Ctrl: 10 px),
    /// P the next pattern, R resets the output's corners, S saves. Returns a line for the
    /// log, or nullopt when the key is not a calibration key.
    std::optional<std::string> handleKey(sf::Keyboard::Key key, bool shift, bool control = false);

    /// A mouse button went down at `at` (window pixels, as drawn by WarpOutput): picks the
    /// nearest corner of any output within kGrabRadius and starts dragging it. Returns a
    /// log line when a corner was picked.
    std::optional<std::string> pressMouse(sf::Vector2f at);
    /// The mouse moved to `at`: while dragging, the picked corner follows it (a position
    /// that would fold the image is skipped).
    void moveMouse(sf::Vector2f at);
    /// The button went up: the drag ends. Returns a log line with the corner's place.
    std::optional<std::string> releaseMouse();
    bool dragging() const { return dragging_; }

    /// The pattern to draw into the canvas.
    TestPattern pattern() const { return pattern_; }
    std::size_t output() const { return output_; }
    int corner() const { return corner_; }
    /// The selected output's current corners (its rectangle when it has no keystone).
    installation::Quad corners() const;
    /// Outputs whose corners changed since the last save.
    const std::set<std::size_t>& unsaved() const { return unsaved_; }
    const std::filesystem::path& saveFile() const { return file_; }

    /// Outlines every output, marks the selected corner and writes the last save's
    /// outcome on the window (after WarpOutput::draw): the technician looks at the wall,
    /// not at the log.
    void drawOverlay(sf::RenderTarget& target);

    /// Writes the corners of every changed output (the selected one when none changed) to
    /// the save file in one atomic save; the Error, or nullopt when saved.
    std::optional<Error> save();

    /// What the last save did, as shown on the pattern: "saved to FILE" or "not saved:
    /// why"; empty before any save and once a corner moves again.
    const std::string& saveStatus() const { return saveStatus_; }

private:
    installation::Quad cornersOf(std::size_t output) const;
    // Moves the selected corner to `to` (output pixels) unless that folds the image.
    bool placeCorner(installation::Point to);
    std::string describeCorner() const;

    WarpOutput& warp_;
    std::filesystem::path file_;
    std::size_t output_ = 0;
    int corner_ = 0;
    TestPattern pattern_ = TestPattern::Grid;
    bool dragging_ = false;
    sf::Vector2f grabOffset_;  // from the mouse to the corner when the drag began
    std::set<std::size_t> unsaved_;
    std::string saveStatus_;
    sf::Font font_;  // loaded on the first status drawn
    bool fontTried_ = false;
};

/// Whether `q` is a convex quad in a consistent winding: what a projector can show
/// (a concave or crossed quad would fold the image).
bool isProjectableQuad(const installation::Quad& q);

}  // namespace vitrine::output
