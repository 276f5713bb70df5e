#pragma once
// The studio's inspector: the selected scene or item, where it is written, its times, its
// attributes to edit, a text's words, and "Time captions" for a sound with captions. It
// changes nothing itself: it returns what the designer asked for, and the studio applies it
// as a command (so undo, the status line and the preview follow).

#include <SFML/Graphics/Rect.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "studio/studio_document.h"

struct ImFont;

namespace vitrine::studio {

/// What the designer did in the inspector this frame.
struct InspectorRequest {
    std::optional<std::pair<std::string, std::string>> setAttribute;  // name, value
    std::optional<std::string> setContent;                             // a plain text's new words
    bool timeCaptions = false;
};

class InspectorPanel {
public:
    /// Draws `doc`'s selection inside a panel at (x, y), w × h.
    InspectorRequest draw(const StudioDocument& doc, ImFont* large, float x, float y, float w, float h);
    /// An attribute added from the two fields was applied: the fields empty again.
    void clearNewAttribute();
    /// Where the field of `attribute` was last drawn, in window pixels; nullopt when it was not.
    std::optional<sf::IntRect> fieldRect(const std::string& attribute) const;

private:
    void drawAttributes(const ScriptNode& node, InspectorRequest& request);
    void drawText(const StudioDocument& doc, const ScriptNode& node, InspectorRequest& request);

    std::string contentBuffer_;  // the text being edited
    Selection contentFor_;
    int contentGeneration_ = -1;
    std::string newAttributeName_, newAttributeValue_;
    std::map<std::string, sf::IntRect> fieldRects_;  // this frame's attribute fields, for automation
};

}  // namespace vitrine::studio
