#pragma once
// The studio's preview: the frame drawn at the canvas's own size, then shown scaled to fit
// the panel, so text is laid out (and every line broken) exactly as `vitrine still`, the
// export and the projector lay it out. Drawn at the panel's size instead, a caption of the
// Baku exhibit broke "with / a significant" here and "with a / significant" everywhere else.
// Over it, the first error of a file that does not compile.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <optional>
#include <string>
#include <utility>

#include "studio/item_insert.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

class PreviewPanel {
public:
    /// The texture to draw the frame into, the canvas's size; null when it cannot be made.
    sf::RenderTexture* canvas(sf::Vector2u canvasSize);
    /// Shows the canvas scaled into the panel at (x, y, w, h), and `doc`'s first error over it.
    void draw(const StudioDocument& doc, float x, float y, float w, float h);
    /// Where the picture was last shown, in window pixels (what `screenshot-preview` saves).
    std::optional<sf::IntRect> shownRect() const { return shown_; }
    /// A file from the media bin dropped on the picture, and where (canvas pixels); once.
    std::optional<std::pair<std::string, CanvasPoint>> takeMediaDrop() { return std::exchange(mediaDrop_, std::nullopt); }

private:
    sf::RenderTexture canvas_;
    sf::Vector2u size_{0, 0};
    std::optional<sf::IntRect> shown_;
    std::optional<std::pair<std::string, CanvasPoint>> mediaDrop_;
};

}  // namespace vitrine::studio
