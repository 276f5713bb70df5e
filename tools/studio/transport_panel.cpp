#include "transport_panel.h"

#include <imgui.h>

#include <algorithm>

#include "studio_panels.h"
#include "studio_theme.h"
#include "base/time_value.h"

namespace vitrine::studio {

std::optional<Micros> sceneStep(const Show& show, Micros t, int delta) {
    if (show.scenes.empty()) return std::nullopt;
    int current = show.sceneAt(t);
    if (delta < 0 && current >= 0 && t - show.scenes[current].begin > kMicrosPerSecond) return show.scenes[current].begin;
    int next = std::clamp((current < 0 ? 0 : current) + delta, 0, static_cast<int>(show.scenes.size()) - 1);
    return show.scenes[next].begin;
}

TransportRequest drawTransport(const Show* show, Micros t, bool playing, int speed, ImFont* large, float x, float y,
                               float w, float h) {
    TransportRequest request;
    beginPanel("##transport", x, y, w, h, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    auto sceneJump = [&](int delta) {
        if (show) request.seek = sceneStep(*show, t, delta);
    };
    if (ImGui::Button("|◀")) sceneJump(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous scene");
    ImGui::SameLine();
    if (ImGui::Button("◀ 1/25")) request.seek = t - kFrameStep;
    ImGui::SameLine();
    if (ImGui::Button(playing ? "  Pause  " : "  ▶ Play  ", ImVec2(110, 0))) request.togglePlay = true;
    ImGui::SameLine();
    if (ImGui::Button("1/25 ▶")) request.seek = t + kFrameStep;
    ImGui::SameLine();
    if (ImGui::Button("▶|")) sceneJump(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next scene");
    ImGui::SameLine(0, 20);
    ImGui::SetNextItemWidth(90);
    if (ImGui::Combo("##speed", &speed, kSpeedNames, kSpeedCount)) request.speed = speed;
    ImGui::SameLine(0, 28);
    ImGui::PushFont(large);
    ImGui::TextUnformatted(formatClock(t).c_str());
    ImGui::PopFont();
    if (show) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(colour(theme::kDimText), "/ %s", formatClock(show->duration).c_str());
        int scene = show->sceneAt(t);
        if (scene >= 0) {
            ImGui::SameLine(0, 24);
            const Scene& s = show->scenes[scene];
            ImGui::TextColored(colour(theme::kAccent), "%s", s.id.c_str());
            ImGui::SameLine();
            ImGui::TextColored(colour(theme::kDimText), "+%s  %s", formatTime(t - s.begin).c_str(), s.title.c_str());
        }
    }
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
