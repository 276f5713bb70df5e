#pragma once
// The visible stand-in for a picture or video that is not there (DESIGN.md: a broken part is
// replaced by a visible placeholder): what belongs in the box, and why it is missing.

#include <SFML/Graphics/RenderTarget.hpp>

#include <string>

#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"

namespace vitrine::render {

/// The three lines a placeholder shows, top to bottom; each may hold a second language after
/// kSecondLanguageBreak (timeline/second_language.h), set beneath it, quieter.
struct PlaceholderText {
    std::string label;        // small capitals: "PHOTOGRAPH TO BE SUPPLIED", "VIDEO UNAVAILABLE"
    std::string description;  // what belongs here, or the file's name
    std::string footnote;     // the credit, or why the file cannot be shown
};

/// Draws a placeholder panel filling `d`'s box, its text sized to the panel.
void drawPlaceholder(TextDrawer& text, const DrawItem& d, sf::RenderTarget& target, const Viewport& v,
                     const sf::Transform& transform, const PlaceholderText& lines);

}  // namespace vitrine::render
