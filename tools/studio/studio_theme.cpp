#include "studio_theme.h"

namespace vitrine::studio::theme {

void apply() {
    ImGuiStyle& s = ImGui::GetStyle();
    ImGui::StyleColorsDark(&s);
    s.WindowRounding = 4;
    s.FrameRounding = 3;
    s.GrabRounding = 3;
    s.ScrollbarRounding = 3;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 0;
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 7);
    s.ScrollbarSize = 14;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.118f, 0.129f, 0.149f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0.094f, 0.102f, 0.118f, 1);
    c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.16f, 0.98f);
    c[ImGuiCol_TitleBg] = ImVec4(0.094f, 0.102f, 0.118f, 1);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.13f, 0.145f, 0.17f, 1);
    c[ImGuiCol_Text] = ImVec4(0.886f, 0.894f, 0.91f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.57f, 0.61f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.185f, 0.21f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.21f, 0.23f, 0.26f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.24f, 0.26f, 0.30f, 1);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.22f, 0.25f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.30f, 0.34f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.886f, 0.667f, 0.33f, 0.55f);
    c[ImGuiCol_Header] = ImVec4(0.886f, 0.667f, 0.33f, 0.22f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.886f, 0.667f, 0.33f, 0.30f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.886f, 0.667f, 0.33f, 0.40f);
    c[ImGuiCol_CheckMark] = ImVec4(0.886f, 0.667f, 0.33f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(0.886f, 0.667f, 0.33f, 0.8f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.886f, 0.667f, 0.33f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.22f, 0.24f, 0.27f, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.15f, 0.16f, 0.185f, 1);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.19f, 0.20f, 0.23f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.025f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.094f, 0.102f, 0.118f, 1);
}

}  // namespace vitrine::studio::theme
