#include "diagnostics_panel.h"

#include <imgui.h>

#include <filesystem>
#include <string>

#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {

namespace {
ImU32 severityColour(Severity severity) {
    switch (severity) {
        case Severity::Error: return theme::kError;
        case Severity::Warning: return theme::kWarning;
        case Severity::Note: return theme::kNote;
    }
    return theme::kNote;
}
}  // namespace

std::optional<Diagnostic> drawDiagnostics(const Diagnostics& d, const std::string& exhibitFile, float x, float y,
                                          float w, float h) {
    std::optional<Diagnostic> clicked;
    std::string title = "Diagnostics: " + std::to_string(d.errorCount()) + " errors, " +
                        std::to_string(d.warningCount()) + " warnings###diagnostics";
    beginPanel(title.c_str(), x, y, w, h);
    if (d.empty()) ImGui::TextColored(colour(theme::kDimText), "The exhibit checks clean.");
    int index = 0;
    for (const auto& diag : d.all()) {
        const ImU32 c = severityColour(diag.severity);
        ImGui::PushID(index++);
        // A full-width selectable as tall as the wrapped message, with the text drawn over it.
        const bool elsewhere = !diag.where.file.empty() && diag.where.file != exhibitFile;
        std::string label = (elsewhere ? std::filesystem::path(diag.where.file).filename().string() + " " : "") + "line " +
                            std::to_string(diag.where.line) + "  " + diag.message;
        const float indent = 78;
        float wrapWidth = ImGui::GetContentRegionAvail().x - indent;
        ImVec2 textSize = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrapWidth);
        ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable("##diagnostic", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, textSize.y)))
            clicked = diag;
        if (ImGui::IsItemHovered() && !diag.hint.empty()) ImGui::SetTooltip("%s", diag.hint.c_str());
        ImGui::SetCursorPos(at);
        ImGui::TextColored(colour(c), "%s", severityName(diag.severity));
        ImGui::SameLine(at.x + indent);
        ImGui::PushTextWrapPos(at.x + indent + wrapWidth);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::End();
    return clicked;
}

}  // namespace vitrine::studio
