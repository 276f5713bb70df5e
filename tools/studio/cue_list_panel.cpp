#include "cue_list_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "studio_panels.h"
#include "studio_theme.h"
#include "base/time_value.h"

namespace vitrine::studio {

CueListRequest drawCueList(const StudioDocument& doc, const TimelineLayout& layout, float x, float y, float w, float h) {
    CueListRequest request;
    beginPanel("Cue list", x, y, w, h);
    const Show* show = doc.show();
    if (!show) {
        ImGui::TextDisabled("No show.");
        ImGui::End();
        return request;
    }
    const std::vector<CueRow> rows = cueList(*show, layout);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##cues", 3, kFlags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Cue", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Start", ImGuiTableColumnFlags_WidthFixed, 78);
        ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthFixed, 78);
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
            const CueRow& row = rows[i];
            const Chip& chip = layout.chips[row.chip];
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();  // level with the time fields beside it
            const bool selected = doc.selection() == chip.target;
            std::string label = row.scene ? chip.label : "    " + chip.label;
            if (row.scene) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
            if (ImGui::Selectable(label.c_str(), selected)) {
                request.select = chip.target;
                request.seek = chip.begin;
            }
            if (row.scene) ImGui::PopStyleColor();
            // Start and length: shown as times, typed over in place. A scene's start follows
            // the scene before it, so only its length is edited.
            for (int column = 0; column < 2; ++column) {
                ImGui::TableNextColumn();
                const bool length = column == 1;
                const Micros value = length ? row.length : row.start;
                const bool editable = length ? chip.trimsEnd : chip.movable;
                if (!editable) {
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextColored(colour(theme::kDimText), "%s", formatTime(value).c_str());
                    continue;
                }
                // While the field is being typed in, ImGui keeps its own copy of the text.
                std::string text = formatTime(value);
                ImGui::SetNextItemWidth(-1);
                if (!ImGui::InputText(length ? "##length" : "##start", &text, ImGuiInputTextFlags_EnterReturnsTrue))
                    continue;
                if (auto typed = parseTimeValue(text)) {
                    if (*typed != value)
                        request.edit = ChipDragRequest{chip, length ? ChipPart::EndEdge : ChipPart::Body, *typed - value};
                } else {
                    request.problem = "\"" + text + "\" is not a time; write it as 2s, 1.5s or 1:30";
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
