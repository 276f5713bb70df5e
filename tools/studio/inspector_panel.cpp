#include "inspector_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "studio_panels.h"
#include "studio_theme.h"
#include "base/time_value.h"
#include "studio/structure_edits.h"

namespace vitrine::studio {

namespace {
const char* kindName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Text: return "text";
        case ItemKind::Image: return "image";
        case ItemKind::Video: return "video";
        case ItemKind::Audio: return "audio";
        case ItemKind::Map: return "map";
        case ItemKind::VisitorCode: return "visitor-code";
    }
    return "item";
}
}  // namespace

InspectorRequest InspectorPanel::draw(const StudioDocument& doc, ImFont* large, float x, float y, float w, float h) {
    InspectorRequest request;
    beginPanel("Inspector", x, y, w, h);
    const Show* show = doc.show();
    const Selection& s = doc.selection();
    const ScriptNode* node = doc.nodeOf(s);
    if (!show || !node) {
        ImGui::TextDisabled("Click a scene or an item on the timeline,\nor a diagnostic, to inspect it here.");
        ImGui::End();
        return request;
    }
    ImGui::PushFont(large);
    if (s.kind == Selection::Kind::Scene) ImGui::Text("Scene %s", show->scenes[s.index].id.c_str());
    else ImGui::Text("<%s>", kindName(show->items[s.index].kind));
    ImGui::PopFont();
    SourceLocation where = doc.locationOf(s);
    ImGui::TextColored(colour(theme::kDimText), "%s:%d", std::filesystem::path(where.file).filename().c_str(), where.line);
    Micros begin = s.kind == Selection::Kind::Scene ? show->scenes[s.index].begin : show->items[s.index].begin;
    Micros end = s.kind == Selection::Kind::Scene ? show->scenes[s.index].end : show->items[s.index].end;
    ImGui::SameLine(0, 20);
    ImGui::Text("%s – %s  (%s)", formatTime(begin).c_str(), formatTime(end).c_str(), formatTime(end - begin).c_str());
    ImGui::Separator();
    if (s.kind == Selection::Kind::Item && doc.script()) {
        // The exhibit's styles by name, so that a designer need not remember them.
        const std::string current = node->value("style");
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(colour(theme::kDimText), "Style");
        ImGui::SameLine(129);  // lines up with the attribute table's values below
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##style", current.empty() ? "(the default style)" : current.c_str())) {
            for (const auto& name : styleNames(*doc.script()))
                if (ImGui::Selectable(name.c_str(), name == current)) request.setAttribute.emplace("style", name);
            ImGui::EndCombo();
        }
        if (request.setAttribute) {
            ImGui::End();
            return request;
        }
    }
    drawAttributes(*node, request);
    if (!request.setAttribute) {
        const bool item = s.kind == Selection::Kind::Item;
        if (item && show->items[s.index].kind == ItemKind::Audio) {
            ImGui::Spacing();
            const std::string& captions = show->items[s.index].captions;
            ImGui::BeginDisabled(captions.empty());
            if (ImGui::Button("Time captions…")) request.timeCaptions = true;
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            if (captions.empty()) ImGui::TextDisabled("add captions=\"name.vtt\" first");
            else ImGui::TextColored(colour(theme::kDimText), "play the sound, tap a key at each line");
        }
        if (item && show->items[s.index].kind == ItemKind::Text) drawText(doc, *node, request);
    }
    ImGui::End();
    return request;
}

void InspectorPanel::drawAttributes(const ScriptNode& node, InspectorRequest& request) {
    fieldRects_.clear();
    if (ImGui::BeginTable("##attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("attribute", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& a : node.attributes) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(colour(theme::kDimText), "%.*s", static_cast<int>(a.name.size()), a.name.data());
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1);
            std::string value(a.value);
            std::string id = "##" + std::string(a.name);
            // Applied on Enter, so a half-typed value never reaches the file.
            const bool entered = ImGui::InputText(id.c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            fieldRects_[std::string(a.name)] = sf::IntRect(static_cast<int>(min.x), static_cast<int>(min.y),
                                                           static_cast<int>(max.x - min.x), static_cast<int>(max.y - min.y));
            if (entered) {
                request.setAttribute.emplace(std::string(a.name), value);
                break;  // the node is gone once the edit is applied: the text is compiled again
            }
        }
        ImGui::EndTable();
    }
    if (request.setAttribute) return;
    ImGui::Spacing();
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint("##new-name", "attribute", &newAttributeName_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 60);
    ImGui::InputTextWithHint("##new-value", "value", &newAttributeValue_);
    ImGui::SameLine();
    if (ImGui::Button("Add") && !newAttributeName_.empty()) request.setAttribute.emplace(newAttributeName_, newAttributeValue_);
}

std::optional<sf::IntRect> InspectorPanel::fieldRect(const std::string& attribute) const {
    auto found = fieldRects_.find(attribute);
    if (found == fieldRects_.end()) return std::nullopt;
    return found->second;
}

void InspectorPanel::clearNewAttribute() {
    newAttributeName_.clear();
    newAttributeValue_.clear();
}

void InspectorPanel::drawText(const StudioDocument& doc, const ScriptNode& node, InspectorRequest& request) {
    const Selection& s = doc.selection();
    bool plain = std::all_of(node.children.begin(), node.children.end(), [](const ScriptNode& c) { return c.isText(); });
    ImGui::Spacing();
    ImGui::TextColored(colour(theme::kDimText), "Text");
    if (!plain) {
        ImGui::TextWrapped("%s", node.plainText().c_str());
        ImGui::TextDisabled("This text has markup (<p>, <br/>, <i>); edit it in the file.");
        return;
    }
    if (contentFor_ != s || contentGeneration_ != doc.showGeneration()) {
        // As written in the file, line for line, so the box reads like the designer's text.
        contentBuffer_ = writtenContent(doc.text(), node.where, node.name).value_or(node.plainText());
        contentFor_ = s;
        contentGeneration_ = doc.showGeneration();
    }
    ImGui::InputTextMultiline("##content", &contentBuffer_, ImVec2(-1, 110));
    if (ImGui::Button("Apply text")) request.setContent = contentBuffer_;
}

}  // namespace vitrine::studio
