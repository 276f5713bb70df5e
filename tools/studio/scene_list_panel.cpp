#include "scene_list_panel.h"

#include <imgui.h>

#include <string>

#include "base/time_value.h"
#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {
constexpr const char* kScenePayload = "vitrine-scene";
constexpr float kRowHeight = 40;
}  // namespace

SceneListRequest drawSceneList(const StudioDocument& doc, Micros t, float x, float y, float w, float h) {
    SceneListRequest request;
    beginPanel("Scenes", x, y, w, h);
    const Show* show = doc.show();
    if (!show) {
        ImGui::TextDisabled("No scenes: the file does not compile.");
        ImGui::End();
        return request;
    }
    const float buttonH = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##scene-rows", ImVec2(0, -buttonH), false);
    const int playing = show->sceneAt(t);
    for (int i = 0; i < static_cast<int>(show->scenes.size()); ++i) {
        const Scene& scene = show->scenes[i];
        ImGui::PushID(i);
        const bool selected = doc.selection() == Selection{Selection::Kind::Scene, i};
        const ImVec2 top = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##row", selected, 0, ImVec2(0, kRowHeight))) request.select = i;
        if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
            request.select = i;
            request.contextMenu = true;
        }
        // Drag a scene onto another's row: it takes that place.
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload(kScenePayload, &i, sizeof i);
            ImGui::Text("Move %s", scene.title.empty() ? scene.id.c_str() : scene.title.c_str());
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kScenePayload)) {
                int from = *static_cast<const int*>(p->Data);
                if (from != i) request.move = std::make_pair(from, i);
            }
            ImGui::EndDragDropTarget();
        }
        ImDrawList* list = ImGui::GetWindowDrawList();
        const float right = ImGui::GetItemRectMax().x - 4;  // the row, not under the scroll bar
        list->AddText(ImVec2(top.x + 4, top.y + 3), i == playing ? theme::kPlayhead : theme::kDimText,
                      std::to_string(i + 1).c_str());
        const std::string name = scene.title.empty() ? scene.id : scene.title;
        ImGui::PushClipRect(ImVec2(top.x + 28, top.y), ImVec2(right, top.y + kRowHeight), true);
        list->AddText(ImVec2(top.x + 28, top.y + 3), theme::kText, name.c_str());
        const std::string detail = scene.id + "  ·  " + formatTime(scene.end - scene.begin);
        list->AddText(ImVec2(top.x + 28, top.y + 21), theme::kDimText, detail.c_str());
        ImGui::PopClipRect();
        ImGui::PopID();
    }
    ImGui::EndChild();
    request.newScene = ImGui::Button("+ New scene", ImVec2(-1, 0));
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
