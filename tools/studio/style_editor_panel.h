#pragma once
// The style editor (Edit ▸ Styles…): the exhibit's <style> elements in a list; the
// chosen one's font, size, weight, colours and spacing to change; a sample drawn by the
// preview's own renderer; and its contrast against the background it is read on. It
// changes nothing itself: it returns the edit asked for, and the studio makes it through
// the document (so undo, saving and the diagnostics follow).

#include <SFML/Graphics/RenderTexture.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "studio/studio_document.h"

struct ImFont;

namespace vitrine::studio {

/// What the designer asked for in the style editor this frame.
struct StyleEditorRequest {
    std::optional<std::pair<std::string, std::string>> set;  // attribute, value of the chosen style
    std::optional<std::string> create;                        // a new style's name
    std::optional<std::string> rename;                        // the chosen style's new name
    bool remove = false;
};

class StyleEditorPanel {
public:
    bool isOpen() const { return open_; }
    /// Opens the editor on the style `id` (the first style when empty or unknown).
    void open(const std::string& id = {});
    void close() { open_ = false; }
    /// The style being edited.
    const std::string& chosen() const { return chosen_; }

    /// Draws the editor as a window over the studio when open; `resources` draws the sample.
    StyleEditorRequest draw(const StudioDocument& doc, render::RenderResources& resources, ImFont* large);

private:
    void drawSample(const StudioDocument& doc, const TextStyle& style, const Color& background,
                    render::RenderResources& resources, float width);
    void drawProperties(const TextStyle& style, StyleEditorRequest& request);

    bool open_ = false;
    bool placed_ = false;
    std::string chosen_;
    std::string newName_, renameTo_;
    // A colour being dragged in a picker: shown in the sample at once, written when released.
    std::optional<std::pair<std::string, Color>> pendingColour_;
    // The sample: its show and renderer, made again when the style or the document changes.
    std::unique_ptr<Show> sampleShow_;
    std::unique_ptr<render::FrameRenderer> sampleRenderer_;
    sf::RenderTexture sampleTexture_;
    std::string sampleKey_;
};

}  // namespace vitrine::studio
