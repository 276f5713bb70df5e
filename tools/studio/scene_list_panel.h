#pragma once
// The studio's scene list: the scenes in playing order, each with its place, title (or id)
// and length, the one under the playhead marked. Click selects a scene, dragging one onto
// another's place reorders them, right-click offers what can be done to it, and "New scene"
// adds one after the selected. It changes nothing itself: it returns what was asked.

#include <optional>
#include <utility>

#include "studio/studio_document.h"

namespace vitrine::studio {

/// What the designer did in the scene list this frame.
struct SceneListRequest {
    std::optional<int> select;                // a scene, by index
    std::optional<std::pair<int, int>> move;  // a scene, and the index it is dropped at
    bool contextMenu = false;                 // right-click on the scene in `select`
    bool newScene = false;
};

/// Draws `doc`'s scenes in a panel at (x, y), w × h, with the playhead at `t`.
SceneListRequest drawSceneList(const StudioDocument& doc, Micros t, float x, float y, float w, float h);

}  // namespace vitrine::studio
