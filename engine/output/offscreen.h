#pragma once
// Frames without a window: stills, numbered frame sequences and exports draw through
// the same FrameRenderer as the player, into an off-screen texture.

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <filesystem>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/show.h"

namespace vitrine::output {

/// Renders complete frames of a show at a fixed output size.
class OffscreenRenderer {
public:
    /// Draws with `renderer`, the show being played's (LiveShow's: stills and exports), which
    /// must outlive this. `size` is the output in pixels; the canvas is fitted into it
    /// (letterboxed).
    OffscreenRenderer(render::FrameRenderer& renderer, const Show& show, sf::Vector2u size);
    /// Draws with a renderer of its own: for a one-off picture with no show being played
    /// (the studio's storyboard, the render tests).
    OffscreenRenderer(const Show& show, render::RenderResources& resources, sf::Vector2u size);

    /// False when no off-screen GL surface could be made (no X display).
    bool ok() const { return ok_; }
    /// The frame at t, waiting for every image so the picture is complete.
    sf::Image renderAt(Micros t);
    /// The same frame's RGBA pixels, rows top first, in a buffer this renderer reuses: valid
    /// until the next call. For exports, where a fresh 8 MB image per frame cost more in page
    /// faults and copies than the encoder's colour conversion.
    const std::vector<std::uint8_t>& renderPixelsAt(Micros t);
    /// Problems met while drawing (video, captions), each once.
    std::vector<std::string> takeProblems() { return renderer_.takeProblems(); }

private:
    // The frame at t into target_, every image waited for.
    void draw(Micros t);

    const Show& show_;
    std::unique_ptr<render::FrameRenderer> ownRenderer_;  // only when made without one
    render::FrameRenderer& renderer_;
    sf::RenderTexture target_;
    std::vector<std::uint8_t> pixels_;
    bool ok_ = false;
};

/// Writes `image` as PNG to `path` through a temporary file and a rename, so a reader
/// never sees half a file. Returns the Error, or nullopt on success.
std::optional<Error> savePngAtomically(const sf::Image& image, const std::filesystem::path& path);

}  // namespace vitrine::output
