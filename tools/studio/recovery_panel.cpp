#include "recovery_panel.h"

#include <imgui.h>

namespace vitrine::studio {

std::optional<RecoveryChoice> RecoveryPanel::drawOffer(const RecoverySet& offer, const HeldText& heldText) {
    const char* title = "Unsaved edits found";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(560, 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) return std::nullopt;
    ImGui::TextWrapped("The studio closed without saving edits. A copy of them was kept %s.",
                       describeTime(offer.written).c_str());
    for (const auto& [file, recovery] : offer.recoveries) {
        const std::string* held = heldText(file);
        const int lines = held ? changedLines(*held, recovery.text) : 0;
        ImGui::TextWrapped("In %s, %d line%s from the file as it is on disk.", file.filename().c_str(), lines,
                           lines == 1 ? " differs" : "s differ");
    }
    ImGui::Spacing();
    std::optional<RecoveryChoice> choice;
    if (ImGui::Button("Restore them")) choice = RecoveryChoice::Restore;
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) choice = RecoveryChoice::Discard;
    ImGui::SameLine();
    if (ImGui::Button("Decide later")) choice = RecoveryChoice::Later;
    if (choice) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return choice;
}

bool RecoveryPanel::drawNotReapplied(const std::filesystem::path& exhibit, const std::vector<std::string>& notReapplied) {
    const char* title = "Edits not made again";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(620, 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) return false;
    ImGui::TextWrapped("Another program changed %s while you had unsaved edits. These could not be reapplied "
                       "on its new text; the others were, and are still unsaved:",
                       exhibit.filename().c_str());
    ImGui::Spacing();
    for (const auto& what : notReapplied) ImGui::BulletText("%s", what.c_str());
    ImGui::Spacing();
    const bool dismissed = ImGui::Button("OK");
    if (dismissed) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return dismissed;
}

}  // namespace vitrine::studio
