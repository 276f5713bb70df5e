#include "export_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "base/time_value.h"
#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {

constexpr float kWindowWidth = 620, kWindowHeight = 290;
constexpr float kMargin = 16, kStatusHeight = 30;
constexpr float kLabelWidth = 110;

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour(theme::kDimText), "%s", text);
    ImGui::SameLine(kLabelWidth);
}

const char* doing(ExportKind kind) {
    switch (kind) {
        case ExportKind::Still: return "Drawing the still";
        case ExportKind::Storyboard: return "Drawing the storyboard";
        case ExportKind::Video: return "Exporting the video";
    }
    return "Exporting";
}

}  // namespace

std::filesystem::path defaultExportFile(const std::filesystem::path& exhibit, ExportKind kind) {
    std::filesystem::path folder = exhibit.parent_path() / "exports";
    std::string stem = exhibit.stem().string();
    switch (kind) {
        case ExportKind::Still: return folder / (stem + "-still.png");
        case ExportKind::Storyboard: return folder / (stem + "-storyboard.png");
        case ExportKind::Video: return folder / (stem + ".mp4");
    }
    return folder / stem;
}

void ExportPanel::open(ExportKind kind) {
    open_ = true;
    placed_ = false;
    if (kind != kind_ || file_.empty()) fileFor_.clear();
    kind_ = kind;
}

ExportPanelRequest ExportPanel::draw(const StudioDocument& doc, const ExportJob& job, Micros playhead) {
    ExportPanelRequest request;
    if (job.running()) {
        // The progress stays in view until the export ends, with what it writes where.
        open_ = true;
        kind_ = job.order().kind;
        file_ = job.order().file.string();
    }
    if (!open_) return request;
    if (fileFor_ != doc.file()) {
        file_ = defaultExportFile(doc.file(), kind_).string();
        fileFor_ = doc.file();
    }
    if (!placed_) {
        ImVec2 display = ImGui::GetIO().DisplaySize;
        // Bottom right, over the diagnostics: the preview stays in view while it runs.
        const float width = std::min(kWindowWidth, display.x - 2 * kMargin);
        ImGui::SetNextWindowPos(ImVec2(display.x - width - kMargin, display.y - kWindowHeight - kStatusHeight - kMargin));
        ImGui::SetNextWindowSize(ImVec2(width, kWindowHeight));
        placed_ = true;
    }
    bool keepOpen = true;
    if (!ImGui::Begin("Export", &keepOpen, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return request;
    }
    if (!keepOpen && !job.running()) open_ = false;

    ImGui::BeginDisabled(job.running());
    label("Export");
    const std::pair<ExportKind, const char*> kinds[] = {
        {ExportKind::Still, "Still picture"}, {ExportKind::Storyboard, "Storyboard"}, {ExportKind::Video, "Video (MP4)"}};
    for (const auto& [kind, name] : kinds) {
        if (ImGui::RadioButton(name, kind_ == kind) && kind_ != kind) {
            kind_ = kind;
            file_ = defaultExportFile(doc.file(), kind_).string();
        }
        ImGui::SameLine(0, 18);
    }
    ImGui::NewLine();
    label("To file");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##export-file", &file_);
    label("What");
    switch (kind_) {
        case ExportKind::Still:
            ImGui::TextWrapped("The frame at the playhead, %s, at the canvas's size.", formatTime(playhead).c_str());
            break;
        case ExportKind::Storyboard:
            ImGui::TextWrapped("One still per scene on a sheet, with each scene's name, start and first words.");
            break;
        case ExportKind::Video:
            ImGui::Checkbox("The whole show", &wholeShow_);
            if (!wholeShow_) {
                ImGui::SameLine(0, 18);
                ImGui::SetNextItemWidth(130);
                ImGui::InputTextWithHint("##from", "from: 0:10 or scene", &from_);
                ImGui::SameLine();
                ImGui::SetNextItemWidth(130);
                ImGui::InputTextWithHint("##to", "to: scene+5s", &to_);
            }
            break;
    }
    if (doc.showIsStale())
        ImGui::TextColored(colour(theme::kWarning), "The file has errors that stop it compiling: fix them to export.");
    ImGui::EndDisabled();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    if (job.running()) {
        auto [done, total] = job.progress();
        float fraction = total > 0 ? static_cast<float>(done) / static_cast<float>(total) : 0.0f;
        std::string overlay = total > 0 ? std::to_string(done) + " of " + std::to_string(total) +
                                              (job.order().kind == ExportKind::Storyboard ? " scenes" : " frames")
                                        : std::string("starting…");
        ImGui::TextUnformatted(doing(job.order().kind));
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay.c_str());
        ImGui::TextColored(colour(theme::kDimText), "to %s", job.order().file.string().c_str());
        if (ImGui::Button("Cancel")) request.cancel = true;
    } else {
        if (ImGui::Button("Export", ImVec2(140, 0)) && !file_.empty()) {
            request.start = kind_;
            request.file = file_;
            if (kind_ == ExportKind::Video && !wholeShow_) {
                request.from = from_;
                request.to = to_;
            }
        }
        if (last_) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(colour(last_->ok ? theme::kText : last_->cancelled ? theme::kDimText : theme::kError), "%s",
                               last_->message.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
