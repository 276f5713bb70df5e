#pragma once
// The studio's toolbar: the exhibit's title and file (and whether it has unsaved edits), and
// Save, Undo and Redo. It returns what was pressed; the studio does it.

#include "studio/studio_document.h"

struct ImFont;

namespace vitrine::studio {

struct ToolbarRequest {
    bool save = false;
    bool undo = false;
    bool redo = false;
};

/// Draws the toolbar for `doc` across the window at `top`, `height` pixels high.
ToolbarRequest drawToolbar(const StudioDocument& doc, ImFont* large, float top, float height);

}  // namespace vitrine::studio
