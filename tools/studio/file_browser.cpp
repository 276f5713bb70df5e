#include "file_browser.h"

#include <imgui.h>

#include <cctype>
#include <cstdlib>

#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {

void FileBrowser::open(std::string title, std::string action, std::filesystem::path folder, std::optional<MediaKind> only) {
    title_ = std::move(title);
    action_ = std::move(action);
    only_ = only;
    open_ = justOpened_ = true;
    enter(std::move(folder));
}

void FileBrowser::enter(std::filesystem::path folder) {
    std::error_code ec;
    folder_ = std::filesystem::weakly_canonical(folder, ec);
    if (ec) folder_ = std::move(folder);
    listing_ = listFolder(folder_);
    if (only_)
        std::erase_if(listing_.files, [&](const MediaFile& f) { return f.kind != *only_; });
    selected_ = -1;
}

std::optional<std::filesystem::path> FileBrowser::draw() {
    if (!open_) return std::nullopt;
    const std::string id = title_ + "##file-browser";
    if (justOpened_) {
        ImGui::OpenPopup(id.c_str());
        justOpened_ = false;
    }
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, screen.x - 80), std::min(560.0f, screen.y - 80)));
    ImGui::SetNextWindowPos(ImVec2(screen.x / 2, screen.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        open_ = false;
        return std::nullopt;
    }
    std::optional<std::filesystem::path> chosen;
    std::optional<std::filesystem::path> next;

    if (ImGui::Button("Up") && folder_.has_parent_path()) next = folder_.parent_path();
    ImGui::SameLine();
    if (const char* home = std::getenv("HOME"); home && ImGui::Button("Home")) next = home;
    ImGui::SameLine();
    ImGui::TextColored(colour(theme::kDimText), "%s", folder_.string().c_str());
    ImGui::Separator();

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
    ImGui::BeginChild("##files", ImVec2(0, -footer), true);
    if (!listing_.problem.empty()) ImGui::TextColored(colour(theme::kError), "%s", listing_.problem.c_str());
    for (const auto& folder : listing_.folders) {
        // A folder opens with one click, as in a file dialog's sidebar.
        if (ImGui::Selectable((folder + "/").c_str(), false)) next = folder_ / folder;
    }
    const float kindColumn = ImGui::GetContentRegionAvail().x - 190;
    for (int i = 0; i < static_cast<int>(listing_.files.size()); ++i) {
        const MediaFile& f = listing_.files[i];
        ImGui::PushID(i);
        if (ImGui::Selectable(f.path.c_str(), selected_ == i, ImGuiSelectableFlags_AllowDoubleClick)) {
            selected_ = i;
            if (ImGui::IsMouseDoubleClicked(0)) chosen = folder_ / f.path;
        }
        ImGui::SameLine(kindColumn);
        ImGui::TextColored(colour(theme::kDimText), "%s", std::string(mediaKindName(f.kind)).c_str());
        ImGui::SameLine(kindColumn + 100);
        ImGui::TextColored(colour(theme::kDimText), "%s", describeBytes(f.bytes).c_str());
        ImGui::PopID();
    }
    if (listing_.files.empty() && listing_.problem.empty()) {
        std::string kind = only_ ? std::string(mediaKindName(*only_)) : std::string();
        if (!kind.empty()) kind[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(kind[0])));
        const std::string none = only_ ? "No " + kind + " files in this folder: open another, or press Up."
                                       : "No file here an exhibit can use (pictures, sounds, clips, captions, maps).";
        ImGui::TextColored(colour(theme::kDimText), "%s", none.c_str());
    }
    ImGui::EndChild();

    ImGui::TextColored(colour(theme::kDimText), "A file from outside the exhibit's folder is copied into it; the original stays where it is.");
    const bool canChoose = selected_ >= 0 && selected_ < static_cast<int>(listing_.files.size());
    if (!canChoose) ImGui::BeginDisabled();
    if (ImGui::Button(action_.c_str(), ImVec2(120, 0)) && canChoose) chosen = folder_ / listing_.files[selected_].path;
    if (!canChoose) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        open_ = false;
        ImGui::CloseCurrentPopup();
    }
    if (chosen) {
        open_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (next) enter(*next);
    return chosen;
}

}  // namespace vitrine::studio
