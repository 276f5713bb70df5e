#pragma once
// What every studio panel shares: a fixed window at a place the studio's layout gives, and
// the conversion of the theme's packed colours.

#include <imgui.h>

namespace vitrine::studio {

inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

/// Begins a panel window at (x, y), w × h; end it with ImGui::End().
inline void beginPanel(const char* name, float x, float y, float w, float h, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(x, y));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::Begin(name, nullptr, kPanelFlags | extra);
}

inline ImVec4 colour(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace vitrine::studio
