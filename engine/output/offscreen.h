#pragma once
// Frames without a window: stills, numbered frame sequences, storyboards and exports draw
// with the renderer they are given (the show being played's, LiveShow's, in every program),
// into an off-screen texture. It never makes a renderer of its own: one way to draw a show.

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "render/frame_renderer.h"
#include "timeline/show.h"

namespace vitrine::output {

/// Renders complete frames of a show at a fixed output size.
class OffscreenRenderer {
public:
    /// Draws `show` with `renderer` (made for it: the show being played's, LiveShow's, in the
    /// programs), which must outlive this. `size` is the output in pixels; the canvas is fitted
    /// into it (letterboxed).
    OffscreenRenderer(render::FrameRenderer& renderer, const Show& show, sf::Vector2u size);

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
    render::FrameRenderer& renderer_;
    sf::RenderTexture target_;
    std::vector<std::uint8_t> pixels_;
    bool ok_ = false;
};

/// Writes `image` as PNG to `path` through a temporary file and a rename, so a reader
/// never sees half a file. Returns the Error, or nullopt on success.
std::optional<Error> savePngAtomically(const sf::Image& image, const std::filesystem::path& path);

}  // namespace vitrine::output
