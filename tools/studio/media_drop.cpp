#include "media_drop.h"

#include "studio_theme.h"

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

std::optional<MediaDrop> acceptMediaDrop(DropMarker marker) {
    if (!ImGui::BeginDragDropTarget()) return std::nullopt;
    std::optional<MediaDrop> drop;
    // Asked before the release too, to show where the file would land while it is carried.
    const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(
        kPayload, ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect);
    if (payload) {
        const ImVec2 at = ImGui::GetMousePos(), min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        // Over everything: the panel draws its own content after this call.
        ImDrawList* list = ImGui::GetForegroundDrawList();
        list->PushClipRect(min, max, true);
        list->AddLine(ImVec2(at.x, min.y), ImVec2(at.x, max.y), theme::kAccent, 2);
        if (marker == DropMarker::Place) list->AddLine(ImVec2(min.x, at.y), ImVec2(max.x, at.y), theme::kAccent, 2);
        list->PopClipRect();
    }
    if (payload && payload->IsDelivery())
        drop = MediaDrop{std::string(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize)),
                         ImGui::GetMousePos()};
    ImGui::EndDragDropTarget();
    return drop;
}

}  // namespace vitrine::studio
