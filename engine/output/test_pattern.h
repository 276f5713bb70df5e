#pragma once
// Calibration patterns a technician lines projectors up with. Drawn into the canvas,
// so they pass through the same keystone and blend as the exhibit.

#include <SFML/Graphics/RenderTarget.hpp>

#include <optional>
#include <string_view>

namespace vitrine::output {

/// The patterns, in the order the calibration key cycles through them.
enum class TestPattern { Grid, Crosshatch, ColourBars, Focus, White, Black };

inline constexpr int kTestPatternCount = 6;

/// Fills `target` (its whole default view) with `kind`.
void drawTestPattern(TestPattern kind, sf::RenderTarget& target);

/// "grid", "crosshatch", "colour-bars", "focus", "white", "black".
std::string_view testPatternName(TestPattern kind);
std::optional<TestPattern> parseTestPattern(std::string_view name);

}  // namespace vitrine::output
