#include "media_drop.h"

namespace vitrine::studio {
namespace {

constexpr const char* kPayload = "VITRINE_MEDIA";  // ImGui allows 32 characters

}  // namespace

void beginMediaDrag(const std::string& file, const std::string& label) {
    if (!ImGui::BeginDragDropSource()) return;
    ImGui::SetDragDropPayload(kPayload, file.data(), file.size());
    ImGui::TextUnformatted(label.c_str());
    ImGui::EndDragDropSource();
}

std::optional<MediaDrop> acceptMediaDrop() {
    if (!ImGui::BeginDragDropTarget()) return std::nullopt;
    std::optional<MediaDrop> drop;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPayload))
        drop = MediaDrop{std::string(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize)),
                         ImGui::GetMousePos()};
    ImGui::EndDragDropTarget();
    return drop;
}

}  // namespace vitrine::studio
