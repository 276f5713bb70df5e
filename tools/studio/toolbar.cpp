#include "toolbar.h"

#include <imgui.h>

#include <string>

#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {

ToolbarRequest drawToolbar(const StudioDocument& doc, ImFont* large, float top, float height) {
    ToolbarRequest request;
    beginPanel("##toolbar", 0, top, ImGui::GetIO().DisplaySize.x, height,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::PushFont(large);
    ImGui::TextUnformatted("Vitrine Studio");
    ImGui::PopFont();
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    std::string title = doc.file().filename().string() + (doc.modified() ? "  •  unsaved" : "");
    if (doc.show() && !doc.show()->title.empty()) title = doc.show()->title + "  —  " + title;
    ImGui::TextColored(colour(theme::kDimText), "%s", title.c_str());
    float right = ImGui::GetWindowWidth() - 300;
    ImGui::SameLine(right);
    request.save = ImGui::Button("Save");
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.canUndo());
    request.undo = ImGui::Button("Undo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc.canRedo());
    request.redo = ImGui::Button("Redo");
    ImGui::EndDisabled();
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
