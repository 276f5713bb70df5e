#pragma once
// Part of `vitrine-studio bench`: what dragging on the canvas costs. A map scene's frame
// time while an item is dragged on it against the same scene playing (target: p95 within
// 1.2×), and a drag's release to the preview updated (edit, compile, frame finished;
// target p95 < 50 ms). Figures, not tests.

#include <SFML/Graphics/RenderTexture.hpp>

#include "render/render_resources.h"
#include <filesystem>

namespace vitrine::studio {

/// Measures on `exhibit` (edited in memory, never saved) drawing into `target`; prints the figures.
void benchCanvasDrag(const std::filesystem::path& exhibit, render::RenderResources& resources,
                     sf::RenderTexture& target);

}  // namespace vitrine::studio
