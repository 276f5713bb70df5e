#pragma once
// Calibration mode: the technician picks an output and a corner, moves it with the
// arrow keys while a test pattern shows the result, and saves it to installation.xml.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Keyboard.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "output/test_pattern.h"
#include "output/warp_output.h"

namespace vitrine::output {

/// Key handling and overlay for keystone calibration over a WarpOutput.
class Calibration {
public:
    static constexpr double kStep = 1;       // pixels per arrow press
    static constexpr double kLargeStep = 10; // with Shift held

    /// Calibrates `warp`; saves go to `installationFile`.
    Calibration(WarpOutput& warp, std::filesystem::path installationFile);

    /// Handles one key press. 1–4 pick a corner (top-left, top-right, bottom-right,
    /// bottom-left), Tab the next output, arrows move the corner (Shift: ×10), P the next
    /// pattern, R resets the output's corners, S saves. Returns a line for the log, or
    /// nullopt when the key is not a calibration key.
    std::optional<std::string> handleKey(sf::Keyboard::Key key, bool shift);

    /// The pattern to draw into the canvas.
    TestPattern pattern() const { return pattern_; }
    std::size_t output() const { return output_; }
    int corner() const { return corner_; }
    /// The selected output's current corners (its rectangle when it has no keystone).
    installation::Quad corners() const;

    /// Marks the selected corner on the window (after WarpOutput::draw).
    void drawOverlay(sf::RenderTarget& target) const;

    /// Writes the selected output's corners to the installation file; an error or nullopt.
    std::optional<std::string> save();

private:
    WarpOutput& warp_;
    std::filesystem::path file_;
    std::size_t output_ = 0;
    int corner_ = 0;
    TestPattern pattern_ = TestPattern::Grid;
};

}  // namespace vitrine::output
