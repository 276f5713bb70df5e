#include "caption_timing_panel.h"

#include <imgui.h>

#include <string>

#include "studio_panels.h"
#include "studio_theme.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr float kSectionGap = 6;
constexpr float kNumberColumn = 34;
constexpr float kTimeColumn = 92;

// A caption's lines on one line each, as the visitor will read them.
std::string shown(const CaptionCue& cue) {
    std::string text = cue.plainText();
    return text.empty() ? "(no text)" : text;
}

void label(const char* text) {
    ImGui::Dummy(ImVec2(0, kSectionGap));
    ImGui::TextColored(colour(theme::kDimText), "%s", text);
}

}  // namespace

CaptionTimingPanel::CaptionTimingPanel(int item, std::filesystem::path captionsFile, CaptionTapper tapper)
    : item_(item), captionsFile_(std::move(captionsFile)), tapper_(std::move(tapper)) {}

CaptionTimingRequest CaptionTimingPanel::draw(std::optional<Micros> mediaTime, ImFont* large) {
    CaptionTimingRequest request;
    const CaptionTapper& t = tapper_;
    const std::size_t tapped = t.tappedCount();

    ImGui::PushFont(large);
    ImGui::TextUnformatted("Time captions");
    ImGui::PopFont();
    ImGui::SameLine(0, 16);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour(theme::kDimText), "%s", captionsFile_.filename().c_str());
    if (mediaTime)
        ImGui::Text("%zu of %zu lines tapped   ·   %s in the sound", tapped, t.lineCount(),
                    formatClock(*mediaTime).c_str());
    else
        ImGui::TextColored(colour(theme::kWarning), "%zu of %zu lines tapped   ·   the playhead is outside the sound",
                           tapped, t.lineCount());

    // The line being heard, then the one the next tap starts: big enough to read while listening.
    label(tapped == 0 ? "NOW  (tap when the first line starts)" : t.currentLineEnded() ? "NOW  (ended)" : "NOW");
    ImGui::PushFont(large);
    ImGui::PushTextWrapPos(0);
    if (tapped > 0)
        ImGui::TextColored(colour(t.currentLineEnded() ? theme::kDimText : theme::kAccent), "%s",
                           shown(t.line(tapped - 1)).c_str());
    else
        ImGui::TextColored(colour(theme::kDimText), "…");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    label("NEXT");
    ImGui::PushTextWrapPos(0);
    if (tapped < t.lineCount()) ImGui::TextUnformatted(shown(t.line(tapped)).c_str());
    else ImGui::TextColored(colour(theme::kDimText), "Every line is tapped. Save, or Undo to tap again.");
    ImGui::PopTextWrapPos();

    ImGui::Dummy(ImVec2(0, kSectionGap));
    ImGui::BeginDisabled(t.complete());
    if (ImGui::Button("Tap  (Space)")) request.tap = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(tapped == 0 || t.currentLineEnded());
    if (ImGui::Button("End line  (E)")) request.endLine = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(tapped == 0);
    if (ImGui::Button("Undo  (Backspace)")) request.undo = true;
    ImGui::EndDisabled();
    // Saving and leaving on a row of their own, apart from the keys pressed while listening.
    ImGui::BeginDisabled(tapped == 0 || !t.canSave());
    if (ImGui::Button("Save captions  (Ctrl+S)")) request.save = true;
    ImGui::EndDisabled();
    if (!t.canSave() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Tap every line first: the lines come from a text file and have no times of their own");
    ImGui::SameLine();
    if (ImGui::Button("Cancel  (Esc)")) request.cancel = true;

    // Every line with its time: tapped ones bright with their new times, the rest as they were.
    ImGui::Dummy(ImVec2(0, kSectionGap));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("##caption-lines", 4, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, kNumberColumn);
        ImGui::TableSetupColumn("start", ImGuiTableColumnFlags_WidthFixed, kTimeColumn);
        ImGui::TableSetupColumn("end", ImGuiTableColumnFlags_WidthFixed, kTimeColumn);
        ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < t.lineCount(); ++i) {
            ImGui::TableNextRow();
            const bool isTapped = i < tapped;
            const bool isNext = i == tapped;
            if (isNext) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(70, 58, 40, 255));
            ImU32 c = isTapped ? theme::kText : theme::kDimText;
            const bool timed = isTapped || t.origin() != CaptionLinesOrigin::PlainText;
            auto [start, end] = isTapped ? t.tappedTimes(i) : std::pair{t.line(i).start, t.line(i).end};
            ImGui::TableSetColumnIndex(0);
            ImGui::TextColored(colour(isNext ? theme::kAccent : theme::kDimText), "%zu", i + 1);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextColored(colour(c), "%s", timed ? formatClock(start).c_str() : "—");
            ImGui::TableSetColumnIndex(2);
            ImGui::TextColored(colour(c), "%s", timed ? formatClock(end).c_str() : "—");
            ImGui::TableSetColumnIndex(3);
            std::string text = shown(t.line(i));
            for (char& ch : text)
                if (ch == '\n') ch = ' ';
            ImGui::TextColored(colour(c), "%s", text.c_str());
            if (isNext && scrolledTo_ != i) {
                ImGui::SetScrollHereY(0.35f);
                scrolledTo_ = i;
            }
        }
        ImGui::EndTable();
    }
    drawQuestion(request);
    return request;
}

void CaptionTimingPanel::drawQuestion(CaptionTimingRequest& request) {
    constexpr const char* kTitle = "Save captions?";
    if (question_ && !questionOpened_) {
        ImGui::OpenPopup(kTitle);
        questionOpened_ = true;
    }
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(question_ ? question_->c_str() : "");
    ImGui::Dummy(ImVec2(0, kSectionGap));
    ImGui::TextColored(colour(theme::kDimText), "%s",
                       "Move the lines not tapped yet after the last tapped one, in order, each as long as it "
                       "was; or go on tapping.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, kSectionGap));
    const std::string move = "Move them after line " + std::to_string(tapper_.tappedCount()) + " and save";
    bool close = false;
    if (ImGui::Button(move.c_str())) request.moveUntimed = close = true;
    ImGui::SameLine();
    if (ImGui::Button("Keep timing")) request.keepTiming = close = true;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) close = true;
    if (close || !question_) {
        question_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace vitrine::studio
