#pragma once
// Dragging a file from the media bin onto the timeline or the canvas: the bin is the drag's
// source, and a panel that accepts a drop calls acceptMediaDrop() right after drawing the
// ImGui item the file may be dropped on. The payload is the file's path relative to the
// exhibit's folder, as an exhibit's src writes it.

#include <imgui.h>

#include <optional>
#include <string>

namespace vitrine::studio {

/// A file let go over the last ImGui item, and where the pointer was (window pixels).
struct MediaDrop {
    std::string file;
    ImVec2 at;
};

/// Makes the last ImGui item the source of a drag carrying `file` (with `label` beside the
/// pointer while it moves); call it right after drawing the bin's entry.
void beginMediaDrag(const std::string& file, const std::string& label);

/// What a panel marks under the pointer while a file is dragged over it: the time (a line
/// across the timeline) or the place (a cross on the canvas).
enum class DropMarker { Time, Place };

/// The file dropped on the last ImGui item this frame, or nullopt; while one is dragged over
/// it, marks where it would land.
std::optional<MediaDrop> acceptMediaDrop(DropMarker marker);

}  // namespace vitrine::studio
